package nl.dsrhub.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.TaskStore.TaskRow;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A processor that cannot be searched by e-mail waits for the shop to provide its id, runs when it
 * arrives, and ends NOT_FOUND with the reason when no one can provide it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityGraphTest {

    /** A stand-in processor that can only work from the shop's customer id (served by the shop simulator). */
    private static final String PAYMENTS = """
            name: payments
            title: Payments (test)
            channel: http
            facts:
              legalName: Payments Test B.V.
              automatedDecisions: { nl: "Nee.", en: "No." }
            settings:
              base-url: { default: "http://127.0.0.1:1" }
            http:
              auth: { type: basic, username: "%s", password: "%s" }
            needs:
              anyOf: [woocommerce.customerId]
            find:
              - id: account
                request:
                  method: GET
                  path: "/customers/${id.woocommerce.customerId}"
                absentOn: [404]
                keep: account
            """.formatted(DemoPeople.WOO_CONSUMER_KEY, DemoPeople.WOO_CONSUMER_SECRET);

    HubFixture fixture;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        Files.createDirectories(dataDir.resolve("connectors"));
        Files.writeString(dataDir.resolve("connectors/payments.yaml"), PAYMENTS);
        fixture = HubFixture.create(dataDir);
        fixture.set("dsr.connector.payments.base-url", fixture.woo.baseUrl()).startHub();
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    @Test
    void taskWaitsForTheIdentifierAndRunsWhenTheShopProvidesIt() {
        String id = submit(DemoPeople.JAN, "GRAPH-JAN");

        TaskRow payments = task(id, "payments");
        assertThat(payments.outcome()).isEqualTo(Outcome.EXPORTED);
        assertThat(fixture.woo.callsMatching("GET", ".*/customers/" + DemoPeople.JAN.wooCustomerId())).hasSize(1);
        List<String> order = fixture.hub().services().events.timeline(id).stream()
                .filter(e -> "outcome".equals(e.kind())).map(EventLog.Event::connector).toList();
        assertThat(order.indexOf("woocommerce")).isLessThan(order.indexOf("payments"));
    }

    @Test
    void taskWhoseIdentifierNobodyFoundIsNotFoundWithTheReason() {
        String id = submit(DemoPeople.SANNE, "GRAPH-SANNE");

        TaskRow payments = task(id, "payments");
        assertThat(payments.outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(payments.detail()).contains("woocommerce.customerId").contains("none of woocommerce found one");
        assertThat(payments.attempts()).isEqualTo(1);
    }

    private String submit(DemoPeople.Person person, String reference) {
        fixture.drop(reference + ".json", Requests.file("export", person.email(), Requests.now(), reference));
        String id = fixture.awaitRequest(reference);
        fixture.awaitCompleted(id);
        return id;
    }

    private TaskRow task(String requestId, String connector) {
        return fixture.hub().services().tasks.forRequest(requestId).stream()
                .filter(t -> t.connector().equals(connector)).findFirst().orElseThrow();
    }
}
