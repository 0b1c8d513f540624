package nl.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.demo.MollieSimulator;
import nl.dsrhub.demo.RecordedCall;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mollie's Idempotency-Key across the crash window: a call journaled as sent but not answered (the hub died in
 * between) is, if Mollie shows it did not take effect, sent once more under the same key, so Mollie treats it as the
 * same request; if it did take effect, it is not sent again at all.
 */
class IdempotencyTest {

    @TempDir
    Path dir;

    EngineHarness h;

    @BeforeEach
    void start() {
        h = new EngineHarness(dir);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private long janAtMollie() {
        return h.newTask(Requests.of(RequestType.ERASURE, DemoPeople.JAN.email(),
                Map.of("mollie.customerId", DemoPeople.JAN.mollieCustomerId())), "mollie");
    }

    private String key() {
        return "delete-customer DELETE " + MollieSimulator.BASE_PATH + "/customers/" + DemoPeople.JAN.mollieCustomerId();
    }

    @Test
    void everyDeletionCarriesTheJournalsIdempotencyKey() {
        long task = janAtMollie();

        h.engine.run(h.catalog.get("mollie"), h.context(task));

        List<RecordedCall> deletes = h.simulators.mollie.callsMatching("DELETE", ".*/customers/.*");
        assertThat(deletes).singleElement().satisfies(c -> assertThat(c.requestHeaders().get("idempotency-key"))
                .isNotBlank().isEqualTo(h.journal.find(task, key()).orElseThrow().idempotencyKey()));
    }

    @Test
    void deletionSentBeforeACrashWithoutEffectIsResentUnderTheSameKey() {
        long task = janAtMollie();
        String keyBeforeCrash = h.journal.sending(task, key());

        h.engine.run(h.catalog.get("mollie"), h.context(task));

        // asked first, then sent once, under the key journaled before the crash
        assertThat(h.simulators.mollie.callsMatching("GET", ".*/customers/" + DemoPeople.JAN.mollieCustomerId())).isNotEmpty();
        assertThat(h.simulators.mollie.callsMatching("DELETE", ".*/customers/.*")).singleElement()
                .satisfies(c -> assertThat(c.requestHeaders().get("idempotency-key")).isEqualTo(keyBeforeCrash));
        assertThat(h.simulators.mollie.customerExists(DemoPeople.JAN.mollieCustomerId())).isFalse();
    }

    @Test
    void deletionThatTookEffectBeforeTheCrashIsNotSentAgain() {
        long task = janAtMollie();
        h.engine.run(h.catalog.get("mollie"), h.context(task));
        // as if the answer had been lost: the journal says sent, Mollie says gone
        h.db.jdbc().update("UPDATE dsr_call SET state = 'SENT', http_status = NULL, took_effect = NULL, done_at = NULL "
                + "WHERE task_id = ?", task);
        h.simulators.mollie.clearCalls();

        var finish = h.engine.run(h.catalog.get("mollie"), h.context(task));

        assertThat(h.simulators.mollie.callsMatching("DELETE", ".*")).isEmpty();
        assertThat(finish.outcome()).isIn(Outcome.ERASED, Outcome.PARTIAL);
    }
}
