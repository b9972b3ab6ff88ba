package dev.qmodem.fault;

import dev.qmodem.module.EmulatedModule;
import dev.qmodem.module.ModuleConfig;
import dev.qmodem.profile.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fault values are checked where they are made, and each model names the link it typically meets. */
class FaultTest {

    @Test
    void aBadValueNamesItsField() {
        assertThatThrownBy(() -> new Fault.Link(-1, 0, 0, 0))
                .isInstanceOfSatisfying(FaultException.class, e -> assertThat(e.field()).isEqualTo("down_kbps"));
        assertThatThrownBy(() -> new Fault.Noise(0, 1.5, 0, 0, 1))
                .isInstanceOfSatisfying(FaultException.class, e -> assertThat(e.field()).isEqualTo("to_host_flip"));
        assertThatThrownBy(() -> new Fault.Delay("QFTP OPEN", 5))
                .isInstanceOfSatisfying(FaultException.class, e -> assertThat(e.field()).isEqualTo("command"));
        assertThat(new Fault.Hang("at+qftpsize").command()).isEqualTo("+QFTPSIZE");
        assertThat(new Fault.Delay("AT+COPS=?", 1).command()).isEqualTo("+COPS=?");
        assertThatThrownBy(() -> new Fault.Hang("+QFTPSIZE="))
                .isInstanceOfSatisfying(FaultException.class, e -> assertThat(e.field()).isEqualTo("command"));
    }

    @Test
    void everyModelHasATypicalLink(@TempDir Path ufs) {
        assertThat(typicalLink(Model.UC20, ufs)).isEqualTo(Fault.Link.preset("umts"));
        assertThat(typicalLink(Model.BG95, ufs)).isEqualTo(Fault.Link.preset("catm1"));
        assertThat(typicalLink(Model.BG77, ufs)).isEqualTo(Fault.Link.preset("catm1"));
    }

    private static Fault.Link typicalLink(Model model, Path ufs) {
        try (EmulatedModule module = EmulatedModule.create(ModuleConfig.of(model, ufs.resolve(model.name())))) {
            return (Fault.Link) module.realisticTiming().getFirst();
        }
    }
}
