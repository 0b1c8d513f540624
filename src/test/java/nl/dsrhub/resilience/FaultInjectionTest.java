package nl.dsrhub.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.dsrhub.cli.DsrHub;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.demo.RecordedCall;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.TaskStatus;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.TaskStore.TaskRow;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults injected at the shop's simulator while the hub runs an export: each kind of failure is retried
 * the way it should be, with exactly the attempts it should take, and the request completes once the
 * processor is back. The circuit breaker is kept out of the way here (see {@link CircuitBreakerTest}).
 */
class FaultInjectionTest {

    private static final DemoPeople.Person KEES = DemoPeople.KEES;

    @TempDir
    Path dataDir;

    HubFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private void start(Map<String, String> extra) {
        fixture = HubFixture.create(dataDir);
        fixture.set("dsr.breaker.minimum-calls", "1000").set("dsr.breaker.window", "1000");
        extra.forEach(fixture::set);
        fixture.startHub();
    }

    private String exportOfKees(String reference) {
        fixture.drop(reference + ".json", Requests.file("export", KEES.email(), Requests.now(), reference));
        return fixture.awaitRequest(reference);
    }

    @Test
    void serverErrorsAreRedeliveredInTheRouteWithinOneAttempt() {
        start(Map.of());
        fixture.woo.failNext(2, 500);

        String id = exportOfKees("FAULT-500");
        fixture.awaitCompleted(id);

        TaskRow shop = task(id, "woocommerce");
        assertThat(shop.outcome()).isEqualTo(Outcome.EXPORTED);
        // 1 + 3 in-route redeliveries per attempt: two failures are absorbed in the first attempt
        assertThat(shop.attempts()).isEqualTo(1);
        assertThat(withStatus(fixture.woo.calls(), 500)).hasSize(2);
        assertThat(kinds(id, "woocommerce")).doesNotContain("retry-scheduled");
    }

    @Test
    void unavailableBeyondTheInRouteAttemptsIsStoredAndSweptUntilItRecovers() {
        start(Map.of());
        fixture.woo.failNext(6, 503);

        String id = exportOfKees("FAULT-503");
        fixture.awaitCompleted(id);

        TaskRow shop = task(id, "woocommerce");
        assertThat(shop.outcome()).isEqualTo(Outcome.EXPORTED);
        // attempt 1: four 503s, stored as RETRY; attempt 2 (the sweep): two more 503s, then the answers
        assertThat(shop.attempts()).isEqualTo(2);
        assertThat(withStatus(fixture.woo.calls(), 503)).hasSize(6);
        assertThat(events(id, "woocommerce")).filteredOn(e -> e.kind().equals("retry-scheduled"))
                .singleElement().satisfies(e -> assertThat(e.detail()).contains("HTTP 503"));
    }

    @Test
    void timeoutsAreRetriedUntilTheProcessorAnswersInTime() throws IOException {
        // the shop's connector with a 1 s timeout, and a shop that takes 1.5 s
        Path connectors = Files.createDirectories(dataDir.resolve("connectors"));
        Files.writeString(connectors.resolve("woocommerce.yaml"),
                Files.readString(Path.of("connectors/woocommerce.yaml")).replace("timeout: 30s", "timeout: 1s"));
        start(Map.of("dsr.retry.in-route-attempts", "1"));
        fixture.woo.latency(Duration.ofMillis(1500));

        String id = exportOfKees("FAULT-TIMEOUT");
        await().atMost(Duration.ofSeconds(30)).ignoreException(java.util.NoSuchElementException.class).until(() -> task(id, "woocommerce").status() == TaskStatus.RETRY);
        fixture.woo.latency(Duration.ZERO);
        fixture.awaitCompleted(id);

        TaskRow shop = task(id, "woocommerce");
        assertThat(shop.outcome()).isEqualTo(Outcome.EXPORTED);
        long failedAttempts = kinds(id, "woocommerce").stream().filter("retry-scheduled"::equals).count();
        assertThat(failedAttempts).isPositive();
        assertThat(shop.attempts()).isEqualTo(failedAttempts + 1);
        assertThat(events(id, "woocommerce")).filteredOn(e -> e.kind().equals("retry-scheduled"))
                .allSatisfy(e -> assertThat(e.detail()).containsIgnoringCase("timeout"));
    }

