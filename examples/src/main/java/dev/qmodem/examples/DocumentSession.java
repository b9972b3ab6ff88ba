package dev.qmodem.examples;

import dev.qmodem.client.Modem;
import dev.qmodem.client.QuectelModem;
import dev.qmodem.client.ftp.FtpClient;
import dev.qmodem.client.ftp.FtpConfig;
import dev.qmodem.client.pdp.PdpConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * The FTP session of the Quectel documents' chapter 3, run with the host-side client against a module: log in
 * (PDP context, configuration, open), folder operations, uploads (through {@code +++}, resumed, in parts, from a
 * module file), file operations, listings, downloads (whole, in halves, into module files), logout. Every step is printed; a download that differs
 * from its upload stops the run. The files it makes, on the server and in the module's UFS, are deleted at the end, so it can run again.
 *
 * <pre>
 * ./qmodem serve &amp;                     # a BG95 on 127.0.0.1:3333 and an FTP server on 127.0.0.1:2121 (test/test)
 * scripts/example.sh [MODULE_HOST:PORT] [FTP_HOST:PORT] [USER] [PASSWORD]
 * </pre>
 *
 * <p>The FTP address is the one the module connects to, so a real module needs a server it can reach.
 */
public final class DocumentSession {

    private static final String CONTEXT_APN = "UNINET";

    private final Modem modem;
    private final FtpClient ftp;

    private DocumentSession(Modem modem) {
        this.modem = modem;
        this.ftp = modem.ftp();
    }

    /**
     * Runs the session.
     *
     * @param args {@code [module host:port (127.0.0.1:3333)] [FTP server host:port (127.0.0.1:2121)] [user (test)]
     *             [password (test)]}
     * @throws IOException when the module refuses a step or a transfer comes back different
     */
    public static void main(String[] args) throws IOException {
        String[] module = hostAndPort(args.length > 0 ? args[0] : "127.0.0.1:3333");
        String[] server = hostAndPort(args.length > 1 ? args[1] : "127.0.0.1:2121");
        String user = args.length > 2 ? args[2] : "test";
        String password = args.length > 3 ? args[3] : "test";
        try (Modem modem = connect(module[0], Integer.parseInt(module[1]))) {
            DocumentSession session = new DocumentSession(modem);
            session.login(server[0], Integer.parseInt(server[1]), user, password);
            session.folders();
            session.uploads();
            session.files();
            session.listings();
            session.downloads();
            session.logout();
        }
    }

    private static Modem connect(String host, int port) throws IOException {
        try {
            return QuectelModem.connect(host, port).init();
        } catch (ConnectException e) {
            throw new IOException("no module answers on " + host + ":" + port + " (start one with ./qmodem serve)", e);
        }
    }

