package dev.qmodem.command.ssl;

import java.util.Map;

/** The IANA cipher suites the modules' {@code ciphersuite} codes stand for, by their JSSE names. */
final class CipherSuites {

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x0004, "SSL_RSA_WITH_RC4_128_MD5"),
            Map.entry(0x0005, "SSL_RSA_WITH_RC4_128_SHA"),
            Map.entry(0x000A, "SSL_RSA_WITH_3DES_EDE_CBC_SHA"),
            Map.entry(0x002F, "TLS_RSA_WITH_AES_128_CBC_SHA"),
            Map.entry(0x0035, "TLS_RSA_WITH_AES_256_CBC_SHA"),
            Map.entry(0x003D, "TLS_RSA_WITH_AES_256_CBC_SHA256"),
            Map.entry(0xC002, "TLS_ECDH_ECDSA_WITH_RC4_128_SHA"),
            Map.entry(0xC003, "TLS_ECDH_ECDSA_WITH_3DES_EDE_CBC_SHA"),
            Map.entry(0xC004, "TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA"),
            Map.entry(0xC005, "TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA"),
            Map.entry(0xC007, "TLS_ECDHE_ECDSA_WITH_RC4_128_SHA"),
            Map.entry(0xC008, "TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA"),
            Map.entry(0xC009, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"),
            Map.entry(0xC00A, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA"),
            Map.entry(0xC00C, "TLS_ECDH_RSA_WITH_RC4_128_SHA"),
            Map.entry(0xC00D, "TLS_ECDH_RSA_WITH_3DES_EDE_CBC_SHA"),
            Map.entry(0xC00E, "TLS_ECDH_RSA_WITH_AES_128_CBC_SHA"),
            Map.entry(0xC00F, "TLS_ECDH_RSA_WITH_AES_256_CBC_SHA"),
            Map.entry(0xC011, "TLS_ECDHE_RSA_WITH_RC4_128_SHA"),
            Map.entry(0xC012, "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA"),
            Map.entry(0xC013, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"),
            Map.entry(0xC014, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"),
            Map.entry(0xC023, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"),
            Map.entry(0xC024, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384"),
            Map.entry(0xC025, "TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA256"),
            Map.entry(0xC026, "TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA384"),
            Map.entry(0xC027, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"),
            Map.entry(0xC028, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384"),
            Map.entry(0xC029, "TLS_ECDH_RSA_WITH_AES_128_CBC_SHA256"),
            Map.entry(0xC02A, "TLS_ECDH_RSA_WITH_AES_256_CBC_SHA384"),
            Map.entry(0xC02B, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
            Map.entry(0xC02F, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
            Map.entry(0xC030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"));

    private CipherSuites() {
    }

    /** The JSSE name of a suite code; a code no profile should list fails. */
    static String name(int code) {
        String name = NAMES.get(code);
        if (name == null) {
            throw new IllegalArgumentException("no cipher suite 0x" + Integer.toHexString(code));
        }
        return name;
    }
}
