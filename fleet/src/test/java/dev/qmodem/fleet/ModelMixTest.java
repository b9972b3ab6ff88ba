package dev.qmodem.fleet;

import dev.qmodem.profile.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(10)
class ModelMixTest {

    @Test
    void oneModelFitsAnyCount() {
        assertThat(ModelMix.parse("uc20").assign(3)).containsExactly(Model.UC20, Model.UC20, Model.UC20);
    }

    @Test
    void aMixIsHandedOutInTheOrderWritten() {
        List<Model> models = ModelMix.parse("BG95:2, UC20:1,BG77:2").assign(5);
        assertThat(models).containsExactly(Model.BG95, Model.BG95, Model.UC20, Model.BG77, Model.BG77);
        assertThat(ModelMix.parse("BG95:2,UC20:1")).hasToString("BG95:2,UC20:1");
    }

    @Test
    void aMixMustAddUpAndNameEachModelOnce() {
        assertThatThrownBy(() -> ModelMix.parse("BG95:700,UC20:300").assign(999)).hasMessageContaining("1000");
        assertThatThrownBy(() -> ModelMix.parse("BG95:1,BG95:2")).hasMessageContaining("twice");
        assertThatThrownBy(() -> ModelMix.parse("BG95:x")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> ModelMix.parse("BG95:0")).hasMessageContaining("positive");
        assertThatThrownBy(() -> ModelMix.parse("BG95:1,UC20")).hasMessageContaining("needs a count");
        assertThatThrownBy(() -> ModelMix.parse("XY12")).isInstanceOf(IllegalArgumentException.class);
    }
}
