package dev.qmodem.command.basic;

import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.Response;
import dev.qmodem.command.Params;
import dev.qmodem.command.Ts27007Command;
import dev.qmodem.profile.ModelProfile;

/**
 * A setting the module only stores and reports: {@code AT+QSCLK=<enable>}, {@code AT+CTZU=<onoff>},
 * {@code AT+CPSMS=<mode>[,...]}, {@code AT+CEDRXS=<mode>,<AcT-type>[,"<eDRX>"]}. The read form prints
 * {@code +QSCLK: <value>}; the power-on value, what a new value may be and the test line are profile data
 * ({@code <name>}, {@code <name>.pattern}, {@code <name>.test}). Wrong values answer {@code +CME ERROR: 50}.
 */
public final class StoredValueCommand implements Ts27007Command {

    private static final int MAX_PARAMETERS = 8;

    private final String name;
    private final Setting setting;
    private final String testLine;

    public StoredValueCommand(String name, ModelProfile profile) {
        this.name = name;
        this.setting = new Setting(profile.text(name), profile.pattern(name + ".pattern"));
        this.testLine = profile.text(name + ".test");
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        switch (request.form()) {
            case TEST -> response.info(name + ": " + testLine);
            case READ -> response.info(name + ": " + setting.value());
            case SET -> setting.set(request.args().count(1, MAX_PARAMETERS), 0);
            case EXECUTE -> throw Params.unsupportedForm();
        }
    }
}
