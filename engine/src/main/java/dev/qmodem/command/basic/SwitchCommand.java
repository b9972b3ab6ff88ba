package dev.qmodem.command.basic;

import dev.qmodem.at.AtCommandHandler;
import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.CommandForm;
import dev.qmodem.at.Response;

import java.util.function.Consumer;

/**
 * {@code ATE[<n>]}, {@code ATV[<n>]}, {@code ATQ[<n>]}: a basic command that turns a setting off (0, or no number)
 * or on (1).
 */
public final class SwitchCommand implements AtCommandHandler {

    private final Consumer<Boolean> setting;

    public SwitchCommand(Consumer<Boolean> setting) {
        this.setting = setting;
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        boolean on = request.form() == CommandForm.SET && request.args().integer(0, 0, 1) == 1;
        setting.accept(on);
    }
}
