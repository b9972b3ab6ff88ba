package dev.qmodem.command.basic;

import dev.qmodem.at.AtCommandHandler;
import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.Response;

/**
 * {@code AT&W[0]}: store the user profile. Accepted and answered OK; qmodem keeps terminal settings for the life of
 * the process, and a restart starts from factory values, which is what tests want.
 */
public final class StoreProfileCommand implements AtCommandHandler {

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        request.args().integer(0, 0, 0, 0);
    }
}
