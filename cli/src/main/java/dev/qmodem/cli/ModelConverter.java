package dev.qmodem.cli;

import dev.qmodem.profile.Model;
import picocli.CommandLine;

/** Accepts a model name in any case. */
final class ModelConverter implements CommandLine.ITypeConverter<Model> {

    @Override
    public Model convert(String value) {
        try {
            return Model.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("unknown model '" + value + "': use UC20, BG95 or BG77");
        }
    }
}
