package nl.dsrhub.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole hostile corpus, an enormous file and files with hostile names, dropped in the inbox of a running hub
 * in one batch with good requests: the good ones are taken in, every bad one lands in error/ beside its report,
 * and nothing is written anywhere else.
 */
class HostileInboxTest {

    @TempDir
    Path root;

    @Test
    void hostileBatchIsRejectedFileByFileInsideErrorWhileTheGoodRequestsGoThrough() throws Exception {
        Path dataDir = root.resolve("data");
        Map<String, byte[]> bad = new LinkedHashMap<>();
        // the corpus is dated for the unit tests' fixed clock; the running hub judges by today's date
        RequestValidator today = new RequestValidator(new RequestParser(), java.time.Clock.systemUTC(),
                TestRequests.CONNECTORS);
        for (String name : BadRequestCorpusTest.expected().stringPropertyNames()) {
            byte[] content = TestRequests.resource("bad/" + name);
            if (!today.validate(name, content).ok()) {
                bad.put(name, content);
            }
        }
        // bigger than dsr.intake.max-bytes: refused unread
        bad.put("enormous.json", ("{\"type\": \"erasure\", \"pad\": \"" + "x".repeat(1_100_000) + "\"}").getBytes());
        // names that try to leave the folder or confuse the file component and the report name
        byte[] broken = "{ \"type\": ".getBytes();
        for (String name : List.of("%2e%2e%2f%2e%2e%2fescape.json", "a..b.json", "${date:now:yyyy}.json", "{{dsr.data-dir}}.json",
                "name with spaces & ünïcödé.json", "-rf.json", "semi;colon|pipe.json", "n".repeat(240) + ".json")) {
            bad.put(name, broken);
        }
        Map<String, String> good = new LinkedHashMap<>();
        List<DemoPeople.Person> people = List.of(DemoPeople.JAN, DemoPeople.EVA, DemoPeople.KEES, DemoPeople.LOTTE);
        for (DemoPeople.Person p : people) {
            good.put("good-" + p.firstName() + ".json", Requests.file("export", p.email(), Requests.now(), "HOSTILE-" + p.firstName()));
        }
        good.put("odd but good ${x} .json", Requests.file("export", DemoPeople.DAAN.email(), Requests.now(), "HOSTILE-odd"));

        // files are written beside the inbox and moved in whole: no need to wait long for them to settle
        try (HubFixture fixture = HubFixture.start(dataDir, Map.of("dsr.intake.read-lock-check-ms", "20"))) {
            List<String> names = new ArrayList<>();
            bad.forEach((name, content) -> names.add(drop(dataDir, name, content)));
            good.forEach((name, content) -> drop(dataDir, name, content.getBytes()));
            drop(dataDir, "..hidden.json", broken);

            for (String reference : List.of("HOSTILE-Jan", "HOSTILE-Eva", "HOSTILE-Kees", "HOSTILE-Lotte", "HOSTILE-odd")) {
                fixture.awaitRequest(reference);
            }
            Path error = dataDir.resolve("error");
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(list(error))
                    .as("rejected files and their reports").containsAll(names)
                    .containsAll(names.stream().map(Intake::reportName).toList()));
            assertThat(list(error)).hasSize(2 * names.size());
            // hidden files are not requests (an editor's or a copy's temp file): left alone
            assertThat(list(dataDir.resolve("inbox"))).containsExactly("..hidden.json");
            // nothing landed beside the data dir, and nothing unexpected inside it
            assertThat(list(root)).containsExactly("data");
            assertThat(list(dataDir)).isSubsetOf("inbox", "outbox", "error", "work", "db", "connectors",
                    "dashboard.token", "ledger.key", "db.password", "hub.json");
            assertThat(Files.readString(error.resolve("enormous.json.error.json"))).contains("too large");
            assertThat(Files.readString(error.resolve("a..b.json.error.json"))).contains("a..b.json");
            assertThat(Intake.reportName("n".repeat(240) + ".json")).hasSizeLessThanOrEqualTo(255).endsWith(".error.json");
        }
    }

    private static String drop(Path dataDir, String name, byte[] content) {
        try {
            Path inbox = Files.createDirectories(dataDir.resolve("inbox"));
            Path tmp = inbox.resolve(".drop-" + Math.abs(name.hashCode()) + ".tmp");
            Files.write(tmp, content);
            Files.move(tmp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(java.util.TreeSet::new));
        }
    }
}
