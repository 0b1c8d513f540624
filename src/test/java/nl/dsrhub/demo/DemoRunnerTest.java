package nl.dsrhub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import nl.dsrhub.config.HubConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo --exit}: the sample export and erasure run to the end and their results are printed. */
class DemoRunnerTest {

    @TempDir
    Path dir;

    @Test
    void demoFinishesBothSamplesAndSaysWhereTheResultsAre() throws Exception {
        Path dataDir = dir.resolve("demo-data");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code;
        // another program holds the dashboard's port (8080 on a developer's machine): the demo moves over
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            code = new DemoRunner(new PrintStream(out, true, StandardCharsets.UTF_8)).run(config(dataDir, taken.getLocalPort()), true);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("port " + taken.getLocalPort() + " is in use")
                    .doesNotContain("Dashboard: http://127.0.0.1:" + taken.getLocalPort() + "/");
        }

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed).isZero();
        List<Path> results;
        try (Stream<Path> files = Files.walk(dataDir.resolve("outbox"))) {
            results = files.filter(Files::isRegularFile).toList();
        }
        assertThat(results).extracting(p -> p.getFileName().toString())
                .contains("bundle.zip", "confirmation.json", "confirmation.html");
        assertThat(printed).contains("Dashboard: http://127.0.0.1:").contains("Token: ")
                .contains(Files.readString(dataDir.resolve("dashboard.token")).trim());
        assertThat(printed).contains("bundle.zip").contains("confirmation.json").contains("PARTIAL").contains("ERASED");
        // mail: Pay.nl's data came by mail, PostNL had none, the officer's mailed request waits only for silent DHL
        assertThat(printed).contains("the processor replied with 1 file(s)").contains("holds no data")
                .contains("DEMO-3").contains("AWAITING_REPLY");
        // the officer extended DEMO-3, waiting for DHL, and refused DEMO-4, the same erasure asked again
        assertThat(printed).contains("extension-notice.html").containsPattern("REFUSED +deadline \\S+ +reference DEMO-4")
                .contains("refusal-letter.html");
        // mailed over plain SMTP, DEMO-3 was held until the officer's mailbox replied with the code
        assertThat(printed).contains("held: not authenticated").contains("confirmed: confirmed by reply")
                .doesNotContainPattern("CONFIRM-[2-9A-HJ-NP-Z]{26}");
        try (var zip = new java.util.zip.ZipFile(results.stream().filter(p -> p.endsWith("bundle.zip")).findFirst().orElseThrow().toFile())) {
            assertThat(zip.getEntry("paynl/paynl-transactions.json")).isNotNull();
        }
        // Marjan's new address and e-mail reached the processors that hold them; Pay.nl confirmed by mail
        assertThat(printed).containsPattern("rectification COMPLETED +deadline \\S+ +reference DEMO-5")
                .containsPattern("mailchimp +RECTIFIED").contains("the processor replied that it corrected the data");
        // Eva's objection to direct marketing: unsubscribed where newsletters are sent from, and only there
        assertThat(printed).containsPattern("objection COMPLETED +deadline \\S+ +reference DEMO-6")
                .containsPattern("laposta +OPTED_OUT").containsPattern("mailchimp +OPTED_OUT");
        // the demo's output is shown to people: request ids and outcomes, no subject's address, old or new
        assertThat(printed).doesNotContain(DemoPeople.JAN.email(), DemoPeople.ANNA.email(), DemoPeople.KEES.email(),
                DemoPeople.MARJAN.email(), "marjan.koster@example.com", DemoPeople.EVA.email());
    }

    @Test
    void demoRefusesToClearAFolderThatIsNotItsOwn() throws Exception {
        Path notDemo = Files.createDirectories(dir.resolve("precious"));
        Files.writeString(notDemo.resolve("keep.txt"), "officer's notes");

        int code = new DemoRunner(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .run(config(notDemo), true);

        assertThat(code).isEqualTo(1);
        assertThat(notDemo.resolve("keep.txt")).hasContent("officer's notes");
    }

    @Test
    void samplesStampedOnAWholeMinuteAreValidRequests() {
        String onTheMinute = DemoSamples.timestamp(java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(1))
                .withSecond(0).withNano(0).minusMinutes(1));
        nl.dsrhub.request.RequestValidator validator = new nl.dsrhub.request.RequestValidator(
                new nl.dsrhub.request.RequestParser(), java.time.Clock.systemUTC(), java.util.Set.of("woocommerce", "mailchimp"));

        assertThat(validator.validate("export.json", DemoSamples.sample("export", DemoPeople.JAN, onTheMinute, "D-1")
                .getBytes(StandardCharsets.UTF_8)).problems()).isEmpty();
        assertThat(validator.validate("erasure.yaml", DemoSamples.sampleYaml("erasure", DemoPeople.ANNA, onTheMinute, "D-2")
                .getBytes(StandardCharsets.UTF_8)).problems()).isEmpty();
        assertThat(validator.validate("objection.yaml", DemoSamples.marketingObjection(DemoPeople.EVA, onTheMinute, "D-6", "all")
                .getBytes(StandardCharsets.UTF_8)).problems()).isEmpty();
        assertThat(validator.validate("rectification.json", DemoSamples.rectification(DemoPeople.MARJAN, onTheMinute, "D-5",
                List.of("mailchimp")).getBytes(StandardCharsets.UTF_8)).problems()).isEmpty();
    }

    private static HubConfig config(Path dataDir) {
        return config(dataDir, nl.dsrhub.testing.HubFixture.freePort());
    }

    private static HubConfig config(Path dataDir, int serverPort) {
        return HubConfig.load(null, Map.of("dsr.data-dir", dataDir.toString(),
                "camel.main.name", "dsr-hub-demo-" + UUID.randomUUID().toString().substring(0, 8),
                "camel.server.port", String.valueOf(serverPort)), Map.of());
    }
}
