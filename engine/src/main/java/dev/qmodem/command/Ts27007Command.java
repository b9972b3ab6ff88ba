package dev.qmodem.command;

import dev.qmodem.at.AtCommandHandler;

/** A 3GPP TS 27.007 command (+CMEE, +CREG, +CFUN...): wrong parameters are {@code +CME ERROR: 50}. */
public interface Ts27007Command extends AtCommandHandler {

    @Override
    default int parameterError() {
        return INCORRECT_PARAMETERS;
    }
}
