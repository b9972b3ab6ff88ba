package dev.qmodem.client.ftp;

import dev.qmodem.client.at.AtCommand;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings for {@code AT+QFTPCFG}; only those set are sent, in the order the documents list them. A fluent,
 * mutable builder: {@code new FtpConfig().account("user", "pw").transferMode(TransferMode.PASSIVE)}.
 */
public final class FtpConfig {

    /** {@code <file_type>}: TYPE I or TYPE A. */
    public enum FileType { BINARY, ASCII }

    /** {@code <transmode>}: who listens for the data connection. */
    public enum TransferMode { ACTIVE, PASSIVE }

    /** {@code <ssltype>}: plain FTP, implicit FTPS, or explicit FTPS (BG95/BG77 only). */
    public enum SslType { NONE, IMPLICIT, EXPLICIT }

    /** {@code <data_address>} (BG95/BG77): the address the server's PASV reply names, or the control address. */
    public enum DataAddress { SERVER, CONTROL }

    private String user;
    private String password;
    private FileType fileType;
    private TransferMode transferMode;
    private Integer contextId;
    private Integer responseTimeoutSeconds;
    private SslType sslType;
    private Integer sslContextId;
    private Integer dataSslContextId;
    private DataAddress dataAddress;

    /** {@code "account",<username>,<password>}. */
    public FtpConfig account(String user, String password) {
        this.user = user;
        this.password = password;
        return this;
    }

    /** {@code "filetype",<file_type>}. */
    public FtpConfig fileType(FileType fileType) {
        this.fileType = fileType;
        return this;
    }

    /** {@code "transmode",<transmode>}; FTPS needs PASSIVE. */
    public FtpConfig transferMode(TransferMode transferMode) {
        this.transferMode = transferMode;
        return this;
    }

    /** {@code "contextid",<contextID>}: the PDP context (1-16), activated first with AT+QIACT. */
    public FtpConfig contextId(int contextId) {
        this.contextId = contextId;
        return this;
    }

    /** {@code "rsptimeout",<timeout>} in seconds (20-180); the client then waits that long plus a margin. */
    public FtpConfig responseTimeout(int seconds) {
        this.responseTimeoutSeconds = seconds;
        return this;
    }

    /** {@code "ssltype",<ssltype>}. */
    public FtpConfig sslType(SslType sslType) {
        this.sslType = sslType;
        return this;
    }

    /** {@code "sslctxid",<sslctxid>} (0-5), configured with {@code SslClient}. */
    public FtpConfig sslContextId(int sslContextId) {
        this.sslContextId = sslContextId;
        return this;
    }

    /** {@code "data_sslctxid",<data_sslctxid>} (BG95/BG77, 0-5). */
    public FtpConfig dataSslContextId(int dataSslContextId) {
        this.dataSslContextId = dataSslContextId;
        return this;
    }

    /** {@code "data_address",<data_address>} (BG95/BG77). */
    public FtpConfig dataAddress(DataAddress dataAddress) {
        this.dataAddress = dataAddress;
        return this;
    }

    Integer responseTimeoutSeconds() {
        return responseTimeoutSeconds;
    }

    List<String> commands() {
        List<String> lines = new ArrayList<>();
        String prefix = "AT+QFTPCFG=";
        if (user != null) {
            lines.add(prefix + "\"account\"," + AtCommand.quote(user) + "," + AtCommand.quote(password));
        }
        if (fileType != null) {
            lines.add(prefix + "\"filetype\"," + fileType.ordinal());
        }
        if (transferMode != null) {
            lines.add(prefix + "\"transmode\"," + transferMode.ordinal());
        }
        if (contextId != null) {
            lines.add(prefix + "\"contextid\"," + contextId);
        }
        if (responseTimeoutSeconds != null) {
            lines.add(prefix + "\"rsptimeout\"," + responseTimeoutSeconds);
        }
        if (sslType != null) {
            lines.add(prefix + "\"ssltype\"," + sslType.ordinal());
        }
        if (sslContextId != null) {
            lines.add(prefix + "\"sslctxid\"," + sslContextId);
        }
        if (dataSslContextId != null) {
            lines.add(prefix + "\"data_sslctxid\"," + dataSslContextId);
        }
        if (dataAddress != null) {
            lines.add(prefix + "\"data_address\"," + dataAddress.ordinal());
        }
        return lines;
    }
}
