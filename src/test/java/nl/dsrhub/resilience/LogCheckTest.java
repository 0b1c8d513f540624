package nl.dsrhub.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.demo.Simulators;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the hub in its own JVM with nl.dsrhub logging at DEBUG and Camel at INFO into a file, through the demo and
 * through an end-to-end batch of erasures, exports and a rejected file whose name and content name a person;
 * then no subject e-mail address (or its hash), name, phone number, or processor credential appears in the log.
 */
class LogCheckTest {

    @TempDir
    Path dir;

    @Test
    void demoRunLogsNoPersonalDataAndNoSecrets() throws Exception {
        Path log = dir.resolve("demo.log");
        Process demo = launch(log, List.of("demo", "--exit", "--data", dir.resolve("demo-data").toString(),
                "--set", "camel.server.port=" + nl.dsrhub.testing.HubFixture.freePort()));
        assertThat(demo.waitFor(150, java.util.concurrent.TimeUnit.SECONDS)).as("demo finished").isTrue();
        assertThat(demo.exitValue()).as("demo exit code; log:\n" + Files.readString(log)).isZero();

        // the demo's simulators are seeded with the same credentials as these
        try (Simulators same = Simulators.start()) {
            assertNoPersonalDataOrSecrets(Files.readString(log), secretsOf(same.settings()));
        }
        // the demo mails letters with tokens and a held request's confirmation code
        assertNoTokenAtInfoAndNoCodeAtAll(Files.readString(log));
    }

    /**
     * A letter's token lets whoever holds it answer for the processor, a confirmation code confirms a request:
     * a token may be logged at DEBUG only, a code never. Lines of one entry (an exception's) share its level.
     */
    private static void assertNoTokenAtInfoAndNoCodeAtAll(String log) {
        java.util.regex.Pattern token = java.util.regex.Pattern.compile("DSR-[2-9A-HJ-NP-Z]{10}\\b");
        java.util.regex.Pattern code = java.util.regex.Pattern.compile("CONFIRM-[2-9A-HJ-NP-Z]{26}");
        java.util.regex.Pattern entry = java.util.regex.Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\S+ (TRACE|DEBUG|INFO|WARN|ERROR)\\b.*");
        String level = "INFO";
        for (String line : log.lines().toList()) {
            java.util.regex.Matcher m = entry.matcher(line);
            level = m.matches() ? m.group(1) : level;
            assertThat(code.matcher(line).find()).as("a confirmation code in the log: " + line).isFalse();
            if (!level.equals("DEBUG") && !level.equals("TRACE")) {
                assertThat(token.matcher(line).find()).as("a letter's token at " + level + ": " + line).isFalse();
            }
        }
        assertThat(log).as("the demo's letters were written").containsPattern("DEBUG .*letter DSR-");
    }

    @Test
    void endToEndErasuresExportsAndRejectionsLogNoPersonalDataAndNoSecrets() throws Exception {
        Path log = dir.resolve("run.log");
        Path data = dir.resolve("data");
        try (Simulators sims = Simulators.start()) {
            List<String> args = new ArrayList<>(List.of("run", "--data", data.toString()));
            args.addAll(nl.dsrhub.testing.HubFixture.setArguments(nl.dsrhub.testing.HubFixture.childSettings(sims, data)));
            // faults too: their messages must not carry data either
            sims.mailchimp.failNext(2, 503);
            sims.woo.failNext(1, 429, Map.of("Retry-After", "1"));
            Process hub = launch(log, args);
            try {
                List<DemoPeople.Person> erased = List.of(DemoPeople.JAN, DemoPeople.EVA, DemoPeople.ANNA);
                List<DemoPeople.Person> exported = List.of(DemoPeople.PIETER, DemoPeople.KEES, DemoPeople.MARJAN,
                        DemoPeople.LOTTE, DemoPeople.SANNE);
                for (DemoPeople.Person p : erased) {
                    drop(data, "erase-" + p.email() + ".json", Requests.file("erasure", p.email(), Requests.now(), "LOG-E-" + p.firstName())
                            .replace("Test Persoon", p.name()));
                }
                for (DemoPeople.Person p : exported) {
                    drop(data, "export " + p.name() + ".json", Requests.file("export", p.email(), Requests.now(), "LOG-X-" + p.firstName())
                            .replace("Test Persoon", p.name()));
                }
                // rejected, with the person in its name and content
                drop(data, DemoPeople.DAAN.email() + ".json", "{\"subject\": {\"email\": \"" + DemoPeople.DAAN.email()
                        + "\", \"name\": \"" + DemoPeople.DAAN.name() + "\"}, \"type\": 42");
                int results = erased.size() + exported.size();
                await().atMost(Duration.ofSeconds(90)).until(() -> {
                    if (!hub.isAlive()) {
                        throw new AssertionError("hub stopped: " + Files.readString(log));
                    }
                    return count(data.resolve("outbox"), "bundle.zip") + count(data.resolve("outbox"), "confirmation.html") == results
                            && Files.exists(data.resolve("error").resolve(DemoPeople.DAAN.email() + ".json.error.json"));
                });
            } finally {
                hub.destroy();
                hub.waitFor();
            }
            assertNoPersonalDataOrSecrets(Files.readString(log), secretsOf(sims.settings()));
        }
    }

