package dev.qmodem.command.ftp;

import dev.qmodem.ftp.FtpSecurity;
import dev.qmodem.ftp.FtpSettings;
import dev.qmodem.profile.IntRange;
import dev.qmodem.profile.ModelProfile;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The FTP(S) configuration AT+QFTPCFG sets: the account and the model's integer parameters (which exist, their
 * ranges and defaults come from the profile, so a BG95-only parameter is a profile entry).
 */
public final class FtpConfig {

    private final ModelProfile profile;
    private final Map<String, Integer> values = new LinkedHashMap<>();
    private String username = "";
    private String password = "";

    public FtpConfig(ModelProfile profile) {
        this.profile = profile;
        reset();
    }

    /** Power-on values: every parameter at its default, no account. */
    public synchronized void reset() {
        for (String name : parameterNames()) {
            values.put(name, (int) profile.number("ftp.default." + name));
        }
        username = "";
        password = "";
    }

    /** The integer parameters this model has, in the order its test command lists them. */
    public List<String> parameterNames() {
        return profile.words("ftp.cfg.params");
    }

    public IntRange range(String name) {
        return profile.range("ftp.range." + name);
    }

    public synchronized boolean has(String name) {
        return values.containsKey(name);
    }

    public synchronized int get(String name) {
        return values.get(name);
    }

    public synchronized void set(String name, int value) {
        values.put(name, value);
    }

    public synchronized String username() {
        return username;
    }

    public synchronized String password() {
        return password;
    }

    public synchronized void account(String user, String pass) {
        username = user;
        password = pass;
    }

    /** {@code ssltype} as a security mode: the profile names what each value means. */
    public synchronized FtpSecurity security() {
        return FtpSecurity.valueOf(profile.text("ftp.ssltype." + get("ssltype")).trim());
    }

    /** The control connection's SSL context ({@code sslctxid}). */
    public synchronized int controlContextId() {
        return get("sslctxid");
    }

    /** The data connection's SSL context: {@code data_sslctxid} where the model has it, else the control's. */
    public synchronized int dataContextId() {
        return values.getOrDefault("data_sslctxid", get("sslctxid"));
    }

    /** The session settings these values stand for, without TLS: {@link FtpService} adds it at login. */
    public synchronized FtpSettings toSettings() {
        return new FtpSettings(username, password, get("filetype") == 0, get("transmode") == 1,
                Duration.ofSeconds(get("rsptimeout")), FtpSecurity.NONE, null, null,
                values.getOrDefault("data_address", 0) == 1);
    }
}
