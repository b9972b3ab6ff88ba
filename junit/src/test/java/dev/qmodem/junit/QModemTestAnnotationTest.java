package dev.qmodem.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qmodem.client.Modem;
import dev.qmodem.profile.Model;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/** {@link QModemTest}: the model from the annotation, every injectable parameter, a fresh module per test. */
@QModemTest(model = Model.BG77)
@Timeout(20)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QModemTestAnnotationTest {

    private static final Set<Path> SEEN_FOLDERS = new HashSet<>();

    private final Modem constructorClient;

    QModemTestAnnotationTest(Modem modem) {
        this.constructorClient = modem;
    }

    @Test
    @Order(1)
    void injectsTheClientOfTheAnnotatedModel(Modem modem, Model model) throws IOException {
        assertThat(model).isEqualTo(Model.BG77);
        assertThat(modem).isSameAs(constructorClient);
        assertThat(modem.identify()).contains("BG77");
    }

    @Test
    @Order(2)
    void injectsTheFoldersAndTheServer(@FtpRoot Path root, @Ufs Path ufs, FtpServerInfo ftp, AtPort at)
            throws IOException {
        assertThat(root).isDirectory().isEmptyDirectory();
        assertThat(ufs).isDirectory().isEmptyDirectory();
        assertThat(ftp.host()).isEqualTo("127.0.0.1");
        assertThat(Set.of(ftp.port(), ftp.explicitTlsPort(), ftp.implicitTlsPort(), at.port())).hasSize(4)
                .allMatch(port -> port > 0);
        assertThat(ftp.user()).isNotEmpty();
        Files.writeString(root.resolve("left-behind.txt"), "x", StandardCharsets.US_ASCII);
        Files.writeString(ufs.resolve("left-behind.txt"), "x", StandardCharsets.US_ASCII);
        SEEN_FOLDERS.add(root);
        SEEN_FOLDERS.add(ufs);
    }

    @Test
    @Order(3)
    void startsAFreshModulePerTestAndDeletesTheOldFolders(@FtpRoot Path root, @Ufs Path ufs) {
        assertThat(SEEN_FOLDERS).noneMatch(Files::exists).doesNotContain(root, ufs);
        assertThat(root).isEmptyDirectory();
        assertThat(ufs).isEmptyDirectory();
    }
}
