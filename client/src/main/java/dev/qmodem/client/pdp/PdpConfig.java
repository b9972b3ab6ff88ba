package dev.qmodem.client.pdp;

import java.util.Objects;

/**
 * A PDP context's settings for {@code AT+QICSGP}.
 *
 * @param type           {@code <context_type>}
 * @param apn            the access point name
 * @param username       empty for none
 * @param password       empty for none
 * @param authentication {@code <authentication>}
 */
public record PdpConfig(ContextType type, String apn, String username, String password,
        Authentication authentication) {

    /** {@code <context_type>}: 1 IPv4, 2 IPv6, 3 IPv4v6. */
    public enum ContextType {
        IPV4(1), IPV6(2), IPV4V6(3);

        private final int code;

        ContextType(int code) {
            this.code = code;
        }

        /** The number the module uses. */
        public int code() {
            return code;
        }
    }

    /** {@code <authentication>}: 0 none, 1 PAP, 2 CHAP, 3 PAP or CHAP. */
    public enum Authentication { NONE, PAP, CHAP, PAP_OR_CHAP }

    /** Validates the fields. */
    public PdpConfig {
        Objects.requireNonNull(type);
        Objects.requireNonNull(apn);
        Objects.requireNonNull(username);
        Objects.requireNonNull(password);
        Objects.requireNonNull(authentication);
    }

    /** An IPv4 context on {@code apn} without authentication. */
    public static PdpConfig ipv4(String apn) {
        return new PdpConfig(ContextType.IPV4, apn, "", "", Authentication.NONE);
    }
}
