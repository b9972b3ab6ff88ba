package dev.qmodem.junit;

import dev.qmodem.client.Modem;
import dev.qmodem.fault.Faults;
import dev.qmodem.module.ModuleEvents;
import dev.qmodem.profile.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstantiationAwareExtension;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A JUnit 5 extension that gives every test its own qmodem module, started in-process: a fresh module of the chosen
 * model serving its AT port on an ephemeral loopback TCP port, with an empty UFS in a temporary folder, and the
 * embedded FTP(S) server (plain, explicit and implicit FTPS, each on an ephemeral port) over an empty root folder.
 * After each test everything is stopped and the folders are deleted, so no state (settings, PDP contexts, FTP
 * session, files) leaks from one test into the next.
 *
 * <p>Use it through {@link QModemTest} on the class, or as a field:
 *
 * <pre>{@code
 * @RegisterExtension
 * QModemExtension qmodem = QModemExtension.model(Model.UC20);
 *
 * @Test
 * void lists() throws IOException {
 *     Modem modem = qmodem.client();
 *     ...
 * }
 * }</pre>
 *
 * <p>Test methods, and test constructors under {@link QModemTest} with the default per-method lifecycle, may take:
 * <ul>
 * <li>{@link dev.qmodem.client.Modem}: the host client on the AT port, already {@code init()}ed (no echo, numeric
 *     {@code +CME ERROR}); connected on first request, closed after the test;</li>
 * <li>{@link FtpServerInfo}: the FTP server's address, ports and account;</li>
 * <li>{@code @}{@link FtpRoot} {@link Path}: the folder the FTP server serves as {@code /};</li>
 * <li>{@code @}{@link Ufs} {@link Path}: the module's flash folder;</li>
 * <li>{@link AtPort}: the AT port's address, for host code that opens its own link (then do not also take the
 *     client: the port serves one host at a time);</li>
 * <li>{@link Model}: the model running.</li>
 * </ul>
 *
 * <p>Use one form per class: two registrations would start two modules and compete for the parameters. Starting a
 * module and its server takes a fraction of a second; the FTP server's TLS certificate is made once per test run
 * and shared. Tests may run concurrently only with separate extension instances (the {@link QModemTest} form and
 * instance fields are; a static field is not).
 */
public final class QModemExtension
        implements BeforeEachCallback, AfterEachCallback, ParameterResolver, TestInstantiationAwareExtension {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(QModemExtension.class);
    private static final String RUNNING = "running";
    private static final String CERTIFICATES = "certificates";

    /** The model of a {@code @RegisterExtension} field; null when {@link QModemTest} names it. */
    private final Model fieldModel;
    private final Map<String, String> hostAliases = new LinkedHashMap<>();
    private volatile RunningModule current;

    /**
     * The extension {@link QModemTest} registers: the model comes from that annotation on the test class (or an
     * enclosing class), BG95 without one.
     */
    public QModemExtension() {
        this.fieldModel = null;
    }

    private QModemExtension(Model model) {
        this.fieldModel = Objects.requireNonNull(model, "model");
    }

    /** An extension that starts {@code model} for each test, for a {@code @RegisterExtension} field. */
    public static QModemExtension model(Model model) {
        return new QModemExtension(model);
    }

    /**
     * Makes the module answer {@code name} with {@code address} without DNS, like {@code qmodem serve --host}: e.g.
     * {@code hostAlias("quectel.3322.org", "127.0.0.1")} to run the documents' transcripts as written.
     */
    public QModemExtension hostAlias(String name, String address) {
        hostAliases.put(name, address);
        return this;
    }

    /** The client of the current test's module; see {@link QModemExtension} for when it connects. */
    public Modem client() throws IOException {
        return running().client();
    }

    /** The current test's FTP server. */
    public FtpServerInfo ftpServer() {
        return running().ftpServer();
    }

    /** The current test's FTP root folder. */
    public Path ftpRoot() {
        return running().ftpRoot();
    }

    /** The current test's UFS folder. */
    public Path ufs() {
        return running().ufs();
    }

    /** The current test's AT port. */
    public AtPort atPort() {
        return running().atPort();
    }

    /**
     * The current test's faults, the same as the control API's: {@code qmodem.faults().add(Fault.Link.preset("nbiot"))}
     * shapes the module's FTP sockets until removed (docs/faults.md lists every kind).
     */
    public Faults faults() {
        return running().module().faults();
    }

    /** The current test's one-shot events: {@code qmodem.events().pdpDeactivate(1)}, {@code urc("+X: 1")}. */
    public ModuleEvents events() {
        return running().module().events();
    }

    private RunningModule running() {
        RunningModule running = current;
        if (running == null) {
            throw new IllegalStateException("no module is running: only available while a test runs");
        }
        return running;
    }

    /** Constructor parameters are resolved in the test method's context, so they get that test's module. */
    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        current = start(context);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        current = null;
        RunningModule running = context.getStore(NAMESPACE).remove(RUNNING, RunningModule.class);
        if (running != null) {
            running.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == Path.class) {
            return parameter.isAnnotated(FtpRoot.class) || parameter.isAnnotated(Ufs.class);
        }
        return type == Modem.class || type == FtpServerInfo.class || type == AtPort.class || type == Model.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("qmodem starts a module per test: " + parameter.getDeclaringExecutable()
                    + " needs the default per-method test instance lifecycle");
        }
        RunningModule running = start(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == Modem.class) {
            try {
                return running.client();
            } catch (IOException e) {
                throw new ParameterResolutionException("cannot connect the client to the module", e);
            }
        }
        if (type == FtpServerInfo.class) {
            return running.ftpServer();
        }
        if (type == AtPort.class) {
            return running.atPort();
        }
        if (type == Model.class) {
            return running.model();
        }
        return parameter.isAnnotated(FtpRoot.class) ? running.ftpRoot() : running.ufs();
    }

    /** The test's module, started on first use: a constructor parameter comes before {@link #beforeEach}. */
    private RunningModule start(ExtensionContext context) {
        Path certificates = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(CERTIFICATES, key -> createFolder("qmodem-ftps-"), TemporaryFolder.class)
                .path();
        Model chosen = fieldModel != null ? fieldModel : annotatedModel(context);
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(RUNNING, key -> {
            try {
                return RunningModule.start(chosen, hostAliases, certificates);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start a " + chosen + " module", e);
            }
        }, RunningModule.class);
    }

    private static TemporaryFolder createFolder(String prefix) {
        try {
            return TemporaryFolder.create(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Model annotatedModel(ExtensionContext context) {
        for (Optional<Class<?>> type = context.getTestClass(); type.isPresent();
                type = Optional.ofNullable(type.get().getEnclosingClass())) {
            Optional<QModemTest> annotation = AnnotationSupport.findAnnotation(type.get(), QModemTest.class);
            if (annotation.isPresent()) {
                return annotation.get().model();
            }
        }
        return Model.BG95;
    }
}
