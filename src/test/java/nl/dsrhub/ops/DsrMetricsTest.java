package nl.dsrhub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.model.TaskResult;
import nl.dsrhub.model.TaskStatus;
import nl.dsrhub.store.Database;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.store.RestrictionRegister;
import nl.dsrhub.store.SuppressionRegister;
import nl.dsrhub.store.TaskStore;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub's own series name every request type: requests by type and status, tasks by connector, type and outcome. */
class DsrMetricsTest {

    @TempDir
    Path dataDir;

    private Database db;
    private RequestStore requests;
    private TaskStore tasks;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @BeforeEach
    void hub() {
        db = Database.openDefault(dataDir, 4);
        EventLog events = new EventLog(db.jdbc(), Clock.systemUTC());
        requests = new RequestStore(db.jdbc(), Clock.systemUTC(), events);
        tasks = new TaskStore(db.jdbc(), Clock.systemUTC(), events);
        nl.dsrhub.ledger.Ledger ledger = new nl.dsrhub.ledger.Ledger(db.jdbc(), Clock.systemUTC(), "test-key");
        new DsrMetrics(db.jdbc(), new SuppressionRegister(db.jdbc(), ledger), new RestrictionRegister(db.jdbc(), ledger),
                Clock.systemUTC()).bindTo(registry, List.of("mailchimp"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aFinishedTaskIsCountedUnderItsRequestsType() {
        String id = requests.store(Requests.of(RequestType.RECTIFICATION, DemoPeople.JAN.email(), Map.of())).requestId();
        db.jdbc().inTransaction(tx -> {
            tasks.create(tx, id, "mailchimp", TaskStatus.PENDING);
            return null;
        });
        tasks.finish(tasks.forRequest(id).get(0), new TaskResult(Outcome.RECTIFIED, "done: update-member 1x", List.of(), Map.of()));

        assertThat(registry.scrape()).contains("dsr_tasks{connector=\"mailchimp\",outcome=\"RECTIFIED\",type=\"rectification\"} 1.0")
                .contains("dsr_requests{status=\"RECEIVED\",type=\"rectification\"} 1.0");
    }

    @Test
    void everyTypeHasItsSeriesEvenBeforeItsFirstRequest() {
        String scrape = registry.scrape();

        for (RequestType type : RequestType.values()) {
            assertThat(scrape).contains("dsr_requests{status=\"COMPLETED\",type=\"" + type.wire() + "\"} 0.0")
                    .contains("dsr_tasks{connector=\"mailchimp\",outcome=\"" + type.done() + "\",type=\"" + type.wire() + "\"} 0.0")
                    .contains("dsr_tasks{connector=\"mailchimp\",outcome=\"NONE\",type=\"" + type.wire() + "\"} 0.0");
        }
    }

    @Test
    void aTypeHasNoSeriesForTheOutcomeOfAnotherType() {
        String scrape = registry.scrape();

        assertThat(scrape).doesNotContain("outcome=\"ERASED\",type=\"rectification\"")
                .doesNotContain("outcome=\"EXPORTED\",type=\"objection\"")
                .contains("dsr_tasks{connector=\"mailchimp\",outcome=\"RETAINED\",type=\"restriction\"} 0.0");
    }
}