    @Test
    void refusedConnectionsAreRetriedUntilTheProcessorIsBackOnItsAddress() {
        start(Map.of());
        fixture.woo.stop();

        String id = exportOfKees("FAULT-REFUSED");
        await().atMost(Duration.ofSeconds(30)).ignoreException(java.util.NoSuchElementException.class).until(() -> task(id, "woocommerce").status() == TaskStatus.RETRY);
        assertThat(task(id, "woocommerce").lastError()).contains("Connect");
        fixture.woo.restart();
        fixture.awaitCompleted(id);

        TaskRow shop = task(id, "woocommerce");
        assertThat(shop.outcome()).isEqualTo(Outcome.EXPORTED);
        long failedAttempts = kinds(id, "woocommerce").stream().filter("retry-scheduled"::equals).count();
        assertThat(shop.attempts()).isEqualTo(failedAttempts + 1);
        // nothing reached the shop while it was down; once back, every call was answered
        assertThat(fixture.woo.calls()).isNotEmpty().allSatisfy(c -> assertThat(c.status()).isLessThan(400));
    }

    @Test
    void throttledWithRetryAfterWaitsForTheHintInTheTaskStoreNotInTheHttpClient() {
        start(Map.of());
        fixture.woo.failNext(1, 429, Map.of("Retry-After", "2"));

        String id = exportOfKees("FAULT-429");
        fixture.awaitCompleted(id);

        TaskRow shop = task(id, "woocommerce");
        assertThat(shop.outcome()).isEqualTo(Outcome.EXPORTED);
        // not redelivered at once, not retried inside HttpClient (which would have kept it at one attempt):
        // the task was stored with the hint as its next attempt time and run again by the sweep
        assertThat(shop.attempts()).isEqualTo(2);
        assertThat(events(id, "woocommerce")).filteredOn(e -> e.kind().equals("retry-scheduled"))
                .singleElement().satisfies(e -> assertThat(e.detail()).contains("HTTP 429"));
        List<RecordedCall> calls = fixture.woo.calls();
        assertThat(calls.get(0).status()).isEqualTo(429);
        assertThat(Duration.between(calls.get(0).at(), calls.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(withStatus(calls, 429)).hasSize(1);
    }

    @Test
    void badCredentialsNeedAttentionWithTheProcessorsMessageShownByStatusUntilRetried() {
        start(Map.of());
        fixture.woo.setCredentials("ck_rotated", "cs_rotated");

        String id = exportOfKees("FAULT-401");
        await().atMost(Duration.ofSeconds(30)).ignoreException(java.util.NoSuchElementException.class).until(() -> task(id, "woocommerce").outcome() == Outcome.NEEDS_ATTENTION);
        // permanent: asked once, not redelivered, not scheduled
        assertThat(withStatus(fixture.woo.calls(), 401)).hasSize(1);
        assertThat(task(id, "woocommerce").attempts()).isEqualTo(1);
        String status = cli("status", id);
        assertThat(status).containsPattern("woocommerce\\s+DONE\\s+NEEDS_ATTENTION\\s+attempts 1\\s+.*HTTP 401")
                .doesNotContain(KEES.email()).doesNotContain(KEES.lastName());

        fixture.woo.setCredentials(DemoPeople.WOO_CONSUMER_KEY, DemoPeople.WOO_CONSUMER_SECRET);
        assertThat(cli("retry", id, "--connector", "woocommerce")).contains("1 task(s)");
        fixture.awaitCompleted(id);

        assertThat(task(id, "woocommerce").outcome()).isEqualTo(Outcome.EXPORTED);
        // the officer's retry starts the count afresh (dsr.retry.max-attempts applies from there)
        assertThat(task(id, "woocommerce").attempts()).isEqualTo(1);
    }

    private String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--data", dataDir.toString())).toArray(String[]::new);
        int code = new DsrHub(new PrintStream(out, true, StandardCharsets.UTF_8), System.err).execute(all);
        assertThat(code).as("exit code of " + String.join(" ", args)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<RecordedCall> withStatus(List<RecordedCall> calls, int status) {
        return calls.stream().filter(c -> c.status() == status).toList();
    }

    private List<EventLog.Event> events(String requestId, String connector) {
        return fixture.hub().services().events.timeline(requestId).stream()
                .filter(e -> connector.equals(e.connector())).toList();
    }

    private List<String> kinds(String requestId, String connector) {
        return events(requestId, connector).stream().map(EventLog.Event::kind).toList();
    }

    private TaskRow task(String requestId, String connector) {
        return fixture.hub().services().tasks.forRequest(requestId).stream()
                .filter(t -> t.connector().equals(connector)).findFirst().orElseThrow();
    }
}
