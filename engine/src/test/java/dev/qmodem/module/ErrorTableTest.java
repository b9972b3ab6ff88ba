package dev.qmodem.module;

import dev.qmodem.fs.FileErrorCode;
import dev.qmodem.ftp.FtpErrors;
import dev.qmodem.profile.Model;
import dev.qmodem.profile.ModelProfile;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The codes are defined once per family ({@link FileErrorCode}, {@link FtpErrors}) and their texts once, in the
 * profile's {@code error.*} table: every code the engine can report has a text on every model.
 */
@Timeout(10)
class ErrorTableTest {

    @ParameterizedTest
    @EnumSource(Model.class)
    void everyCodeTheEngineReportsHasAText(Model model) {
        Set<Integer> codes = new TreeSet<>();
        Arrays.stream(FileErrorCode.values()).map(FileErrorCode::number).forEach(codes::add);
        for (Field field : FtpErrors.class.getFields()) {
            if (field.getType() == int.class && Modifier.isStatic(field.getModifiers())) {
                codes.add(value(field));
            }
        }
        IntStream.range(100, 600).map(reply -> FtpErrors.fromReply(reply, "").err()).forEach(codes::add);

        assertThat(ModelProfile.of(model).errorTexts()).containsKeys(codes.toArray(Integer[]::new));
    }

    private static int value(Field field) {
        try {
            return field.getInt(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
