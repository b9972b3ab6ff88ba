package dev.qmodem.ftp;

import org.apache.commons.net.ftp.FTPConnectionClosedException;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * The Quectel FTP(S) error codes, the ones the AT layer decides too, and the one place where FTP replies and I/O
 * exceptions become them (DESIGN.md decision 6). Their texts for {@code AT+CMEE=2} are the profile's
 * {@code error.*} table.
 */
public final class FtpErrors {

    public static final int UNKNOWN = 601;
    public static final int BUSY = 603;
    public static final int DNS = 604;
    public static final int NETWORK = 605;
    public static final int CONTROL_LOST = 606;
    public static final int DATA_LOST = 607;
    public static final int RESET_BY_PEER = 608;
    public static final int TIMEOUT = 609;
    public static final int INVALID_PARAMETER = 610;
    public static final int OPEN_FILE_FAILED = 611;
    public static final int BAD_FILE_POSITION = 612;
    public static final int FILE_ERROR = 613;
    public static final int CONNECTION_ABORTED = 616;
    public static final int BAD_SEQUENCE = 623;
    public static final int NOT_LOGGED_IN = 625;
    public static final int TLS = 631;

    private static final Map<Integer, Integer> BY_REPLY = Map.ofEntries(
            Map.entry(421, 614), Map.entry(425, 615), Map.entry(426, 616), Map.entry(450, 617),
            Map.entry(451, 618), Map.entry(452, 619), Map.entry(500, 620), Map.entry(501, 621),
            Map.entry(502, 622), Map.entry(503, 623), Map.entry(504, 624), Map.entry(530, 625),
            Map.entry(532, 626), Map.entry(550, 627), Map.entry(551, 628), Map.entry(552, 629),
            Map.entry(553, 630));

    /** Which connection an I/O error happened on: it decides between 606 and 607. */
    public enum Channel { CONTROL, DATA }

    private FtpErrors() {
    }

    /** A failure for an unexpected reply: the documents' table, else 601, with the reply code as protocol error. */
    public static FtpFailure fromReply(int replyCode, String replyText) {
        return new FtpFailure(BY_REPLY.getOrDefault(replyCode, UNKNOWN), replyCode, replyText.strip(), null);
    }

    /** A failure for an I/O exception on the given connection; an {@link FtpFailure} passes through. */
    public static FtpFailure fromIOException(IOException e, Channel channel) {
        if (e instanceof FtpFailure failure) {
            return failure;
        }
        return new FtpFailure(errOf(e, channel), protocolErrorOf(e), String.valueOf(e.getMessage()), e);
    }

    private static int errOf(IOException e, Channel channel) {
        if (e instanceof UnknownHostException) {
            return DNS;
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException || e instanceof PortUnreachableException) {
            return channel == Channel.CONTROL ? NETWORK : DATA_LOST;
        }
        if (causedBy(e, SocketTimeoutException.class)) {
            return TIMEOUT;
        }
        if (e instanceof FTPConnectionClosedException && isReply421(e)) {
            return BY_REPLY.get(421);
        }
        if (e instanceof SSLException && !(e.getCause() instanceof SocketException)) {
            return TLS;
        }
        if (isReset(e)) {
            return RESET_BY_PEER;
        }
        return channel == Channel.CONTROL ? CONTROL_LOST : DATA_LOST;
    }

    private static int protocolErrorOf(IOException e) {
        return e instanceof FTPConnectionClosedException && isReply421(e) ? 421 : 0;
    }

    // Commons Net signals a 421 reply only through this exception's message.
    private static boolean isReply421(IOException e) {
        return e.getMessage() != null && e.getMessage().contains("421");
    }

    // Commons Net wraps a timeout while waiting for the greeting in a plain IOException.
    private static boolean causedBy(Throwable e, Class<? extends Throwable> kind) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isReset(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketException && t.getMessage() != null && t.getMessage().contains("reset")) {
                return true;
            }
        }
        return false;
    }
}
