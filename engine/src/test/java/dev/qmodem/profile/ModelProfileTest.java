package dev.qmodem.profile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
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
        assertThat(bg95.commands()).containsAll(uc20.commands()).contains("+QFCRC", "+CEREG")
                .hasSize(uc20.commands().size() + 2);
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
        ModelProfile profile = ModelProfile.of(Model.BG95, overrides("commands-", "+QFCRC +CEREG"));
        assertThat(profile.commands()).isEqualTo(ModelProfile.of(Model.UC20).commands());
        assertThat(ModelProfile.of(Model.UC20, overrides("ssl.cfg.params+", "sni")).text("ssl.cfg.params"))
                .endsWith("negotiatetime sni");
    }

    @Test
    void anUnknownKeyFailsWhenTheProfileLoads() {
        assertThatThrownBy(() -> ModelProfile.of(Model.BG95, overrides("ftp.limit.usernmae", "10")))
                .hasMessageContaining("ftp.limit.usernmae is not a profile key");
    }

    @Test
    void aValueOfTheWrongTypeFailsWhenTheProfileLoads() {
        assertThatThrownBy(() -> ModelProfile.of(Model.BG95, overrides("fs.open.max", "eight")))
                .hasMessageContaining("fs.open.max=eight is not integer");
        assertThatThrownBy(() -> ModelProfile.of(Model.BG95, overrides("ftp.range.rsptimeout", "20-")))
                .hasMessageContaining("ftp.range.rsptimeout=20- is not range");
        assertThatThrownBy(() -> ModelProfile.of(Model.BG95, overrides("ftp.len.after_ok", "yes")))
                .hasMessageContaining("ftp.len.after_ok=yes is not flag");
    }

    @Test
    void listEditsMustChangeSomething() {
        assertThatThrownBy(() -> ModelProfile.of(Model.BG95, overrides("commands+", "+QFCRC")))
                .hasMessageContaining("+QFCRC is already inherited");
        assertThatThrownBy(() -> ModelProfile.of(Model.UC20, overrides("commands-", "+QFCRC")))
                .hasMessageContaining("+QFCRC is not inherited");
        assertThatThrownBy(() -> ModelProfile.of(Model.UC20, overrides("line.max+", "1")))
                .hasMessageContaining("only lists of words");
    }

    @Test
    void aValueReadMidSessionIsCheckedAtStartUp() {
        assertThatThrownBy(() -> ModelProfile.of(Model.BG95, overrides("ftp.range.ssltype", "0-3")))
                .hasMessageContaining("lacks ftp.ssltype.3");
    }

    @ParameterizedTest
    @EnumSource(Model.class)
    void everyBuiltInProfileLoads(Model model) {
        assertThat(ModelProfile.of(model).errorText(605)).isEqualTo("Network error");
    }

    private static Properties overrides(String key, String value) {
        Properties overrides = new Properties();
        overrides.setProperty(key, value);
        return overrides;
    }
}
