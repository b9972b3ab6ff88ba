package dev.qmodem.at;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineParserTest {

    /** Renders requests compactly: NAME/FORM[args], quoted args in quotes, omitted as _. */
    private static String render(String body) throws AtException {
        List<AtRequest> requests = CommandLineParser.parse(body);
        return requests.stream().map(r -> {
            StringBuilder s = new StringBuilder(r.name()).append('/').append(r.form());
            for (int i = 0; i < r.args().size(); i++) {
                Arg a = r.args().get(i);
                s.append(i == 0 ? '[' : ',').append(a.omitted() ? "_" : a.quoted() ? "'" + a.text() + "'" : a.text());
            }
            return r.args().size() > 0 ? s.append(']').toString() : s.toString();
        }).collect(Collectors.joining(" "));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''                                       | ''
            E0V1                                     | E/SET[0] V/SET[1]
            e0 v1 q0                                 | E/SET[0] V/SET[1] Q/SET[0]
            &F                                       | &F/EXECUTE
            &D2;+CMEE=2                              | &D/SET[2] +CMEE/SET[2]
            S3=13                                    | S/SET[3,13]
            S12?                                     | S/READ[12]
            S3=?                                     | S/TEST[3]
            +CMEE=2;+QIACT?                          | +CMEE/SET[2] +QIACT/READ
            +qftpcfg=?                               | +QFTPCFG/TEST
            +QFTPPWD                                 | +QFTPPWD/EXECUTE
            +QFTPRENAME="TEST", "TEST_NEW"           | +QFTPRENAME/SET['TEST','TEST_NEW']
            +QFTPCFG="account","test","test"         | +QFTPCFG/SET['account','test','test']
            +QFTPPUT="a","COM:",0,,1                 | +QFTPPUT/SET['a','COM:',0,_,1]
            +QSSLCFG="ciphersuite",1,0XFFFF          | +QSSLCFG/SET['ciphersuite',1,0XFFFF]
            +X="a;b,c"                               | +X/SET['a;b,c']
            +X="\\41\\2c"                            | +X/SET['A,']
            +X=                                      | +X/SET[_]
            +X=,                                     | +X/SET[_,_]
            """)
    void parses(String body, String expected) throws AtException {
        assertThat(render(body)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+", "+X=\"open", "+X=a\"b\"", "+X=\"a\"b", "+X?y", "S", "S3", "S=1", "&", "&1", "E?", "#",
            "+X=?junk", "\u0000"})
    void rejects(String body) {
        assertThatThrownBy(() -> CommandLineParser.parse(body)).isInstanceOf(AtException.class);
    }

    @ParameterizedTest
    @CsvSource({"0xffff,65535", "0XFFFF,65535", "42,42", "0,0"})
    void integersInDecimalAndHex(String text, long value) throws AtException {
        assertThat(Args.parseInteger(text)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x1", "0x", "1.5", "0xZZ", "99999999999999999999"})
    void badIntegers(String text) {
        assertThatThrownBy(() -> Args.parseInteger(text)).isInstanceOf(AtException.class);
    }
}
