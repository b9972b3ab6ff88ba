package dev.qmodem.junit;

import dev.qmodem.profile.Model;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs each test of the class against its own freshly started module: {@link QModemExtension} with the model named
 * here. Test methods and constructors then take the connected client, the FTP server's coordinates and folders as
 * parameters.
 *
 * <pre>{@code
 * @QModemTest(model = Model.UC20)
 * class UploadTest {
 *     @Test
 *     void uploads(Modem modem, FtpServerInfo ftp, @FtpRoot Path root) throws Exception { ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(QModemExtension.class)
public @interface QModemTest {

    /** The module to start for each test. */
    Model model() default Model.BG95;
}
