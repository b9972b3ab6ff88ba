package dev.qmodem.profile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(10)
class ModelProfileTest {

    @Test
    void aModelAddsCommandsToWhatItInherits() {
        ModelProfile uc20 = ModelProfile.of(Model.UC20);
        ModelProfile bg95 = ModelProfile.of(Model.BG95);
        assertThat(uc20.hasCommand("+QFCRC")).isFalse();
        assertThat(bg95.commands()).containsAll(uc20.commands())
                .contains("+QFCRC", "+CEREG", "+QCSQ", "+CPSMS", "+CEDRXS").hasSize(uc20.commands().size() + 5);
        assertThat(ModelProfile.of(Model.BG77).commands()).isEqualTo(bg95.commands());
    }

    @Test
    void extendsNamesTheParent() {
        assertThat(ModelProfile.of(Model.BG77).parent()).contains(Model.BG95);
        assertThat(ModelProfile.of(Model.BG95).parent()).isEmpty();
        assertThat(ModelProfile.of(Model.UC20).parent()).isEqualTo(Optional.empty());
    }

    @Test
    void typedGroupsAreReadOnce() {
        ModelProfile uc20 = ModelProfile.of(Model.UC20);
        assertThat(uc20.ftpLimits()).isEqualTo(new FtpLimits(50, 50, 50, 50, 100, 60));
        assertThat(uc20.fileSystem()).isEqualTo(new FileSystemLimits(67108864, 2097152, 80, 8));
        assertThat(ModelProfile.of(Model.BG77).fileSystem().ramCapacity()).isZero();
    }

    @Test
    void overridesAddAndRemoveListWords() {
        ModelProfile profile = ModelProfile.of(Model.BG95, overrides("commands-", "+QFCRC +CEREG +QCSQ +CPSMS +CEDRXS"));
        assertThat(profile.commands()).isEqualTo(ModelProfile.of(Model.UC20).commands());
        assertThat(ModelProfile.of(Model.UC20, overrides("ssl.cfg.params+", "sni")).text("ssl.cfg.params"))
                .endsWith("negotiatetime sni");
    }

    /** An unknown key, a malformed value, a list edit that changes nothing, a gap a range needs: all fail at load. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            BG95 | ftp.limit.usernmae   | 10            | ftp.limit.usernmae is not a profile key
            BG95 | fs.open.max          | eight         | fs.open.max=eight is not integer
            BG95 | ftp.range.rsptimeout | 20-           | ftp.range.rsptimeout=20- is not range
            BG95 | ftp.len.after_ok     | yes           | ftp.len.after_ok=yes is not flag
            BG95 | ssl.ciphersuites+    | 0xC0ZZ        | is not hex_words
            BG95 | commands+            | +QFCRC        | +QFCRC is already inherited
            UC20 | commands-            | +QFCRC        | +QFCRC is not inherited
            UC20 | line.max+            | 1             | only lists of words
            BG95 | ftp.range.ssltype    | 0-3           | lacks ftp.ssltype.3
            UC20 | ftp.cfg.params+      | account       | lacks ftp.range.account
            BG95 | timing.latency.+QIACT.set | -1   | timing.latency.+QIACT.set=-1 is not millis
            BG95 | timing.latency.+QIACT.exec | 10  | timing.latency.+QIACT.exec is not a profile key
            UC20 | timing.latency.+QFCRC | 10       | timing.latency.+QFCRC names a command the model lacks
            """)
    void aWrongEntryFailsWhenTheProfileLoads(Model model, String key, String value, String message) {
        assertThatThrownBy(() -> ModelProfile.of(model, overrides(key, value))).hasMessageContaining(message);
    }

    @ParameterizedTest
    @EnumSource(Model.class)
    void everyBuiltInProfileLoads(Model model) {
        assertThat(ModelProfile.of(model).errorText(605)).isEqualTo("Network error");
    }

    @Test
    void commandLatenciesAreKeyedAsADelayFaultNamesTheCommand() {
        assertThat(ModelProfile.of(Model.BG95).commandLatencies())
                .containsEntry("+QIACT=", 500L).containsEntry("+COPS=?", 60_000L).containsEntry("+QFTPOPEN", 350L)
                .doesNotContainKey("+CSQ");
        assertThat(ModelProfile.of(Model.UC20, overrides("timing.latency.+COPS.read", "5")).commandLatencies())
                .containsEntry("+COPS?", 5L).containsEntry("+COPS=", 2_000L);
        assertThat(ModelProfile.of(Model.BG77).commandLatencies()).isEqualTo(ModelProfile.of(Model.BG95).commandLatencies());
    }

    private static Properties overrides(String key, String value) {
        Properties overrides = new Properties();
        overrides.setProperty(key, value);
        return overrides;
    }
}
