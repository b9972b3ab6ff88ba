package dev.qmodem.client.at;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a module's error numbers mean, from the Quectel documents' tables: {@code +CME ERROR} and {@code <err>}
 * codes (3GPP TS 27.007, the FILE 4xx codes, the FTP(S) 6xx codes) and the FTP reply codes a module reports as
 * {@code <protocol_error>}. The texts are the ones the modules print under {@code AT+CMEE=2}.
 */
public final class ErrorMeanings {

    private static final Map<Integer, String> ERRORS = Map.ofEntries(
            Map.entry(0, "Phone failure"),
            Map.entry(3, "Operation not allowed"),
            Map.entry(4, "Operation not supported"),
            Map.entry(10, "SIM not inserted"),
            Map.entry(50, "Incorrect parameters"),
            Map.entry(100, "Unknown"),
            Map.entry(400, "Invalid input value"),
            Map.entry(401, "Larger than the size of the file"),
            Map.entry(402, "Read zero byte"),
            Map.entry(403, "Drive full"),
            Map.entry(405, "File not found"),
            Map.entry(406, "Invalid file name"),
            Map.entry(407, "File already existed"),
            Map.entry(409, "Fail to write the file"),
            Map.entry(410, "Fail to open the file"),
            Map.entry(411, "Fail to read the file"),
            Map.entry(413, "Reach the max number of file allowed to be opened"),
            Map.entry(414, "The file read only"),
            Map.entry(416, "Invalid file descriptor"),
            Map.entry(417, "Fail to list the file"),
            Map.entry(418, "Fail to delete the file"),
            Map.entry(419, "Fail to get disk info"),
            Map.entry(420, "No space"),
            Map.entry(421, "Time out"),
            Map.entry(423, "File too large"),
            Map.entry(425, "Invalid parameter"),
            Map.entry(426, "File already opened"),
            Map.entry(601, "Unknown error"),
            Map.entry(602, "FTP service would block"),
            Map.entry(603, "FTP service busy"),
            Map.entry(604, "DNS parse failed"),
            Map.entry(605, "Network error"),
            Map.entry(606, "Control connection closed"),
            Map.entry(607, "Data connection closed"),
            Map.entry(608, "Socket closed by peer"),
            Map.entry(609, "Timeout error"),
            Map.entry(610, "Invalid parameter"),
            Map.entry(611, "Failed to open file"),
            Map.entry(612, "File position invalid"),
            Map.entry(613, "File error"),
            Map.entry(614, "Service not available, closing control connection"),
            Map.entry(615, "Open data connection failed"),
            Map.entry(616, "Connection closed; transfer aborted"),
            Map.entry(617, "Requested file action not taken"),
            Map.entry(618, "Requested action aborted: local error in processing"),
            Map.entry(619, "Requested action not taken: insufficient system storage"),
            Map.entry(620, "Syntax error, command unrecognized"),
            Map.entry(621, "Syntax error in parameters or arguments"),
            Map.entry(622, "Command not implemented"),
            Map.entry(623, "Bad sequence of commands"),
            Map.entry(624, "Command parameter not implemented"),
            Map.entry(625, "Not logged in"),
            Map.entry(626, "Need account for storing files"),
            Map.entry(627, "Requested action not taken"),
            Map.entry(628, "Requested action aborted: page type unknown"),
            Map.entry(629, "Requested file action aborted"),
            Map.entry(630, "Requested file name invalid"),
            Map.entry(631, "SSL authentication failed"));

    /** Texts BG95 and BG77 print where UC20's differ. */
    private static final Map<String, Integer> OTHER_TEXTS = Map.of(
            "FTP(S) server blocked", 602,
            "FTP(S) server busy", 603);

    private static final Map<Integer, String> FTP_REPLIES = Map.ofEntries(
            Map.entry(421, "Service not available, closing control connection"),
            Map.entry(425, "Open data connection fails"),
            Map.entry(426, "Connection closed; transfer aborted"),
            Map.entry(450, "Requested file action not taken"),
            Map.entry(451, "Requested action aborted: local error in processing"),
            Map.entry(452, "Requested action not taken: insufficient system storage"),
            Map.entry(500, "Syntax error, command unrecognized"),
            Map.entry(501, "Syntax error in parameters or arguments"),
            Map.entry(502, "Command not implemented"),
            Map.entry(503, "Bad sequence of commands"),
            Map.entry(504, "Command parameter not implemented"),
            Map.entry(530, "Not logged in"),
            Map.entry(532, "Need account for storing files"),
            Map.entry(550, "Requested action not taken. File unavailable"),
            Map.entry(551, "Requested action aborted: page type unknown"),
            Map.entry(552, "Requested file action aborted. Exceeded storage allocation"),
            Map.entry(553, "Requested action not taken. File name not allowed"));

    private ErrorMeanings() {
    }

    /** The meaning of a {@code +CME ERROR} or {@code <err>} code, or "Unknown error code N". */
    public static String error(int code) {
        String text = ERRORS.get(code);
        return text != null ? text : "Unknown error code " + code;
    }

    /** The meaning of an FTP reply code reported as {@code <protocol_error>}; 0 means none was reported. */
    public static String protocolError(int code) {
        if (code == 0) {
            return "No FTP server reply";
        }
        String text = FTP_REPLIES.get(code);
        return text != null ? text : "FTP reply " + code;
    }

    /** The code whose meaning is {@code text}, for {@code +CME ERROR: <text>} under AT+CMEE=2. */
    public static Optional<Integer> codeOf(String text) {
        String wanted = text.trim();
        return Stream.concat(ERRORS.entrySet().stream().map(e -> Map.entry(e.getValue(), e.getKey())),
                        OTHER_TEXTS.entrySet().stream())
                .filter(e -> e.getKey().equalsIgnoreCase(wanted))
                .map(Map.Entry::getValue)
                .min(Integer::compare);
    }
}
