package dev.qmodem.command.basic;

import dev.qmodem.at.AtCommandHandler;
import dev.qmodem.at.AtException;
import dev.qmodem.at.AtRequest;
import dev.qmodem.at.Args;
import dev.qmodem.at.Response;
import dev.qmodem.command.Params;
import dev.qmodem.profile.ModelProfile;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A configuration command of named parameters: {@code AT+QCFG="<param>"[,<value>...]} and
 * {@code AT+QURCCFG="urcport"[,"<port>"]}. With the name alone it reads ({@code +QCFG: "nwscanmode",0}); with
 * values it sets. Which parameters a model has, their power-on values, what a value may be and what the test form
 * shows are profile data under the command's name ({@code +QCFG.params}, {@code +QCFG.<param>}, {@code .pattern},
 * {@code .test}); an unknown parameter or a value that does not fit answers {@code ERROR}. Values are kept across a
 * reset, as the module keeps them in non-volatile memory.
 */
public final class NamedSettingsCommand implements AtCommandHandler {

    private static final int MAX_PARAMETERS = 12;

    private final String name;
    private final Map<String, Setting> settings = new LinkedHashMap<>();
    private final Map<String, String> testLines = new LinkedHashMap<>();

    public NamedSettingsCommand(String name, ModelProfile profile) {
        this.name = name;
        for (String parameter : profile.words(name + ".params")) {
            String key = name + "." + parameter;
            settings.put(parameter, new Setting(profile.text(key), profile.pattern(key + ".pattern")));
            testLines.put(parameter, profile.text(key + ".test"));
        }
    }

    @Override
    public void handle(AtRequest request, Response response) throws AtException {
        switch (request.form()) {
            case TEST -> testLines.forEach((parameter, test) -> response.info(line(parameter, test)));
            case SET -> set(request.args().count(1, MAX_PARAMETERS), response);
            default -> throw Params.unsupportedForm();
        }
    }

    private void set(Args args, Response response) throws AtException {
        String parameter = args.string(0, 40).toLowerCase(Locale.ROOT);
        Setting setting = settings.get(parameter);
        if (setting == null) {
            throw AtException.error("unknown parameter " + parameter);
        }
        if (args.size() == 1) {
            response.info(line(parameter, setting.value()));
        } else {
            setting.set(args, 1);
        }
    }

    private String line(String parameter, String value) {
        return name + ": \"" + parameter + "\"," + value;
    }
}
