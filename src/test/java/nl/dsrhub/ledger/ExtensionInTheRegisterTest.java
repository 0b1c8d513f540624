package nl.dsrhub.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.dsrhub.cli.DsrHub;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An extension's reason is part of the register of handled requests (art. 12(3), accountability): {@code ledger export}
 * carries it after the person's data is purged. It is why the request needed more time, never who it is about.
 */
class ExtensionInTheRegisterTest {

    private static final String REASON = "the shop restores its order archive from a backup";

    @TempDir
    Path dataDir;

    HubFixture fixture;
    String id;

    @BeforeEach
    void aRequestWaitingForTheOfficer() {
        fixture = HubFixture.create(dataDir).set("dsr.purge.after-days", "0").set("dsr.purge.check-seconds", "1");
        // the shop refuses the hub's key: the request waits for the officer
        fixture.woo.setCredentials("ck_rotated", "cs_rotated");
        fixture.startHub();
        fixture.drop("erasure.json", Requests.file("erasure", DemoPeople.KEES.email(), Requests.now(), "EXTEND-1")
                .replace("\"processors\": \"all\"", "\"processors\": [\"woocommerce\"]").replace("Test Persoon", DemoPeople.KEES.name()));
        id = fixture.awaitRequest("EXTEND-1");
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.hub().services().tasks.forRequest(id).stream()
                .anyMatch(t -> t.outcome() == Outcome.NEEDS_ATTENTION));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void theRegisterKeepsTheExtensionsReasonAfterThePurge() throws Exception {
        assertThat(cli("extend", id, "--months", "1", "--reason", REASON).code()).isZero();
        assertThat(cli("settle", id, "--connector", "woocommerce", "--outcome", "NOT_FOUND", "--reason", "checked in the shop")
                .code()).isZero();
        fixture.awaitCompleted(id);
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.hub().services().jdbc.queryOne(
                "SELECT purged_at FROM dsr_request WHERE id = ?", rs -> rs.getObject(1) != null, id).orElse(false));

        Path csv = dataDir.resolve("register.csv");
        assertThat(cli("ledger", "export", csv.toString()).code()).isZero();
        String deadline = fixture.requests().row(id).orElseThrow().deadline().toLocalDate().toString();
        assertThat(csv).content().contains("," + id + ",erasure,").contains(",extended,\"until " + deadline
                + ", extended by 1 month(s); reason: " + REASON + "\",").contains(",purged,")
                .doesNotContain(DemoPeople.KEES.email()).doesNotContain(DemoPeople.KEES.lastName());
        assertThat(cli("ledger", "verify").code()).isZero();
    }

    @Test
    void aReasonNamingThePersonIsRefusedAndNothingIsExtended() {
        var before = fixture.requests().row(id).orElseThrow().deadline();

        Result refused = cli("extend", id, "--months", "1", "--reason", "Kees has orders in two shops");

        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("the reason holds the subject's name: it is kept in the register of handled requests")
                .doesNotContain("Kees");
        assertThat(fixture.requests().row(id).orElseThrow().deadline()).isEqualTo(before);
        assertThat(fixture.hub().services().ledger.entries(id)).noneMatch(e -> e.kind().equals("extended"));
    }

    record Result(int code, String out, String err) {
    }

    private Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--data";
        all[args.length + 1] = dataDir.toString();
        int code = new DsrHub(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(all);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
