package dev.qmodem.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(10)
class NamesTest {

    private static final StorageConfig WITH_RAM = new StorageConfig(Path.of("unused"), 1000, 1000, 20, 4);
    private static final StorageConfig WITHOUT_RAM = new StorageConfig(Path.of("unused"), 1000, 0, 20, 4);

    @ParameterizedTest
    @CsvSource({
            "test.txt, UFS, test.txt",
            "UFS:test.txt, UFS, test.txt",
            "RAM:test.txt, RAM, test.txt",
            ".hidden, UFS, .hidden",
            "a b-c_d(1).bin, UFS, a b-c_d(1).bin",
            "12345678901234567890, UFS, 12345678901234567890",
    })
    void acceptsPlainNames(String text, Drive drive, String name) throws FileError {
        LocalName parsed = LocalName.parse(text, WITH_RAM);

        assertThat(parsed).isEqualTo(new LocalName(drive, name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "UFS:", "RAM:", "..", ".", "UFS:..", "RAM:..", "../x", "a/../../b", "/etc/passwd",
            "a/b", "a\\b", "..\\x", "C:\\x", "COM:", "ram:x", "UFS:RAM:x", "a\u0000b", "a\nb", "tab\there", "del\u007f",
            "quote\"", "star*", "what?", "file..txt", ".qmodem-upload-1.tmp", "123456789012345678901",
            "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9", "lone\ud800surrogate", "bad\ufffd"})
    void refusesHostileOrMalformedNames(String text) {
        assertThatThrownBy(() -> LocalName.parse(text, WITH_RAM))
                .isInstanceOf(FileError.class)
                .extracting(e -> ((FileError) e).code()).isEqualTo(FileErrorCode.INVALID_FILE_NAME);
    }

    @Test
    void ramNameWithoutRamDriveIsAnInvalidParameter() {
        assertThatThrownBy(() -> LocalName.parse("RAM:test.txt", WITHOUT_RAM))
                .isInstanceOf(FileError.class)
                .extracting(e -> ((FileError) e).code()).isEqualTo(FileErrorCode.INVALID_PARAMETER);
    }

    @Test
    void lengthCountsUtf8BytesWithoutPrefix() throws FileError {
        assertThat(LocalName.parse("RAM:" + "\u00e9".repeat(10), WITH_RAM).name()).hasSize(10);
    }

    @Test
    void displayNamesShowOnlyTheRamPrefix() throws FileError {
        assertThat(LocalName.parse("UFS:a.txt", WITH_RAM).displayName()).isEqualTo("a.txt");
        assertThat(LocalName.parse("RAM:a.txt", WITH_RAM).displayName()).isEqualTo("RAM:a.txt");
    }

    @ParameterizedTest
    @CsvSource({
            "*, anything, true",
            "*, '', true",
            "*.txt, a.txt, true",
            "*.txt, a.txt.bak, false",
            "a?c, abc, true",
            "a?c, ac, false",
            "a*b*c, aXbYbZc, true",
            "a*b*c, aXbYbZ, false",
            "*a*a*, banana, true",
            "test.txt, test.txt, true",
            "test.txt, test.txtx, false",
            "??, ab, true",
            "??, abc, false",
    })
    void globMatches(String glob, String name, boolean matches) throws FileError {
        assertThat(NamePattern.parse(glob, WITH_RAM).matches(name)).isEqualTo(matches);
    }

    @Test
    void patternsSelectTheirDrive() throws FileError {
        assertThat(NamePattern.parse("*", WITH_RAM).drive()).isEqualTo(Drive.UFS);
        assertThat(NamePattern.parse("UFS:*", WITH_RAM).drive()).isEqualTo(Drive.UFS);
        assertThat(NamePattern.parse("RAM:*", WITH_RAM).drive()).isEqualTo(Drive.RAM);
        assertThatThrownBy(() -> NamePattern.parse("../*", WITH_RAM)).isInstanceOf(FileError.class);
    }
}
