package dev.qmodem.command.network;

import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.Response;
import dev.qmodem.command.Params;
import dev.qmodem.command.Ts27007Command;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code AT+CCLK?}: the module's real-time clock as {@code +CCLK: "yy/MM/dd,hh:mm:ss±zz"} (zz in quarter hours);
 * {@code AT+CCLK="<time>"} sets it. The clock runs from the machine's UTC time plus whatever the host set, and
 * survives a reset, as the module's RTC does.
 */
public final class ClockCommand implements Ts27007Command {

    private static final Pattern TIME = Pattern.compile("(\\d\\d/\\d\\d/\\d\\d,\\d\\d:\\d\\d:\\d\\d)([+-])(\\d\\d)");
    private static final DateTimeFormatter RTC = DateTimeFormatter.ofPattern("yy/MM/dd,HH:mm:ss");

    private final Clock clock;
    private Duration offset = Duration.ZERO;
    private int zoneQuarters;

    /** @param clock the machine's time in UTC */
    public ClockCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        switch (request.form()) {
            case TEST -> { }
            case READ -> response.info("+CCLK: \"" + rtc() + "\"");
            case SET -> set(request.args().count(1, 1).string(0, 20));
            case EXECUTE -> throw Params.unsupportedForm();
        }
    }

    private synchronized String rtc() {
        LocalDateTime local = LocalDateTime.now(clock).plus(offset).plusMinutes(15L * zoneQuarters);
        return RTC.format(local) + (zoneQuarters < 0 ? "-" : "+") + String.format("%02d", Math.abs(zoneQuarters));
    }

    private synchronized void set(String text) throws AtException {
        Matcher matcher = TIME.matcher(text);
        if (!matcher.matches()) {
            throw AtException.invalidParameter("not yy/MM/dd,hh:mm:ss+zz");
        }
        try {
            int quarters = Integer.parseInt(matcher.group(3)) * (matcher.group(2).equals("-") ? -1 : 1);
            if (Math.abs(quarters) > 96) {
                throw AtException.invalidParameter("time zone out of range");
            }
            LocalDateTime local = LocalDateTime.parse(matcher.group(1), RTC);
            LocalDateTime utc = local.minusMinutes(15L * quarters);
            offset = Duration.between(LocalDateTime.now(clock), utc);
            zoneQuarters = quarters;
        } catch (DateTimeParseException e) {
            throw AtException.invalidParameter("not a date");
        }
    }
}
