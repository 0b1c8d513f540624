package nl.dsrhub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.request.ErrorReport;
import nl.dsrhub.request.Intake;
import nl.dsrhub.request.RequestParser;
import nl.dsrhub.request.RequestValidator;
import nl.dsrhub.request.Validation;
import nl.dsrhub.testing.Requests;
import nl.dsrhub.testing.RouteTestSupport;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.Test;

/** routes/intake-file.yaml alone: what becomes of a file dropped in the inbox. */
class IntakeFileRouteTest extends RouteTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ValidatingIntake intake = new ValidatingIntake();

    @Override
    protected List<String> routeFiles() {
        return List.of("intake-file.yaml");
    }

    @Override
    protected Map<String, String> settings() {
        // polled and read-locked quickly: each file still waits one check interval, as in the hub
        return Map.of("dsr.intake.poll-ms", "50", "dsr.intake.read-lock-check-ms", "50");
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("intake", intake);
    }

    @Test
    void aGoodFileLeavesTheInboxAsItsRequestIdOnThePlanQueue() throws Exception {
        Path dropped = drop("verzoek.json", goodRequest());
        MockEndpoint plan = getMockEndpoint("mock:seda:plan");
        plan.expectedBodiesReceived("request-1");

        startIntake();

        plan.assertIsSatisfied();
        assertThat(intake.read).containsExactly("verzoek.json");
        // the request is stored once accepted: the file itself is not kept, and nothing is rejected
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(dropped));
        assertThat(dataDir.resolve("error")).doesNotExist();
    }

    @Test
    void aBadFileIsMovedToErrorBesideItsReportAndNotPlanned() throws Exception {
        String bad = """
                { "type": "delete-everything", "subject": { "email": "%s" } }
                """.formatted(DemoPeople.ANNA.email());
        Path dropped = drop("kapot.json", bad);
        NotifyBuilder taken = new NotifyBuilder(context).fromRoute("intake-file").whenDone(1).create();
        MockEndpoint plan = getMockEndpoint("mock:seda:plan");
        plan.expectedMessageCount(0);

        startIntake();

        assertThat(taken.matches(10, TimeUnit.SECONDS)).isTrue();
        plan.assertIsSatisfied();
        Path error = dataDir.resolve("error");
        assertThat(error.resolve("kapot.json")).hasContent(bad);
        Path report = error.resolve("kapot.json.error.json");
        JsonNode problems = JSON.readTree(report.toFile()).path("problems");
        assertThat(problems.findValuesAsText("pointer")).contains("/type", "/receivedAt", "/verification");
        // the report names what is wrong, never the values: they may be personal data
        assertThat(Files.readString(report)).doesNotContain(DemoPeople.ANNA.email());
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(dropped));
    }

    @Test
    void aRejectedFileAndItsReportAreTheOwnersAlone() throws Exception {
        drop("kapot.json", "{}");
        NotifyBuilder taken = new NotifyBuilder(context).fromRoute("intake-file").whenDone(1).create();

        startIntake();

        assertThat(taken.matches(10, TimeUnit.SECONDS)).isTrue();
        Path error = dataDir.resolve("error");
        assertThat(Files.getPosixFilePermissions(error)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(error.resolve("kapot.json")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(error.resolve("kapot.json.error.json")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aLongNamedFilesReportGetsANameCutToTheFileSystemsLimit() throws Exception {
        // 245 bytes: allowed itself, but 256 with ".error.json" added
        String name = "verzoek-" + "x".repeat(232) + ".json";
        drop(name, "{}");
        NotifyBuilder taken = new NotifyBuilder(context).fromRoute("intake-file").whenDone(1).create();

        startIntake();

        assertThat(taken.matches(10, TimeUnit.SECONDS)).isTrue();
        Path error = dataDir.resolve("error");
        assertThat(error.resolve(name)).hasContent("{}");
        List<String> reports;
        try (Stream<Path> files = Files.list(error)) {
            reports = files.map(f -> f.getFileName().toString()).filter(f -> !f.equals(name)).toList();
        }
        assertThat(reports).singleElement().satisfies(report -> {
            assertThat(report).startsWith("verzoek-xxxx").endsWith(".error.json");
            assertThat(report.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        });
        assertThat(JSON.readTree(error.resolve(reports.get(0)).toFile()).path("problems").size()).isPositive();
    }

    @Test
    void hiddenAndPartlyWrittenFilesAreNotRead() throws Exception {
        List<String> notYet = List.of(".verzoek.json", "verzoek.json.part", "verzoek.json.tmp", ".verzoek.json.swp");
        for (String name : notYet) {
            drop(name, goodRequest());
        }
        drop("verzoek.json", goodRequest());
        MockEndpoint plan = getMockEndpoint("mock:seda:plan");
        plan.expectedBodiesReceived("request-1");

        startIntake();

        plan.assertIsSatisfied();
        // all were there before the first poll: once it is over, every file has been looked at
        await().atMost(Duration.ofSeconds(10)).until(() -> inboxConsumer().isFirstPollDone());
        assertThat(intake.read).containsExactly("verzoek.json");
        for (String name : notYet) {
            assertThat(dataDir.resolve("inbox").resolve(name)).exists();
        }
        assertThat(dataDir.resolve("error")).doesNotExist();
    }

    private void startIntake() throws Exception {
        // the queue to planning is a mock: what arrives there is what the planner would get
        adviceAndStart("intake-file", a -> a.mockEndpointsAndSkip("seda:plan"));
    }

    private ScheduledPollConsumer inboxConsumer() {
        return (ScheduledPollConsumer) context.getRoute("intake-file").getConsumer();
    }

    private Path drop(String name, String content) throws IOException {
        Path inbox = Files.createDirectories(dataDir.resolve("inbox"));
        return Files.writeString(inbox.resolve(name), content);
    }

    private static String goodRequest() {
        return Requests.file("erasure", DemoPeople.ANNA.email(), Requests.now(), "ROUTE-INTAKE");
    }

    /**
     * Stands in for {@code Intake}, which stores requests in the database: judges each file with the hub's own
     * validator, gives a good one the next request id instead of storing it, and records which files it read.
     */
    public static final class ValidatingIntake {
        private final RequestValidator validator = new RequestValidator(new RequestParser(1_048_576),
                Clock.systemUTC(), Set.of("woocommerce", "mollie"));
        final List<String> read = new CopyOnWriteArrayList<>();

        public Intake.Result acceptFile(String fileName, InputStream content) throws IOException {
            read.add(fileName);
            Validation verdict = validator.validate(fileName, content.readAllBytes());
            return new Intake.Result(verdict, verdict.ok() ? "request-" + read.size() : null, false);
        }

        public String errorReport(Intake.Result result) {
            return ErrorReport.toJson(result.validation(), Clock.systemUTC().instant());
        }

        public String reportName(String fileName) {
            return Intake.reportName(fileName);
        }
    }
}
