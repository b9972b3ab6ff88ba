package dev.qmodem.network;

/** A PDP context as AT+QICSGP configures it. */
public record PdpContext(int type, String apn, String username, String password, int authentication) {

    /** A context nobody configured: IPv4, empty APN and credentials, no authentication. */
    public static final PdpContext UNCONFIGURED = new PdpContext(1, "", "", "", 0);
}
