package dev.qmodem.at;

/**
 * One command of a command line, e.g. {@code +QFTPCFG="filetype",1} is name {@code +QFTPCFG}, form SET and two args.
 * Basic commands carry their number as the single argument ({@code E0}, {@code &D2}); an S-register command
 * {@code S3=13} is name {@code S} with the register number first.
 */
public record AtRequest(String name, CommandForm form, Args args) {
}
