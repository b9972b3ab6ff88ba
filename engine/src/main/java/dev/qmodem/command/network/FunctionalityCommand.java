package dev.qmodem.command.network;

import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.Args;
import dev.qmodem.at.Response;
import dev.qmodem.command.Params;
import dev.qmodem.command.Ts27007Command;
import dev.qmodem.command.PowerControl;
import dev.qmodem.network.Radio;
import dev.qmodem.profile.IntRange;

/**
 * {@code AT+CFUN=<fun>[,<rst>]}: 1 full functionality, 0 minimum and 4 airplane mode (the radio leaves the network,
 * PDP contexts end, AT+QIACT fails until 1 again); {@code <rst>} 1 resets the module, which boots at full
 * functionality. {@code AT+CFUN?} answers {@code +CFUN: <fun>}.
 */
public final class FunctionalityCommand implements Ts27007Command {

    private static final int RESET = 1;

    private final Radio radio;
    private final PowerControl power;
    private final IntRange levels;
    private final IntRange resets;

    public FunctionalityCommand(Radio radio, PowerControl power, IntRange levels, IntRange resets) {
        this.radio = radio;
        this.power = power;
        this.levels = levels;
        this.resets = resets;
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        switch (request.form()) {
            case TEST -> response.info("+CFUN: " + levels.display() + "," + resets.display());
            case READ -> response.info("+CFUN: " + radio.functionality());
            case SET -> set(request.args().count(1, 2));
            case EXECUTE -> throw Params.unsupportedForm();
        }
    }

    private void set(Args args) throws AtException {
        int level = Params.listed(args, 0, levels, levels.display().substring(1, levels.display().length() - 1));
        if (Params.integer(args, 1, resets, 0) == RESET) {
            power.reboot();
        } else {
            radio.functionality(level);
        }
    }
}
