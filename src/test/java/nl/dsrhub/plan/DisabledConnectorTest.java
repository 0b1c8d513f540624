package nl.dsrhub.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.TaskStatus;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.store.TaskStore.TaskRow;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A connector switched off in this installation (Mailchimp here). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisabledConnectorTest {

    HubFixture fixture;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        fixture = HubFixture.start(dataDir, Map.of("dsr.connector.mailchimp.enabled", "false"));
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    @Test
    void requestForAllProcessorsLeavesTheDisabledOneOut() {
        fixture.drop("all.json", Requests.file("erasure", DemoPeople.KEES.email(), Requests.now(), "OFF-ALL"));
        String id = fixture.awaitRequest("OFF-ALL");
        fixture.awaitCompleted(id);

        assertThat(fixture.hub().services().tasks.forRequest(id)).extracting(TaskRow::connector)
                .contains("woocommerce").doesNotContain("mailchimp");
        assertThat(fixture.mailchimp.calls()).isEmpty();
    }

    @Test
    void requestNamingTheDisabledOneStaysOpenNeedingAttention() {
        fixture.drop("named.json", Requests.file("erasure", DemoPeople.LOTTE.email(), Requests.now(), "OFF-NAMED")
                .replace("\"processors\": \"all\"", "\"processors\": [\"woocommerce\", \"mailchimp\"]"));
        String id = fixture.awaitRequest("OFF-NAMED");

        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.hub().services().tasks.forRequest(id).stream()
                .allMatch(t -> t.status() == TaskStatus.DONE));
        TaskRow mailchimp = fixture.hub().services().tasks.forRequest(id).stream()
                .filter(t -> t.connector().equals("mailchimp")).findFirst().orElseThrow();
        assertThat(mailchimp.outcome()).isEqualTo(Outcome.NEEDS_ATTENTION);
        assertThat(mailchimp.detail()).contains("disabled");
        assertThat(fixture.requests().row(id).orElseThrow().status()).isNotEqualTo(RequestStore.COMPLETED);
        assertThat(fixture.outbox(id).resolve("confirmation.json")).doesNotExist();
    }
}
