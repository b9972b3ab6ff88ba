package dev.qmodem.client.at;

/** Recognises V.250 final result codes in their verbose form (ATV1). */
final class ResultCodes {

    private static final String CME = "+CME ERROR:";
    private static final String CMS = "+CMS ERROR:";

    private ResultCodes() {
    }

    static boolean isFinal(String line) {
        return line.equals("OK") || isError(line);
    }

    static boolean isConnect(String line) {
        return line.equals("CONNECT") || line.startsWith("CONNECT ");
    }

    /** {@code CONNECT <n>}'s length, or -1. */
    static long connectLength(String line) {
        try {
            return line.length() > 8 ? Long.parseLong(line.substring(8).trim()) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static boolean isError(String line) {
        return line != null && (line.equals("ERROR") || line.startsWith(CME) || line.startsWith(CMS)
                || line.equals("NO CARRIER") || line.equals("BUSY") || line.equals("NO ANSWER")
                || line.equals("NO DIALTONE"));
    }

    /** The code of {@code +CME ERROR: <n>} or {@code +CME ERROR: <text>}; {@link ModemException#NO_CODE} else. */
    static int errorCode(String line) {
        if (!line.startsWith(CME) && !line.startsWith(CMS)) {
            return ModemException.NO_CODE;
        }
        String value = line.substring(CME.length()).trim();
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return ErrorMeanings.codeOf(value).orElse(ModemException.NO_CODE);
        }
    }
}
