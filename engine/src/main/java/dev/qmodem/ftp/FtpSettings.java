package dev.qmodem.ftp;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything {@code AT+QFTPCFG} decides about one FTP(S) session. Range checks (such as {@code rsptimeout}
 * 20-180 s) belong to the AT layer; any positive timeout is accepted here.
 *
 * @param user                   login name
 * @param password               login password
 * @param binary                 {@code filetype} 0: TYPE I; false is {@code filetype} 1: TYPE A
 * @param passive                {@code transmode} 1: the module connects to the server (PASV);
 *                               false is {@code transmode} 0: the module listens (PORT)
 * @param responseTimeout        {@code rsptimeout}: the longest wait for a reply, a connection or the next data packet
 * @param security               {@code ssltype}
 * @param controlTls             the control connection's TLS ({@code sslctxid}); null when security is NONE
 * @param dataTls                the data connection's TLS ({@code data_sslctxid}); null means the same as control
 * @param dataAddressFromControl {@code data_address} 1: connect passive data to the control connection's peer;
 *                               false is {@code data_address} 0: to the address in the PASV reply
 */
public record FtpSettings(String user, String password, boolean binary, boolean passive, Duration responseTimeout,
                          FtpSecurity security, TlsParameters controlTls, TlsParameters dataTls,
                          boolean dataAddressFromControl) {

    /** The modules' defaults: binary, passive, 90 s, no TLS, data address from the PASV reply. */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(90);

    public FtpSettings {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(security, "security");
        if (responseTimeout == null || responseTimeout.isNegative() || responseTimeout.isZero()) {
            throw new IllegalArgumentException("responseTimeout must be positive: " + responseTimeout);
        }
        if (security != FtpSecurity.NONE && controlTls == null) {
            throw new IllegalArgumentException(security + " needs controlTls");
        }
    }

    /** Plain FTP with the modules' defaults for everything but the account. */
    public static FtpSettings of(String user, String password) {
        return new FtpSettings(user, password, true, true, DEFAULT_RESPONSE_TIMEOUT, FtpSecurity.NONE, null, null, false);
    }

    public FtpSettings withBinary(boolean newBinary) {
        return new FtpSettings(user, password, newBinary, passive, responseTimeout, security, controlTls, dataTls, dataAddressFromControl);
    }

    public FtpSettings withPassive(boolean newPassive) {
        return new FtpSettings(user, password, binary, newPassive, responseTimeout, security, controlTls, dataTls, dataAddressFromControl);
    }

    public FtpSettings withResponseTimeout(Duration newTimeout) {
        return new FtpSettings(user, password, binary, passive, newTimeout, security, controlTls, dataTls, dataAddressFromControl);
    }

    public FtpSettings withSecurity(FtpSecurity newSecurity, TlsParameters newControlTls, TlsParameters newDataTls) {
        return new FtpSettings(user, password, binary, passive, responseTimeout, newSecurity, newControlTls, newDataTls, dataAddressFromControl);
    }

    public FtpSettings withDataAddressFromControl(boolean fromControl) {
        return new FtpSettings(user, password, binary, passive, responseTimeout, security, controlTls, dataTls, fromControl);
    }

    /** The data connection's TLS: {@link #dataTls()} if given, else the control connection's. */
    TlsParameters effectiveDataTls() {
        return dataTls != null ? dataTls : controlTls;
    }
}
