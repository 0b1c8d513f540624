package nl.dsrhub.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;
import nl.dsrhub.cli.DsrHub;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.files.SecretFile;
import nl.dsrhub.store.Database;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ledger written by an earlier version, whose rows were chained with plain SHA-256, still verifies after the
 * upgrade: those rows are checked as they were written, the rows after them under the key, and the keyed rows hold
 * the earlier ones in place.
 */
class EarlierLedgerTest {

    private static final String KEY = "ledger-key-of-the-upgraded-hub";
    private static final String OLD_REQUEST = "R20261101-OLD001";
    private static final int EARLIER_ROWS = 4;

    @TempDir
    Path dataDir;

    @BeforeEach
    void aDatabaseAsTheEarlierVersionLeftIt() throws Exception {
        String url = Database.defaultUrl(dataDir);
        String password = SecretFile.readOrCreate(Database.passwordFile(dataDir));
        // the schema as it was before the chain was keyed: every migration before V9
        var config = Flyway.configure().dataSource(url, Database.DEFAULT_USER, password).locations("classpath:db/migration");
        MigrationVersion before = java.util.Arrays.stream(config.load().info().all()).map(MigrationInfo::getVersion)
                .filter(v -> !v.isAtLeast("9"))
                .max(MigrationVersion::compareTo).orElseThrow();
        config.target(before).load().migrate();
        try (Connection c = DriverManager.getConnection(url, Database.DEFAULT_USER, password)) {
            String prev = Ledger.GENESIS;
            String[][] rows = {{"received", null, null}, {"verified", null, "known-email"}, {"outcome", "laposta", "ERASED"},
                    {"completed", null, null}};
            OffsetDateTime at = OffsetDateTime.parse("2026-11-01T10:00:00Z");
            for (int i = 0; i < rows.length; i++) {
                long seq = i + 1;
                OffsetDateTime when = at.plusMinutes(i);
                String hash = earlierHash(prev, seq, when, rows[i][1], rows[i][0], rows[i][2]);
                try (PreparedStatement st = c.prepareStatement("INSERT INTO dsr_ledger (seq, at, request_id, request_type, subject, "
                        + "connector, kind, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                    st.setLong(1, seq);
                    st.setObject(2, when);
                    st.setString(3, OLD_REQUEST);
                    st.setString(4, "erasure");
                    st.setString(5, "a".repeat(64));
                    st.setString(6, rows[i][1]);
                    st.setString(7, rows[i][0]);
                    st.setString(8, rows[i][2]);
                    st.setString(9, prev);
                    st.setString(10, hash);
                    st.executeUpdate();
                }
                prev = hash;
            }
            try (PreparedStatement st = c.prepareStatement("UPDATE dsr_ledger_head SET seq = ?, hash = ? WHERE id = 1")) {
                st.setLong(1, EARLIER_ROWS);
                st.setString(2, prev);
                st.executeUpdate();
            }
        }
    }

    /** The earlier version's row hash: SHA-256 over the row before it and every field, '|'-separated, NUL for none. */
    private static String earlierHash(String prev, long seq, OffsetDateTime at, String connector, String kind, String detail)
            throws Exception {
        String text = String.join("|", prev, Long.toString(seq), at.toInstant().toString(), OLD_REQUEST, "erasure", "a".repeat(64),
                connector == null ? "\u0000" : connector, kind, detail == null ? "\u0000" : detail);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theEarlierRowsStillVerifyAndTheNewOnesAreKeyed() {
        try (HubFixture fixture = hub()) {
            String id = eraseOnePerson(fixture);
            long rows = fixture.hub().services().ledger.entries().size();
            assertThat(fixture.hub().services().ledger.entries(id)).isNotEmpty();

            Result verify = cli("ledger", "verify");
            assertThat(verify.code()).as(verify.out()).isZero();
            assertThat(verify.out()).contains("ledger intact: " + rows + " row(s)")
                    .contains("rows 1-" + EARLIER_ROWS + " chained with SHA-256 (written before the chain was keyed")
                    .contains("rows " + (EARLIER_ROWS + 1) + "-" + rows + " chained with HMAC-SHA256 under the ledger key");
        }
    }

    @Test
    void anEarlierRowRewrittenAfterTheUpgradeIsCaughtByTheKeyedRowsAfterIt() {
        try (HubFixture fixture = hub()) {
            eraseOnePerson(fixture);
            LedgerForger forger = new LedgerForger(fixture.hub().services().jdbc);

            // the earlier rows need no key to re-hash; the keyed ones after them do
            forger.rewrite(3, "NOT_FOUND", LedgerForger.withoutKey());

            Result verify = cli("ledger", "verify");
            assertThat(verify.code()).isEqualTo(1);
            assertThat(verify.out()).contains("ledger BROKEN at row " + (EARLIER_ROWS + 1) + ": row " + (EARLIER_ROWS + 1)
                    + " was changed (hash mismatch under the ledger key)");
        }
    }

    @Test
    void theChainIsKeyedOnlyWithTheKeyThatSealsTheEarlierRows() {
        // a tool opening the database without the ledger key cannot key the chain: it would leave the earlier rows unsealed
        assertThatThrownBy(() -> Database.openDefault(dataDir, 2)).hasMessageContaining("the ledger holds " + EARLIER_ROWS
                + " row(s) chained before its chain was keyed: open the database with the ledger key");

        try (HubFixture fixture = hub()) {
            assertThat(cli("ledger", "verify").out()).contains("ledger intact: " + EARLIER_ROWS + " row(s)");
        }
    }

    private HubFixture hub() {
        return HubFixture.start(dataDir, Map.of("dsr.ledger.key", KEY));
    }

    private static String eraseOnePerson(HubFixture fixture) {
        fixture.drop("erasure.json", Requests.file("erasure", DemoPeople.LOTTE.email(), Requests.now(), "UPGRADED-1")
                .replace("\"processors\": \"all\"", "\"processors\": [\"laposta\"]"));
        String id = fixture.awaitRequest("UPGRADED-1");
        fixture.awaitCompleted(id);
        return id;
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
