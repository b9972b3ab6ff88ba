package dev.qmodem.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qmodem.junit.AtPort;
import dev.qmodem.junit.FtpRoot;
import dev.qmodem.junit.FtpServerInfo;
import dev.qmodem.junit.QModemTest;
import dev.qmodem.junit.Ufs;
import dev.qmodem.profile.Model;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The example runs as {@code scripts/example.sh} runs it, against an in-process module of each model. */
@Timeout(60)
class DocumentSessionTest {

    @Nested
    @QModemTest(model = Model.UC20)
    class Uc20 {
        @Test
        void runsTheDocumentsSession(AtPort at, FtpServerInfo ftp, @FtpRoot Path root, @Ufs Path ufs)
                throws IOException {
            assertSessionRuns(at, ftp, root, ufs);
        }
    }

    @Nested
    @QModemTest(model = Model.BG95)
    class Bg95 {
        @Test
        void runsTheDocumentsSession(AtPort at, FtpServerInfo ftp, @FtpRoot Path root, @Ufs Path ufs)
                throws IOException {
            assertSessionRuns(at, ftp, root, ufs);
        }
    }

    @Nested
    @QModemTest(model = Model.BG77)
    class Bg77 {
        @Test
        void runsTheDocumentsSession(AtPort at, FtpServerInfo ftp, @FtpRoot Path root, @Ufs Path ufs)
                throws IOException {
            assertSessionRuns(at, ftp, root, ufs);
        }
    }

    private static void assertSessionRuns(AtPort at, FtpServerInfo ftp, Path root, Path ufs) throws IOException {
        String printed = printedBy(() -> DocumentSession.main(new String[] {at.host() + ":" + at.port(),
                ftp.host() + ":" + ftp.port(), ftp.user(), ftp.password()}));
        assertThat(printed)
                .contains("3.1 logged in to 127.0.0.1:" + ftp.port())
                .contains("3.5 resumed test_my.txt at 1000: 500 bytes, size now 1500")
                .contains("3.5 uploaded test.txt in two parts of 1024 bytes: size 2048")
                .containsPattern("3\\.4 NLST \\[(test(_my|_new)?\\.txt(, )?){3}]")
                .contains("3.5 uploaded the module file test_ufs.txt as test_my1.txt: 1000 bytes")
                .contains("3.6 downloaded test_my.txt: 1500 bytes, as uploaded")
                .contains("LocalFile[name=test1.txt, size=550]")
                .contains("3.7 logged out, PDP context 1 deactivated, status CLOSED");
        assertThat(root).isEmptyDirectory();
        assertThat(ufs).isEmptyDirectory();
    }

    /** What {@code run} prints on standard output; surefire runs the tests of a fork one at a time. */
    private static String printedBy(Run run) throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setOut(original);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        original.print(printed);
        return printed;
    }

    @FunctionalInterface
    private interface Run {
        void run() throws IOException;
    }
}
