package nl.dsrhub.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import nl.dsrhub.cli.DsrHub;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.store.Jdbc;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The register's chain is keyed: someone who can write to the hub's database but lacks the ledger key cannot rewrite
 * it unseen. Each attack is made on a running hub's database after a real erasure, and {@code ledger verify} (through
 * the hub's API, as the officer runs it) names it.
 */
class LedgerKeyTest {

    private static final String KEY = "ledger-key-of-this-test-hub";

    @TempDir
    Path dataDir;

    HubFixture fixture;
    LedgerForger forger;
    String id;

    @BeforeEach
    void eraseOnePerson() {
        fixture = HubFixture.start(dataDir, Map.of("dsr.ledger.key", KEY));
        fixture.drop("erasure.json", Requests.file("erasure", DemoPeople.KEES.email(), Requests.now(), "KEYED-1")
                .replace("\"processors\": \"all\"", "\"processors\": [\"laposta\", \"mailchimp\"]"));
        id = fixture.awaitRequest("KEYED-1");
        fixture.awaitCompleted(id);
        Jdbc jdbc = fixture.hub().services().jdbc;
        forger = new LedgerForger(jdbc);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void ledgerVerifySaysEveryRowWasCheckedUnderTheKey() {
        Result verify = cli("ledger", "verify");

        assertThat(verify.code()).isZero();
        long rows = fixture.hub().services().ledger.entries().size();
        assertThat(verify.out()).contains("ledger intact: " + rows + " row(s)")
                .contains("rows 1-" + rows + " chained with HMAC-SHA256 under the ledger key")
                .contains("the head's seal checked under the ledger key");
    }

    @Test
    void aRowRewrittenAndTheChainRecomputedWithoutTheKeyIsNamed() {
        long outcome = forger.seqOf(id, "outcome", "laposta");

        // "the processor erased nothing": the row rewritten, every later row and the head re-hashed as the format says
        forger.rewrite(outcome, "NOT_FOUND", LedgerForger.withoutKey());

        Result verify = cli("ledger", "verify");
        assertThat(verify.code()).isEqualTo(1);
        assertThat(verify.out()).contains("ledger BROKEN at row " + outcome + ": row " + outcome
                + " was changed (hash mismatch under the ledger key)");
    }

    @Test
    void rowsRemovedAtTheEndWithTheHeadMovedBackAreCaughtByTheSeal() {
        long last = fixture.hub().services().ledger.entries().size();
        // the request's last rows (its outcome and completion) removed, and the head moved back to the row before them:
        // the rows left are untouched and still chain
        fixture.hub().services().jdbc.update("DELETE FROM dsr_ledger WHERE seq > ?", last - 2);
        fixture.hub().services().jdbc.update("UPDATE dsr_ledger_head SET seq = ?, hash = (SELECT hash FROM dsr_ledger WHERE seq = ?)"
                + " WHERE id = 1", last - 2, last - 2);

        Result verify = cli("ledger", "verify");
        assertThat(verify.code()).isEqualTo(1);
        assertThat(verify.out()).contains("the ledger head's seal does not hold under the ledger key");
    }

    @Test
    void keyedRowsPassedOffAsRowsFromBeforeTheKeyAreCaughtByTheSeal() {
        long last = fixture.hub().services().ledger.entries().size();
        // "these rows were written by an earlier version, chained with plain SHA-256"
        fixture.hub().services().jdbc.update("UPDATE dsr_ledger_head SET keyed_from = ? WHERE id = 1", last + 1);
        forger.rewrite(forger.seqOf(id, "outcome", "laposta"), "NOT_FOUND", LedgerForger.withoutKey());
        forger.rechainFrom(1, LedgerForger.withoutKey());

        Result verify = cli("ledger", "verify");
        assertThat(verify.code()).isEqualTo(1);
        assertThat(verify.out()).contains("the ledger head's seal does not hold under the ledger key")
                .contains("rows 1-" + last + " chained with SHA-256");
    }

    /**
     * The limit, shown: whoever holds the ledger key can rewrite the register and recompute chain and seal. The key is
     * what the register's integrity rests on, so it is kept apart from the database (dsr.ledger.key from the environment,
     * or ledger.key readable by the hub's user only), and a copy of the database alone cannot be rewritten unseen.
     */
    @Test
    void withTheKeyARewriteVerifiesSoTheKeyIsKeptApartFromTheDatabase() {
        forger.rewrite(forger.seqOf(id, "outcome", "laposta"), "NOT_FOUND", LedgerForger.withKey(KEY));
        forger.reseal(KEY);

        assertThat(cli("ledger", "verify").code()).isZero();
    }

    record Result(int code, String out) {
    }

    private Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--data";
        all[args.length + 1] = dataDir.toString();
        int code = new DsrHub(new PrintStream(out, true, StandardCharsets.UTF_8), System.err).execute(all);
        return new Result(code, out.toString(StandardCharsets.UTF_8));
    }
}
