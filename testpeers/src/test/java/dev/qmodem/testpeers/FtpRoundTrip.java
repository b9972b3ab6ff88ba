package dev.qmodem.testpeers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;

/** Uploads a file through a logged-in client, checks it landed in the peer's root, and downloads it back. */
final class FtpRoundTrip {

    private FtpRoundTrip() {
    }

    static void uploadAndDownload(FTPClient client, FtpPeer peer, String name) throws IOException {
        byte[] content = ("qmodem test payload " + name + "\n").repeat(100).getBytes(StandardCharsets.US_ASCII);
        assertThat(client.setFileType(FTP.BINARY_FILE_TYPE)).isTrue();
        assertThat(client.storeFile(name, new ByteArrayInputStream(content)))
                .as("STOR: %s", client.getReplyString()).isTrue();
        assertThat(peer.root().resolve(name)).hasBinaryContent(content);

        Files.write(peer.root().resolve("served-" + name), content);
        ByteArrayOutputStream downloaded = new ByteArrayOutputStream();
        assertThat(client.retrieveFile("served-" + name, downloaded))
                .as("RETR: %s", client.getReplyString()).isTrue();
        assertThat(downloaded.toByteArray()).isEqualTo(content);
    }
}
