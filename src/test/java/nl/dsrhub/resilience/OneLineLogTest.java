package nl.dsrhub.resilience;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Log injection: the hub's own logback.xml (the one shipped in the jar), loaded into a logger context of this
 * test's own, writes each message on one line whatever it carries, and keeps a stack trace as it is.
 */
class OneLineLogTest {

    private final LoggerContext context = new LoggerContext();
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private Logger log;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void loadTheHubsLogConfigurationWritingToMemory() throws Exception {
        context.setMDCAdapter(new LogbackMDCAdapter());
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(context);
        joran.doConfigure(OneLineLogTest.class.getResource("/logback.xml"));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        // the console appender's own encoder, configured from the file, writes into memory instead
        Encoder<ILoggingEvent> encoder = ((OutputStreamAppender<ILoggingEvent>) root.getAppender("CONSOLE")).getEncoder();
        root.detachAppender("CONSOLE");
        OutputStreamAppender<ILoggingEvent> memory = new OutputStreamAppender<>();
        memory.setContext(context);
        memory.setName("MEMORY");
        memory.setEncoder(encoder);
        memory.setOutputStream(written);
        memory.start();
        root.addAppender(memory);
        log = context.getLogger("nl.dsrhub.plan.TaskRunner");
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void aMessageCarryingLineBreaksIsWrittenAsOneLine() {
        // a processor's error title, as TaskRunner logs it when a task needs attention
        log.warn("request {} {}: needs attention: {}", "R20261120-ABCD", "moneybird",
                "401 Unauthorized\n12:00:00.000 INFO  TaskRunner - request R1 moneybird: ERASED\r\nand\u2028more\u0085end");

        List<String> lines = lines();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).endsWith("WARN  TaskRunner - request R20261120-ABCD moneybird: needs attention: 401 Unauthorized"
                + " 12:00:00.000 INFO  TaskRunner - request R1 moneybird: ERASED  and more end");
    }

    @Test
    void tabsEscapesAndOtherControlCharactersBecomeSpaces() {
        log.info("request {}: {}", "R1", "a\tb\u001B[2Jc\u0000d");

        assertThat(lines()).singleElement().asString().endsWith("- request R1: a b [2Jc d");
    }

    @Test
    void anExceptionsStackTraceStaysAsItIsBelowItsOneLineMessage() {
        log.warn("request {} failed\nforged", "R2", new IllegalStateException("boom"));

        List<String> lines = lines();
        assertThat(lines.get(0)).endsWith("- request R2 failed forged");
        assertThat(lines.get(1)).isEqualTo("java.lang.IllegalStateException: boom");
        assertThat(lines.get(2)).startsWith("\tat nl.dsrhub.resilience.OneLineLogTest.");
    }

    private List<String> lines() {
        return written.toString(UTF_8).lines().toList();
    }
}
