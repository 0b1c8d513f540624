package nl.dsrhub.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.dsrhub.cli.DsrHub;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.model.TaskStatus;
import nl.dsrhub.store.BreakerStates;
import nl.dsrhub.store.TaskStore.TaskRow;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A processor that keeps failing is spared while the others go on, and operators see it. */
class CircuitBreakerTest {

    private static final List<DemoPeople.Person> PEOPLE = List.of(DemoPeople.JAN, DemoPeople.EVA, DemoPeople.KEES);

    @TempDir
    Path dataDir;

    @Test
    void failingShopIsSparedWhileOtherProcessorsGoOnAndItsTasksRunOnceItIsBack() throws Exception {
        try (HubFixture fixture = HubFixture.create(dataDir)) {
            fixture.set("dsr.breaker.window", "3").set("dsr.breaker.minimum-calls", "3")
                    .set("dsr.breaker.open-seconds", "4").startHub();
            fixture.woo.failNext(100_000, 503);
            List<String> ids = new ArrayList<>();
            for (DemoPeople.Person p : PEOPLE) {
                fixture.drop("cb-" + p.firstName() + ".json", Requests.file("export", p.email(), Requests.now(), "CB-" + p.firstName()));
            }
            for (DemoPeople.Person p : PEOPLE) {
                ids.add(fixture.awaitRequest("CB-" + p.firstName()));
            }
            BreakerStates states = new BreakerStates(fixture.hub().services().jdbc);
            await().atMost(Duration.ofSeconds(30)).until(() -> states.notClosed().stream()
                    .anyMatch(s -> s.connector().equals("woocommerce") && s.state().equals("OPEN")));
            int callsAtOpen = fixture.woo.calls().size();
            long openedAt = System.nanoTime();

            // the other processors are not held up by the shop's trouble
            await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id -> task(fixture, id, "mailchimp")
                    .status() == TaskStatus.DONE && task(fixture, id, "laposta").status() == TaskStatus.DONE));
            // while open the shop is not called: only calls already under way when it opened, and one trial call
            // each time the 4 s wait is over (the trial fails, the breaker opens again)
            long trials = (System.nanoTime() - openedAt) / 4_000_000_000L + 1;
            assertThat(fixture.woo.calls().size() - callsAtOpen).isLessThanOrEqualTo(PEOPLE.size() + (int) trials);
            assertThat(ids).allSatisfy(id -> assertThat(task(fixture, id, "woocommerce").status()).isIn(
                    TaskStatus.RETRY, TaskStatus.RUNNING, TaskStatus.PENDING));

            // operators see it, in status and connectors
            assertThat(cli("status")).containsPattern("woocommerce: circuit (OPEN|HALF_OPEN)").contains("HTTP 503");
            assertThat(cli("connectors")).containsPattern("woocommerce: circuit (OPEN|HALF_OPEN)");
            // and scripts too: the waiting shop task of each request carries its circuit in status --json
            com.fasterxml.jackson.databind.JsonNode open = new com.fasterxml.jackson.databind.ObjectMapper().readTree(cli("status", "--json"));
            assertThat(open.findValues("circuit")).isNotEmpty().allSatisfy(c -> {
                assertThat(c.path("state").asText()).isIn("OPEN", "HALF_OPEN");
                assertThat(c.path("lastError").asText()).contains("HTTP 503");
            });
            assertThat(open.findParents("circuit")).allSatisfy(t -> assertThat(t.path("connector").asText()).isEqualTo("woocommerce"));
            // health checks find the breaker under the agreed name
            CircuitBreakerRegistry registry = fixture.hub().camelContext().getRegistry()
                    .lookupByNameAndType("circuitBreakers", CircuitBreakerRegistry.class);
            assertThat(registry.find("woocommerce")).get().extracting(CircuitBreaker::getState)
                    .isIn(CircuitBreaker.State.OPEN, CircuitBreaker.State.HALF_OPEN);
            assertThat(registry.find("mailchimp")).get().extracting(CircuitBreaker::getState).isEqualTo(CircuitBreaker.State.CLOSED);

            // the shop is back: a trial run closes the breaker and every request completes
            fixture.woo.resetBehaviour();
            ids.forEach(fixture::awaitCompleted);
            assertThat(registry.find("woocommerce")).get().extracting(CircuitBreaker::getState).isEqualTo(CircuitBreaker.State.CLOSED);
            assertThat(states.notClosed()).isEmpty();
            assertThat(cli("status")).doesNotContain("circuit");
            assertThat(fixture.hub().services().events.timeline(ids.get(0)))
                    .anyMatch(e -> e.detail() != null && e.detail().contains("circuit breaker of woocommerce is open"));
        }
    }

    private String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--data", dataDir.toString(), "--set",
                        "dsr.connectors.dir=" + dataDir.resolve("connectors"))).toArray(String[]::new);
        int code = new DsrHub(new PrintStream(out, true, StandardCharsets.UTF_8), System.err).execute(all);
        assertThat(code).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static TaskRow task(HubFixture fixture, String requestId, String connector) {
        return fixture.hub().services().tasks.forRequest(requestId).stream()
                .filter(t -> t.connector().equals(connector)).findFirst().orElseThrow();
    }
}
