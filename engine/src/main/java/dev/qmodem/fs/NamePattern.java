package dev.qmodem.fs;

/** A validated {@code AT+QFLST}/{@code AT+QFDEL} pattern: a drive and a name where '*' and '?' are wildcards. */
record NamePattern(Drive drive, String glob) {

    /** @throws FileError as {@link LocalName#parse} */
    static NamePattern parse(String pattern, StorageConfig config) throws FileError {
        Names.Split split = Names.split(pattern, config);
        if (!Names.isValid(split.rest(), config.maxNameLength(), true)) {
            throw new FileError(FileErrorCode.INVALID_FILE_NAME, LocalName.printable(pattern));
        }
        return new NamePattern(split.drive(), split.rest());
    }

    boolean hasWildcard() {
        return glob.indexOf('*') >= 0 || glob.indexOf('?') >= 0;
    }

    /** Glob match; on a mismatch after a '*', retries with that '*' taking one more character. */
    boolean matches(String name) {
        int g = 0;
        int n = 0;
        int starAt = -1;
        int starMatched = 0;
        while (n < name.length()) {
            if (g < glob.length() && (glob.charAt(g) == '?' || glob.charAt(g) == name.charAt(n))) {
                g++;
                n++;
            } else if (g < glob.length() && glob.charAt(g) == '*') {
                starAt = g++;
                starMatched = n;
            } else if (starAt >= 0) {
                g = starAt + 1;
                n = ++starMatched;
            } else {
                return false;
            }
        }
        while (g < glob.length() && glob.charAt(g) == '*') {
            g++;
        }
        return g == glob.length();
    }
}