    private static void assertNoPersonalDataOrSecrets(String log, Set<String> secrets) throws Exception {
        assertThat(log).as("the log was written").contains("completed");
        Set<String> personal = new LinkedHashSet<>();
        for (DemoPeople.Person p : DemoPeople.EVERYONE) {
            personal.add(p.email());
            personal.add(p.email().substring(0, p.email().indexOf('@')) + "@");
            personal.add(HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(p.email().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8))));
            personal.add(p.name());
            personal.add(p.lastName());
            personal.add(p.phone());
        }
        personal.removeIf(s -> s == null || s.length() < 4);
        String lower = log.toLowerCase(Locale.ROOT);
        assertThat(personal).as("personal data in the log").allSatisfy(v ->
                assertThat(lower).as("log line with " + v + ": " + lineWith(log, v)).doesNotContain(v.toLowerCase(Locale.ROOT)));
        assertThat(secrets).as("credentials in the log").allSatisfy(v ->
                assertThat(log).as("a credential (" + v.length() + " chars): " + lineWith(log, v)).doesNotContain(v));
    }

    /** Credentials the connectors use, as configured and as sent (Basic). */
    private static Set<String> secretsOf(Map<String, String> settings) {
        Set<String> out = new LinkedHashSet<>();
        settings.forEach((k, v) -> {
            if (k.matches(".*(key|secret|token|password).*") && v != null && v.length() >= 6) {
                out.add(v);
            }
        });
        out.add(Base64.getEncoder().encodeToString((DemoPeople.WOO_CONSUMER_KEY + ":" + DemoPeople.WOO_CONSUMER_SECRET)
                .getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    private static String lineWith(String log, String value) {
        return log.lines().filter(l -> l.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT))).findFirst().orElse("");
    }

    private Process launch(Path log, List<String> args) throws IOException {
        Path config = dir.resolve("logback-check.xml");
        Files.writeString(config, """
                <configuration>
                  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
                    <file>%s</file>
                    <encoder><pattern>%%d %%-5level [%%thread] %%logger - %%msg%%n%%ex</pattern></encoder>
                  </appender>
                  <logger name="nl.dsrhub" level="DEBUG"/>
                  <logger name="org.apache.camel" level="INFO"/>
                  <root level="INFO"><appender-ref ref="FILE"/></root>
                </configuration>
                """.formatted(log.toAbsolutePath()));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dlogback.configurationFile=" + config,
                "-cp", System.getProperty("java.class.path"), "nl.dsrhub.cli.DsrHub"));
        cmd.addAll(args);
        // stdout is the command's own output, not the log; kept beside it for failures
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(log.getFileName() + ".out").toFile()).start();
    }

    private static void drop(Path data, String name, String content) throws IOException {
        Path inbox = Files.createDirectories(data.resolve("inbox"));
        Path tmp = inbox.resolve(".drop.tmp");
        Files.writeString(tmp, content);
        Files.move(tmp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static long count(Path outbox, String name) throws IOException {
        if (!Files.isDirectory(outbox)) {
            return 0;
        }
        try (Stream<Path> dirs = Files.list(outbox)) {
            return dirs.filter(d -> Files.exists(d.resolve(name))).count();
        }
    }
}
