package nl.dsrhub.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import nl.dsrhub.cli.DsrHub;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.store.TaskStore.TaskRow;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures: transient ones are retried until the processor recovers; permanent ones wait for the officer. */
class RetryTest {

    @TempDir
    Path dataDir;

    HubFixture fixture;

    @BeforeEach
    void start() {
        fixture = HubFixture.start(dataDir);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void unavailableProcessorIsRetriedUntilItRecovers() {
        // more failures than the in-route attempts (1 + 3): the task is stored for the retry sweep
        fixture.woo.failNext(6, 503);
        fixture.drop("flaky.json", Requests.file("export", DemoPeople.KEES.email(), Requests.now(), "RETRY-503"));
        String id = fixture.awaitRequest("RETRY-503");

        fixture.awaitCompleted(id);
        TaskRow shop = task(id, "woocommerce");
        assertThat(shop.outcome()).isEqualTo(Outcome.EXPORTED);
        assertThat(shop.attempts()).isGreaterThanOrEqualTo(2);
        assertThat(fixture.hub().services().events.timeline(id)).anyMatch(e -> "retry-scheduled".equals(e.kind())
                && e.detail().contains("HTTP 503"));
    }

    @Test
    void badCredentialsNeedAttentionUntilTheOfficerRetries() {
        fixture.woo.setCredentials("ck_rotated", "cs_rotated");
        fixture.drop("locked.json", Requests.file("export", DemoPeople.KEES.email(), Requests.now(), "RETRY-401"));
        String id = fixture.awaitRequest("RETRY-401");
        // ignoreExceptions: the task row appears only once the request is planned
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> task(id, "woocommerce").outcome() == Outcome.NEEDS_ATTENTION);
        assertThat(task(id, "woocommerce").detail()).contains("HTTP 401");
        assertThat(fixture.requests().row(id).orElseThrow().status()).isNotEqualTo(RequestStore.COMPLETED);

        // the officer fixes the credentials at the processor's side and asks for a retry from the command line
        fixture.woo.setCredentials(DemoPeople.WOO_CONSUMER_KEY, DemoPeople.WOO_CONSUMER_SECRET);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new DsrHub(new PrintStream(out, true, StandardCharsets.UTF_8), System.err)
                .execute(new String[] {"retry", id, "--connector", "woocommerce", "--data", dataDir.toString()});

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 task(s)");
        fixture.awaitCompleted(id);
        assertThat(task(id, "woocommerce").outcome()).isEqualTo(Outcome.EXPORTED);
    }

    private TaskRow task(String requestId, String connector) {
        return fixture.hub().services().tasks.forRequest(requestId).stream()
                .filter(t -> t.connector().equals(connector)).findFirst().orElseThrow();
    }
}
