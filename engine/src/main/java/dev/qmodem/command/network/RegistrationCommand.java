package dev.qmodem.command.network;

import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.Response;
import dev.qmodem.command.Params;
import dev.qmodem.command.Ts27007Command;
import dev.qmodem.network.Radio;
import dev.qmodem.profile.IntRange;

import java.util.Set;
import java.util.TreeSet;

/**
 * {@code AT+CREG=<n>}, {@code AT+CGREG=<n>}, {@code AT+CEREG=<n>}: how the radio reports registration in that
 * domain: 0 not at all, 1 {@code +CREG: <stat>} on a change, 2 also the cell ({@code "<lac>","<ci>",<AcT>}). The
 * read form answers {@code +CREG: <n>,<stat>[,"<lac>","<ci>",<AcT>]}; the test form the mode range.
 */
public final class RegistrationCommand implements Ts27007Command {

    private final Radio radio;
    private final Radio.Domain domain;
    private final String modes;
    private final Set<Integer> allowed = new TreeSet<>();

    /** @param modes the modes as the test form shows them, values and ranges: {@code 0-2} or {@code 0-2,4} */
    public RegistrationCommand(Radio radio, Radio.Domain domain, String modes) {
        this.radio = radio;
        this.domain = domain;
        this.modes = modes;
        for (String part : modes.split(",")) {
            IntRange range = IntRange.parse(part);
            for (long mode = range.min(); mode <= range.max(); mode++) {
                allowed.add((int) mode);
            }
        }
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        switch (request.form()) {
            case TEST -> response.info(domain.command() + ": (" + modes + ")");
            case READ -> response.info(radio.report(domain));
            case SET -> {
                int mode = (int) request.args().count(1, 1).integer(0, 0, Integer.MAX_VALUE);
                if (!allowed.contains(mode)) {
                    throw AtException.invalidParameter("mode " + mode + " not in " + modes);
                }
                radio.mode(domain, mode);
            }
            case EXECUTE -> throw Params.unsupportedForm();
        }
    }
}
