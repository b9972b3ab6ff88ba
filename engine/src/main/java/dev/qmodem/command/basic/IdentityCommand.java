package dev.qmodem.command.basic;

import dev.qmodem.at.AtCommandHandler;
import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.CommandForm;
import dev.qmodem.at.Response;
import dev.qmodem.command.Params;

import java.util.List;

/**
 * Identification commands that print fixed lines from the profile: {@code ATI} (manufacturer, model, revision),
 * {@code AT+GMI}/{@code +CGMI}, {@code +GMM}/{@code +CGMM}, {@code +GMR}/{@code +CGMR}, {@code +GSN}/{@code +CGSN}.
 * The test form answers OK.
 */
public final class IdentityCommand implements AtCommandHandler {

    private final List<String> lines;

    public IdentityCommand(List<String> lines) {
        this.lines = List.copyOf(lines);
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        if (request.form() == CommandForm.TEST) {
            return;
        }
        if (request.form() == CommandForm.READ) {
            throw Params.unsupportedForm();
        }
        if (request.form() == CommandForm.SET) {
            request.args().integer(0, 0, 0);
        }
        lines.forEach(response::info);
    }
}
