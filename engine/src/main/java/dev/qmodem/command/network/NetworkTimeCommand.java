package dev.qmodem.command.network;

import dev.qmodem.at.AtCommandHandler;
import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.Response;
import dev.qmodem.command.Params;
import dev.qmodem.profile.IntRange;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * {@code AT+QLTS[=<mode>]}: the time the network last gave, {@code +QLTS: "yyyy/MM/dd,hh:mm:ss±zz,<dst>"}; the
 * simulated network gives the machine's UTC time, zone +00, no daylight saving, whatever the mode.
 */
public final class NetworkTimeCommand implements AtCommandHandler {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy/MM/dd,HH:mm:ss");

    private final Clock clock;
    private final IntRange modes;

    /**
     * @param clock the machine's time in UTC
     * @param modes the {@code <mode>} range of the set form
     */
    public NetworkTimeCommand(Clock clock, IntRange modes) {
        this.clock = clock;
        this.modes = modes;
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        switch (request.form()) {
            case TEST -> response.info("+QLTS: " + modes.display());
            case SET -> {
                Params.integer(request.args().count(1, 1), 0, modes);
                response.info(now());
            }
            case EXECUTE -> response.info(now());
            case READ -> throw Params.unsupportedForm();
        }
    }

    private String now() {
        return "+QLTS: \"" + FORMAT.format(LocalDateTime.now(clock)) + "+00,0\"";
    }
}
