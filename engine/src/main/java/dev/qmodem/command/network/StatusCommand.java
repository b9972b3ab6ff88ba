package dev.qmodem.command.network;

import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.CommandForm;
import dev.qmodem.at.Response;
import dev.qmodem.command.Params;
import dev.qmodem.command.Ts27007Command;

import java.util.function.Supplier;

/**
 * A status the module reports in one line, fixed or read from the radio at the time: {@code AT+CPIN?}
 * ({@code +CPIN: READY}), {@code AT+CSQ}, {@code AT+COPS?}, {@code AT+CGATT?}, {@code AT+QNWINFO}, {@code AT+QCCID}...
 * The form that reads is given at registration; the test form answers with the given test line or just OK; a
 * set form is accepted when the command has one.
 */
public final class StatusCommand implements Ts27007Command {

    private final CommandForm readForm;
    private final Supplier<String> line;
    private final String testLine;
    private final int maxSetArgs;

    /**
     * @param readForm   READ for {@code AT+X?}, EXECUTE for {@code AT+CSQ}
     * @param testLine   the test form's line, or null for a bare OK
     * @param maxSetArgs how many parameters the set form takes; 0 if it has none
     */
    public StatusCommand(CommandForm readForm, String line, String testLine, int maxSetArgs) {
        this(readForm, () -> line, testLine, maxSetArgs);
    }

    /** A status whose line is read when asked, e.g. the signal of a radio that may be off. */
    public StatusCommand(CommandForm readForm, Supplier<String> line, String testLine, int maxSetArgs) {
        this.readForm = readForm;
        this.line = line;
        this.testLine = testLine;
        this.maxSetArgs = maxSetArgs;
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        if (request.form() == readForm) {
            response.info(line.get());
        } else if (request.form() == CommandForm.TEST) {
            if (testLine != null) {
                response.info(testLine);
            }
        } else if (request.form() == CommandForm.SET && maxSetArgs > 0) {
            request.args().count(1, maxSetArgs).integer(0, 0, 4);
        } else {
            throw Params.unsupportedForm();
        }
    }
}
