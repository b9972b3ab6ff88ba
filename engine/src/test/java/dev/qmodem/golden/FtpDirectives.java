package dev.qmodem.golden;

import dev.qmodem.module.Escapes;
import dev.qmodem.module.HostConnection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The golden-file directives of the FTP examples: placing and checking files on the server, sending and expecting
 * data-mode payloads. Payloads are a deterministic function of the file name and offset: printable text with
 * {@code OK} and {@code +++} inside on purpose, and no line ends, so the examples' ASCII mode (filetype 1) moves
 * them unchanged on every server. Binary payloads are the transfer tests' business.
 */
final class FtpDirectives {

    private static final Pattern LISTING_END = Pattern.compile("\r\nOK\r\n\r\n(\\+QFTP[A-Z]+): 0,(\\d+)\r\n$");
    private static final Pattern LENGTH_URC = Pattern.compile("^\r\n(\\+QFTP[A-Z]+): 0,(\\d+)\r\n$");
    private static final DateTimeFormatter MDTM = DateTimeFormatter.ofPattern("yyyyMMddHHmmss[.SSS]");

    private final FtpServerUnderTest server;
    private final Path ufs;

    FtpDirectives(FtpServerUnderTest server, Path ufs) {
        this.server = server;
        this.ufs = ufs;
    }

    Map<String, GoldenTranscript.Directive> all() {
        return Map.of(
                "server-file", this::serverFile,
                "server-dir", this::serverDirectory,
                "server-absent", (arg, host) -> assertThat(server.root().resolve(arg)).doesNotExist(),
                "server-content", this::serverContent,
                "send-data", this::sendData,
                "expect-data", this::expectData,
                "expect-listing", this::expectListing,
                "expect-urc-length", this::expectUrcLength);
    }

    /** Clears the server's folder before a transcript. */
    void clean() throws IOException {
        try (Stream<Path> walk = Files.walk(server.root())) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(server.root())) {
                    Files.delete(p);
                }
            }
        }
    }

    /** The bytes of file {@code name} from {@code offset}: deterministic, binary, with OK and +++ inside. */
    static byte[] payload(String name, long offset, int length) {
        byte[] bytes = new byte[length];
        byte[] marker = " OK +++ ".getBytes(StandardCharsets.ISO_8859_1);
        int seed = name.hashCode() & 0xffff;
        for (int i = 0; i < length; i++) {
            long position = offset + i;
            bytes[i] = position % 97 < marker.length
                    ? marker[(int) (position % 97)]
                    : (byte) ('!' + Math.floorMod(position * 131 + seed + (position >>> 8), 94));
        }
        return bytes;
    }

    private void serverFile(String argument, HostConnection host) throws Exception {
        String[] parts = argument.split(" ");
        Path file = server.root().resolve(parts[0]);
        Files.write(file, payload(parts[0], 0, Integer.parseInt(parts[1])));
        if (parts.length > 2) {
            LocalDateTime time = LocalDateTime.parse(parts[2], MDTM);
            Files.setLastModifiedTime(file, FileTime.from(time.toInstant(ZoneOffset.UTC)));
        }
        server.grant(file);
    }

    private void serverDirectory(String argument, HostConnection host) throws Exception {
        Path directory = Files.createDirectories(server.root().resolve(argument));
        server.grant(directory);
    }

    /** The server holds exactly the payload of that name, of that length. */
    private void serverContent(String argument, HostConnection host) throws IOException {
        String[] parts = argument.split(" ");
        byte[] stored = Files.readAllBytes(server.root().resolve(parts[0]));
        assertThat(Arrays.equals(stored, payload(parts[0], 0, Integer.parseInt(parts[1]))))
                .as("content of %s on %s", parts[0], server.name()).isTrue();
    }

    private void sendData(String argument, HostConnection host) throws IOException {
        String[] parts = argument.split(" ");
        host.send(payload(parts[0], Long.parseLong(parts[1]), Integer.parseInt(parts[2])));
    }

    private void expectData(String argument, HostConnection host) throws IOException {
        String[] parts = argument.split(" ");
        byte[] expected = payload(parts[0], Long.parseLong(parts[1]), Integer.parseInt(parts[2]));
        assertThat(Escapes.show(host.read(expected.length))).isEqualTo(Escapes.show(expected));
    }

    /** The URC of a listing saved to a local file: its count is the file's size (checked on UFS). */
    private void expectUrcLength(String argument, HostConnection host) throws IOException {
        String[] parts = argument.split(" ");
        String seen = host.readUntilMatch(LENGTH_URC, Duration.ofSeconds(20));
        Matcher urc = LENGTH_URC.matcher(seen);
        assertThat(urc.find()).as("URC in %s", Escapes.show(seen)).isTrue();
        assertThat(urc.group(1)).isEqualTo(parts[0]);
        long length = Long.parseLong(urc.group(2));
        assertThat(length).isPositive();
        if (!parts[1].startsWith("RAM:")) {
            assertThat(Files.size(ufs.resolve(parts[1]))).isEqualTo(length);
        }
    }

    /** A listing in data mode: whatever the server lists, then OK and a URC whose count is the listing's length. */
    private void expectListing(String argument, HostConnection host) throws IOException {
        String seen = host.readUntilMatch(LISTING_END, Duration.ofSeconds(20));
        Matcher end = LISTING_END.matcher(seen);
        assertThat(end.find()).isTrue();
        assertThat(end.group(1)).isEqualTo(argument);
        assertThat(Long.parseLong(end.group(2))).as("listing length").isEqualTo(end.start()).isPositive();
    }
}
