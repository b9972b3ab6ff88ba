package dev.qmodem.fs;

/** A validated local file name: the drive and the name on it. */
record LocalName(Drive drive, String name) {

    /**
     * @throws FileError {@link FileErrorCode#INVALID_FILE_NAME} for a name breaking the rules of {@link Names},
     *                   {@link FileErrorCode#INVALID_PARAMETER} for {@code RAM:} without a RAM drive
     */
    static LocalName parse(String localName, StorageConfig config) throws FileError {
        Names.Split split = Names.split(localName, config);
        if (!Names.isValid(split.rest(), config.maxNameLength(), false)) {
            throw new FileError(FileErrorCode.INVALID_FILE_NAME, printable(localName));
        }
        return new LocalName(split.drive(), split.rest());
    }

    String displayName() {
        return drive.displayName(name);
    }

    static String printable(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().limit(80).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append(text.length() > 80 ? "...\"" : "\"").toString();
    }
}
