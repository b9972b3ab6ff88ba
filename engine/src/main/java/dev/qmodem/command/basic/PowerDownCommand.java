package dev.qmodem.command.basic;

import dev.qmodem.at.AtCommandHandler;
import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.Response;
import dev.qmodem.command.Params;
import dev.qmodem.command.PowerControl;

/**
 * {@code AT+QPOWD[=<n>]}: powers the module down. 1 (the default, a normal power-down) answers {@code OK} then
 * {@code POWERED DOWN}; 0 (immediate) only {@code OK}. Afterwards the AT port answers nothing until the module is
 * powered on again (a restart of {@code serve}, or a control event).
 */
public final class PowerDownCommand implements AtCommandHandler {

    private static final int NORMAL = 1;

    private final PowerControl power;

    public PowerDownCommand(PowerControl power) {
        this.power = power;
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        switch (request.form()) {
            case TEST -> response.info("+QPOWD: (0,1)");
            case EXECUTE -> powerDown(NORMAL, response);
            case SET -> powerDown((int) request.args().count(1, 1).integer(0, 0, 1), response);
            case READ -> throw Params.unsupportedForm();
        }
    }

    private void powerDown(int mode, Response response) {
        if (mode == NORMAL) {
            response.afterFinal("POWERED DOWN");
        }
        power.powerOff();
    }
}
