package nl.dsrhub.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.TaskStore.TaskRow;
import nl.dsrhub.testing.HostileServer;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A processor (or whoever answers in its name) sending what no processor should: an endless answer, one
 * trickling in for ever, one that is not JSON, or an answer the connector file cannot go on from. The real hub
 * runs an export against it beside the shop's simulator: each ends NEEDS_ATTENTION with a clear reason, without
 * endless retries, and the rest of the hub carries on.
 */
class HostileAnswersTest {

    private static final DemoPeople.Person KEES = DemoPeople.KEES;
    private static final long ONE_MIB = 1024 * 1024;

    @TempDir
    Path dataDir;

    private HubFixture fixture;
    private final HostileServer hostile = HostileServer.start();

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
        hostile.close();
    }

    @Test
    void endlessAnswerIsCutOffAtTheSizeLimitAndNeedsAttentionAtOnce() {
        hostile.on("/api/items", hostile.endless());
        start("""
                - id: items
                  request: { method: GET, path: /items, query: { email: "${subject.email}" } }
                  keep: items
                """, "dsr.connector.hostile.max-answer-bytes", String.valueOf(ONE_MIB));

        String id = exportOfKees("ENDLESS");

        TaskRow task = awaitNeedsAttention(id, Duration.ofSeconds(20));
        assertThat(task.detail()).isEqualTo("hostile step items: answer larger than 1048576 bytes, the limit "
                + "(dsr.connector.hostile.max-answer-bytes or dsr.connectors.max-answer-bytes): the call was cut off");
        // the hub closed the connection: the server's writing ended, a few socket buffers past the limit
        await().atMost(Duration.ofSeconds(10)).until(() -> hostile.clientWentAway() != null);
        assertThat(hostile.bytesSent()).isLessThan(32 * ONE_MIB);
        // permanent: asked once, not redelivered, not scheduled again
        assertThat(hostile.received()).hasSize(1);
        assertThat(task.attempts()).isEqualTo(1);
        assertThat(kinds(id, "hostile")).doesNotContain("retry-scheduled");
        // nothing of it stays in the data dir, and the shop's export beside it went on as usual
        assertThat(filesUnder(dataDir.resolve("work"))).noneMatch(f -> f.getFileName().toString().startsWith(".answer-"))
                .allSatisfy(f -> assertThat(size(f)).isLessThan(ONE_MIB));
        await().atMost(Duration.ofSeconds(30)).ignoreException(java.util.NoSuchElementException.class).until(() -> task(id, "woocommerce").outcome() == Outcome.EXPORTED);
    }

    @Test
    void tricklingAnswerIsCutOffAtTheTimeLimitAndRetriedLikeATimeout() {
        hostile.on("/api/items", hostile.trickle(Duration.ofMillis(500)));
        start("""
                - id: items
                  request: { method: GET, path: /items, query: { email: "${subject.email}" } }
                  keep: items
                """, "dsr.connector.hostile.max-answer-seconds", "2");
        String id = exportOfKees("TRICKLE");

        TaskRow task = awaitNeedsAttention(id, Duration.ofSeconds(30));
        assertThat(task.detail()).isEqualTo("stopped retrying after 1 attempt(s) (dsr.retry.max-attempts); last error: "
                + "hostile step items: answer not complete within 2 s, the limit (dsr.connector.hostile.max-answer-seconds"
                + " or dsr.connectors.max-answer-seconds): the call was cut off");
        // each byte came well within the connector's 30 s timeout: the hub's own bound ended the call
        await().atMost(Duration.ofSeconds(10)).until(() -> hostile.clientWentAway() != null);
        Duration took = Duration.between(hostile.received().get(0).at(), hostile.clientWentAway());
        assertThat(took).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(8));
        assertThat(hostile.received()).hasSize(1);
    }

    @Test
    void answerThatIsNotJsonNeedsAttentionAfterOneCall() {
        hostile.on("/api/items", HostileServer.html("<html><body>Maintenance</body></html>"));
        start("""
                - id: items
                  request: { method: GET, path: /items, query: { email: "${subject.email}" } }
                  keep: items
                """);

        String id = exportOfKees("NOT-JSON");

        TaskRow task = awaitNeedsAttention(id, Duration.ofSeconds(20));
        assertThat(task.detail()).isEqualTo("hostile step items: answer is not JSON");
        assertThat(hostile.received()).hasSize(1);
        assertThat(task.attempts()).isEqualTo(1);
        assertThat(kinds(id, "hostile")).doesNotContain("retry-scheduled");
    }

    @Test
    void templateThatCannotBeExpandedNeedsAttentionAfterOneCall() {
        hostile.on("/api/items", HostileServer.json("[{\"id\": 7}]"));
        start("""
                - id: items
                  request: { method: GET, path: /items, query: { email: "${subject.email}" } }
                  keep: items
                - id: list-member
                  request: { method: GET, path: "/lists/${settings.list-id}/members", query: { email: "${subject.email}" } }
                  keep: list-member
                """);

        String id = exportOfKees("NO-VALUE");

        TaskRow task = awaitNeedsAttention(id, Duration.ofSeconds(20));
        assertThat(task.detail()).startsWith("a connector template cannot be expanded (no value for ${settings.list-id}): "
                + "not retried");
        assertThat(hostile.received()).singleElement().satisfies(r -> assertThat(r.path()).isEqualTo("/api/items"));
        assertThat(task.attempts()).isEqualTo(1);
        assertThat(kinds(id, "hostile")).doesNotContain("retry-scheduled");
    }

    /** The hub with the hostile connector and the shop (its other simulators' connectors off), quick retries. */
    private void start(String findSteps, String... settings) {
        fixture = HubFixture.create(dataDir);
        try {
            Path connectors = Files.createDirectories(dataDir.resolve("connectors"));
            Files.writeString(connectors.resolve("hostile.yaml"), hostile.connector(findSteps));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String off : List.of("mailchimp", "laposta", "moneybird", "eboekhouden", "mollie", "sendcloud")) {
            fixture.set("dsr.connector." + off + ".enabled", "false");
        }
        fixture.set("dsr.retry.in-route-attempts", "0").set("dsr.retry.max-attempts", "1");
        for (int i = 0; i < settings.length; i += 2) {
            fixture.set(settings[i], settings[i + 1]);
        }
        fixture.startHub();
    }

    private String exportOfKees(String reference) {
        fixture.drop(reference + ".json", Requests.file("export", KEES.email(), Requests.now(), reference));
        return fixture.awaitRequest(reference);
    }

    private TaskRow awaitNeedsAttention(String requestId, Duration within) {
        // ignoreExceptions: the task row appears only once the request is planned
        await().atMost(within).ignoreExceptions().until(() -> task(requestId, "hostile").outcome() == Outcome.NEEDS_ATTENTION);
        return task(requestId, "hostile");
    }

    private TaskRow task(String requestId, String connector) {
        return fixture.hub().services().tasks.forRequest(requestId).stream()
                .filter(t -> t.connector().equals(connector)).findFirst().orElseThrow();
    }

    private List<String> kinds(String requestId, String connector) {
        return fixture.hub().services().events.timeline(requestId).stream()
                .filter(e -> connector.equals(e.connector())).map(EventLog.Event::kind).toList();
    }

    private static List<Path> filesUnder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
