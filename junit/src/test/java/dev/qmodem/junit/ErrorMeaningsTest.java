package dev.qmodem.junit;

import dev.qmodem.client.at.ErrorMeanings;
import dev.qmodem.profile.Model;
import dev.qmodem.profile.ModelProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client may not import the engine, so it keeps its own table of error meanings; this test, where both are
 * on the class path, holds it to the engine's: every text a model prints under {@code AT+CMEE=2} is read back as
 * a code with that text (425 and 610 share "Invalid parameter"), and the client knows no code or text the engine
 * does not.
 */
@Timeout(10)
class ErrorMeaningsTest {

    @Test
    void everyTextAModelPrintsReadsBackAsItsCode() {
        for (Model model : Model.values()) {
            Map<Integer, String> table = ModelProfile.of(model).errorTexts();
            table.forEach((code, text) -> assertThat(ErrorMeanings.codeOf(text)).as("%s error %d: %s", model, code, text)
                    .hasValueSatisfying(read -> assertThat(table.get(read)).isEqualTo(text)));
        }
    }

    @Test
    void theClientKnowsTheEnginesCodesByOneOfTheirTexts() {
        List<Map<Integer, String>> tables = Arrays.stream(Model.values())
                .map(model -> ModelProfile.of(model).errorTexts()).toList();
        for (int code = 0; code < 1000; code++) {
            int c = code;
            List<String> texts = tables.stream().map(table -> table.get(c)).filter(Objects::nonNull).toList();
            String meaning = ErrorMeanings.error(code);
            if (texts.isEmpty()) {
                assertThat(meaning).as("error %d is not the engine's", code).isEqualTo("Unknown error code " + code);
            } else {
                assertThat(texts).as("the meaning of error %d", code).contains(meaning);
            }
        }
    }
}