    private static String[] hostAndPort(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw new IllegalArgumentException("expected HOST:PORT, got '" + address + "'");
        }
        return new String[] {address.substring(0, colon), address.substring(colon + 1)};
    }

    /** 3.1: PDP context 1, the FTP settings, then AT+QFTPOPEN. */
    private void login(String host, int port, String user, String password) throws IOException {
        print("3.1 module: " + String.join(" / ", modem.identify()));
        modem.pdp().configure(1, new PdpConfig(PdpConfig.ContextType.IPV4, CONTEXT_APN, "", "",
                PdpConfig.Authentication.PAP));
        modem.pdp().activate(1);
        print("3.1 PDP context 1 active: " + modem.pdp().active());
        // the documents' "filetype",1 is ASCII by their own parameter table; binary keeps every byte as sent
        ftp.configure(new FtpConfig().contextId(1).account(user, password).fileType(FtpConfig.FileType.BINARY)
                .transferMode(FtpConfig.TransferMode.PASSIVE).responseTimeout(90));
        ftp.open(host, port);
        print("3.1 logged in to " + host + ":" + port + " as " + user + ", status " + ftp.status());
    }

    /** 3.2: make, rename and remove a folder. */
    private void folders() throws IOException {
        ftp.cwd("/");
        print("3.2 current folder " + ftp.pwd());
        ftp.mkdir("TEST");
        ftp.rename("TEST", "TEST_NEW");
        print("3.2 made TEST, renamed it TEST_NEW: " + ftp.nlst("."));
        ftp.rmdir("TEST_NEW");
        print("3.2 removed TEST_NEW");
    }

    /** 3.5: through COM: ended by +++, resumed at 1000, in two parts of 1024 bytes; and one of known length. */
    private void uploads() throws IOException {
        // +++ ends an upload of unknown length after a pause of the guard time; a short one keeps the example quick
        modem.setGuardTime(Duration.ofMillis(200));
        long sent = ftp.put("test_my.txt", new ByteArrayInputStream(text('a', 1000)));
        print("3.5 uploaded test_my.txt ended by +++: " + sent + " bytes, AT+QFTPLEN " + ftp.transferredLength());
        sent = ftp.putPart("test_my.txt", 1000, new ByteArrayInputStream(text('b', 500)), 500, true);
        print("3.5 resumed test_my.txt at 1000: " + sent + " bytes, size now " + ftp.size("test_my.txt"));
        byte[] parts = text('c', 2048);
        ftp.putPart("test.txt", 0, new ByteArrayInputStream(parts, 0, 1024), 1024, false);
        ftp.putPart("test.txt", 1024, new ByteArrayInputStream(parts, 1024, 1024), 1024, true);
        print("3.5 uploaded test.txt in two parts of 1024 bytes: size " + ftp.size("test.txt"));
        // the documents stage this file in the module's RAM: drive; UFS exists on every model
        modem.files().upload("test_ufs.txt", text('d', 1000));
        print("3.5 AT+QFUPL test_ufs.txt: " + modem.files().list("test_ufs.txt"));
        sent = ftp.putLocal("test_my1.txt", "test_ufs.txt", 0);
        print("3.5 uploaded the module file test_ufs.txt as test_my1.txt: " + sent + " bytes");
        modem.files().delete("test_ufs.txt");
    }

    /** 3.3: size and rename a file. */
    private void files() throws IOException {
        print("3.3 size of test_my1.txt: " + ftp.size("test_my1.txt"));
        ftp.rename("test_my1.txt", "test_new.txt");
        print("3.3 renamed test_my1.txt to test_new.txt, modified " + ftp.modificationTime("test_new.txt"));
    }

    /** 3.4: LIST, NLST and MLSD of the current folder. */
    private void listings() throws IOException {
        ftp.cwd("/");
        for (String line : ftp.list(".")) {
            print("3.4 LIST " + line);
        }
        print("3.4 NLST " + ftp.nlst("."));
        for (String line : ftp.mlsd(".")) {
            print("3.4 MLSD " + line);
        }
    }

    /** 3.6: a whole file through COM:, then another in two halves of 500 bytes; both checked against the uploads. */
    private void downloads() throws IOException {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        long received = ftp.get("test_my.txt", whole);
        expect("test_my.txt", whole.toByteArray(), concat(text('a', 1000), text('b', 500)));
        print("3.6 downloaded test_my.txt: " + received + " bytes, as uploaded");
        ByteArrayOutputStream halves = new ByteArrayOutputStream();
        ftp.get("test.txt", halves, 0, 500);
        ftp.get("test.txt", halves, 500, 500);
        expect("the first 1000 bytes of test.txt", halves.toByteArray(), text('c', 1000));
        print("3.6 downloaded test.txt bytes 0-500 and 500-1000, as uploaded");
        ftp.getLocal("test_new.txt", "test.txt", 0);
        ftp.getLocal("test_new.txt", "test1.txt", 450);
        print("3.6 downloaded test_new.txt into the module, whole and from 450: " + modem.files().list("*"));
        expect("test1.txt", modem.files().download("test1.txt"), Arrays.copyOfRange(text('d', 1000), 450, 1000));
        modem.files().delete("test.txt");
        modem.files().delete("test1.txt");
    }

    /** 3.7: remove what the session made, log out, deactivate the PDP context. */
    private void logout() throws IOException {
        for (String file : new String[] {"test_my.txt", "test.txt", "test_new.txt"}) {
            ftp.delete(file);
        }
        print("3.7 deleted test_my.txt, test.txt, test_new.txt");
        ftp.close();
        modem.pdp().deactivate(1);
        print("3.7 logged out, PDP context 1 deactivated, status " + ftp.status());
    }

    private static byte[] text(char fill, int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) fill);
        for (int i = 63; i < length; i += 64) {
            bytes[i] = '\n';
        }
        return bytes;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static void expect(String what, byte[] actual, byte[] expected) throws IOException {
        if (!Arrays.equals(actual, expected)) {
            throw new IOException(what + " came back different: " + actual.length + " bytes, expected "
                    + expected.length + ": " + new String(actual, 0, Math.min(actual.length, 80), StandardCharsets.US_ASCII));
        }
    }

    private static void print(String line) {
        System.out.println(line);
    }
}
