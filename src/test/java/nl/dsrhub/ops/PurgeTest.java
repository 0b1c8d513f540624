package nl.dsrhub.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.dsrhub.cli.DsrHub;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.ledger.Ledger;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After the delivery window nothing of the person is left: not in the database, not in the data
 * dir. The ledger keeps the pseudonym and the outcomes, and its chain still verifies.
 */
class PurgeTest {

    @TempDir
    Path dataDir;

    HubFixture fixture;

    @BeforeEach
    void start() {
        // a delivery window of zero days, checked every second
        fixture = HubFixture.start(dataDir, Map.of("dsr.purge.after-days", "0", "dsr.purge.check-seconds", "1"));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void purgeLeavesNoSubjectEmailOrNameInTheDatabaseOrDataDirOnlyTheLedger() throws Exception {
        DemoPeople.Person jan = DemoPeople.JAN;
        fixture.drop("export-jan.json", Requests.file("export", jan.email(), Requests.now(), "PURGE-1"));
        String id = fixture.awaitRequest("PURGE-1");
        fixture.awaitCompleted(id);
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.hub().services().jdbc.queryOne(
                "SELECT purged_at FROM dsr_request WHERE id = ?", rs -> rs.getObject(1) != null, id).orElse(false)
                && !java.nio.file.Files.exists(fixture.outbox(id)) && !java.nio.file.Files.exists(dataDir.resolve("work").resolve(id)));

        List<String> personal = List.of(jan.email(), jan.lastName(), "Test Persoon", jan.phone());
        assertThat(databaseText()).doesNotContain(personal);
        assertThat(fixture.outbox(id)).doesNotExist();
        assertThat(dataDir.resolve("work").resolve(id)).doesNotExist();

        Ledger ledger = fixture.hub().services().ledger;
        assertThat(ledger.entries(id)).extracting(Ledger.Entry::kind)
                .contains("received", "verified", "sent", "outcome", "completed", "purged");
        assertThat(ledger.entries(id)).extracting(Ledger.Entry::subject).containsOnly(ledger.pseudonym(jan.email()));
        assertThat(fixture.requests().row(id).orElseThrow().status()).isEqualTo("COMPLETED");

        // the officer's commands: the chain verifies, the register exports without personal data
        Path csv = dataDir.resolve("register.csv");
        assertThat(cli("ledger", "verify")).contains("ledger intact");
        cli("ledger", "export", csv.toString());
        assertThat(csv).content().contains(id).contains("purged").contains(ledger.pseudonym(jan.email()))
                .doesNotContain(jan.email());

        // and after the hub stopped, not one byte of it in any file under the data dir, database included
        fixture.stopHub();
        for (Path f : files()) {
            String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            for (String p : personal) {
                assertThat(bytes).as(f + " holds " + p).doesNotContain(p);
            }
        }
        fixture.startHub();
    }

    @Test
    void purgeLeavesNothingOfARepresentativeAndTheLedgerNeverHeldThem() throws Exception {
        DemoPeople.Person jan = DemoPeople.JAN;
        fixture.drop("export-for-jan.json", """
                { "type": "export", "receivedAt": "%s", "subject": { "email": "%s" },
                  "verification": { "method": "id-document", "verifiedBy": "officer@shop.example.nl", "verifiedAt": "%s" },
                  "representative": { "name": "Rita Vertegenwoordiger", "email": "rita.vertegenwoordiger@example.com",
                    "capacity": "authorised", "authorityCheckedBy": "officer@shop.example.nl", "authorityCheckedAt": "%s",
                    "authorityEvidence": "written authorisation dated 2026-11-01" },
                  "reference": "PURGE-REP" }
                """.formatted(Requests.now(), jan.email(), Requests.now(), Requests.now()));
        String id = fixture.awaitRequest("PURGE-REP");
        fixture.awaitCompleted(id);
        List<String> representative = List.of("Vertegenwoordiger", "rita.vertegenwoordiger", "written authorisation");
        Ledger ledger = fixture.hub().services().ledger;
        assertThat(ledger.entries(id)).extracting(Ledger.Entry::subject).containsOnly(ledger.pseudonym(jan.email()));
        assertThat(ledger.entries(id).toString()).doesNotContain(representative);

        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.hub().services().jdbc.queryOne(
                "SELECT purged_at FROM dsr_request WHERE id = ?", rs -> rs.getObject(1) != null, id).orElse(false)
                && !java.nio.file.Files.exists(fixture.outbox(id)));

        assertThat(databaseText()).doesNotContain(representative);
        fixture.stopHub();
        for (Path f : files()) {
            String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            for (String p : representative) {
                assertThat(bytes).as(f + " holds " + p).doesNotContain(p);
            }
        }
        fixture.startHub();
    }

    @Test
    void theFoldersOfARequestPurgedJustBeforeAStopAreDeletedAfterwards() throws Exception {
        var s = fixture.hub().services();
        String id = s.requests.store(nl.dsrhub.testing.Requests.erasure(DemoPeople.EVA.email()),
                nl.dsrhub.store.RequestStore.Admission.held("plain SMTP")).requestId();
        // as a discard (or a closing for inactivity) leaves it when the hub stops between its transaction and deleting
        // the folders: the rows purged, the receipt still in the outbox
        java.nio.file.Path receipt = fixture.outbox(id).resolve("receipt.json");
        nl.dsrhub.files.PrivateFiles.folder(fixture.outbox(id));
        nl.dsrhub.files.PrivateFiles.writeString(receipt, "{\"email\": \"" + DemoPeople.EVA.email() + "\"}");
        s.jdbc.inTransaction(tx -> nl.dsrhub.store.RequestStore.erasePersonalData(tx, id, java.time.OffsetDateTime.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(fixture.outbox(id)));
    }

    /** Every value of every row of every table, as text. */
    private String databaseText() throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Connection c = fixture.hub().services().database.dataSource().getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).isNotEmpty();
            for (String t : tables) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + t + "\"")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            sb.append(rs.getString(i)).append('|');
                        }
                    }
                }
            }
        }
        return sb.toString();
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(dataDir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--data";
        all[args.length + 1] = dataDir.toString();
        int code = new DsrHub(new PrintStream(out, true, StandardCharsets.UTF_8), System.err).execute(all);
        assertThat(code).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
