package nl.dsrhub.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.demo.EBoekhoudenSimulator;
import nl.dsrhub.ledger.Ledger;
import nl.dsrhub.store.RetentionCalendar;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.MovableClock;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retention calendar on a real hub: what an erasure retains under the shop's statutory duty is scheduled with
 * a pointer only, and erased (by the processor's own call against its simulator, or by telling the officer) when
 * the hub's clock reaches the day after its end date, years later, long after the request was purged.
 */
class RetentionCalendarTest {

    private static final ZoneId SHOP_TIME = ZoneId.of("Europe/Amsterdam");
    private static final DemoPeople.Person JAN = DemoPeople.JAN;

    @TempDir
    Path dataDir;

    final MovableClock clock = new MovableClock();
    HubFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private void start() {
        fixture = HubFixture.create(dataDir).clock(clock)
                .set("dsr.retention.check-seconds", "1")
                .set("dsr.purge.check-seconds", "1");
        fixture.startHub();
    }

    @Test
    void aKeptOrderIsAnonymisedByTheShopsOwnCallWhenItsRetentionEndsAndTheLedgerSaysSo() throws Exception {
        start();
        String id = erase("RET-CAL-WOO", "woocommerce");
        // the orders of 2024 and of 2025: each due the day after the end of its own year plus 7
        assertThat(calendar()).extracting(e -> e.record() + " " + e.recordId() + " " + e.dueOn() + " " + e.state())
                .containsExactly("order 1001 2032-01-01 SCHEDULED", "order 1007 2033-01-01 SCHEDULED",
                        "order 1015 2033-01-01 SCHEDULED");

        moveTo(LocalDate.of(2032, 1, 1));

        await().atMost(Duration.ofSeconds(30)).until(() -> state("1001").equals(RetentionCalendar.ERASED));
        JsonNode order = fixture.woo.order(1001).orElseThrow();
        assertThat(order.at("/billing/last_name").asText()).isEqualTo("[deleted]");
        assertThat(order.at("/billing/email").asText()).isEqualTo("deleted@site.invalid");
        assertThat(order.toString()).doesNotContain(JAN.lastName(), JAN.email(), JAN.phone());
        assertThat(fixture.woo.callsMatching("PUT", ".*/orders/1001")).hasSize(1);
        // the orders of 2025 are kept another year: untouched, still scheduled
        assertThat(fixture.woo.order(1007).orElseThrow().at("/billing/email").asText()).isEqualTo(JAN.email());
        assertThat(state("1007")).isEqualTo(RetentionCalendar.SCHEDULED);
        List<Ledger.Entry> ledger = fixture.hub().services().ledger.entries(id);
        assertThat(ledger).filteredOn(e -> e.kind().equals("retention-erased"))
                .singleElement().satisfies(e -> {
                    assertThat(e.connector()).isEqualTo("woocommerce");
                    assertThat(e.detail()).isEqualTo("order");
                });
        assertThat(fixture.hub().services().ledger.verify().ok()).isTrue();
    }

    @Test
    void theCalendarKeepsAPointerOnlyAndRunsLongAfterThePurge() throws Exception {
        start();
        String id = erase("RET-CAL-PURGE", "woocommerce");

        // the request's personal data are purged 30 days after completion, years before the order's end
        clock.advance(Duration.ofDays(40));
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.hub().services().jdbc.queryOne(
                "SELECT document, purged_at FROM dsr_request WHERE id = ?",
                rs -> rs.getString(1) == null && rs.getObject(2) != null, id).orElse(false));

        moveTo(LocalDate.of(2032, 1, 1));

        await().atMost(Duration.ofSeconds(30)).until(() -> state("1001").equals(RetentionCalendar.ERASED));
        assertThat(fixture.woo.order(1001).orElseThrow().at("/billing/email").asText()).isEqualTo("deleted@site.invalid");
        List<String> columns = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        fixture.hub().services().jdbc.query("SELECT * FROM dsr_retention_calendar", rs -> {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i).toLowerCase());
                cells.add(String.valueOf(rs.getObject(i)));
            }
            return null;
        });
        assertThat(columns).containsOnly("id", "connector", "record", "record_id", "due_on", "request_id", "state",
                "attempts", "next_attempt_at", "last_error", "done_at");
        assertThat(String.join("|", cells)).doesNotContain(JAN.email(), JAN.firstName(), JAN.lastName(), JAN.phone(),
                JAN.address().street(), JAN.address().postcode(), JAN.mollieCustomerId(), "192.0.2.");
    }

    @Test
    void aRecordTheHubHasNoCallForIsPutToTheOfficerAndRecordedInTheLedger() throws Exception {
        start();
        String id = erase("RET-CAL-EB", "eboekhouden");
        // Jan's invoices of 2024 and 2025 at e-Boekhouden, and his relation as long as the later one
        assertThat(calendar()).extracting(e -> e.record() + " " + e.dueOn())
                .containsExactlyInAnyOrder("invoice 2032-01-01", "invoice 2033-01-01", "relation 2033-01-01");

        moveTo(LocalDate.of(2032, 1, 1));

        await().atMost(Duration.ofSeconds(30)).until(() -> calendar().stream()
                .anyMatch(e -> e.state().equals(RetentionCalendar.OFFICER)));
        RetentionCalendar.Entry told = calendar().stream().filter(e -> e.state().equals(RetentionCalendar.OFFICER))
                .findFirst().orElseThrow();
        assertThat(told.record()).isEqualTo("invoice");
        List<String> notices = fixture.hub().services().jdbc.query(
                "SELECT message FROM dsr_officer_notice WHERE request_id = ?", rs -> rs.getString(1), id);
        assertThat(notices).singleElement().asString()
                .contains("eboekhouden invoice " + told.recordId(), "ended on 2031-12-31",
                        "e-Boekhouden's API cannot delete it; delete it in e-Boekhouden")
                .doesNotContain(JAN.email(), JAN.lastName());
        // nothing was asked of e-Boekhouden that it cannot do, and its books still hold the invoice
        assertThat(fixture.simulators.eboekhouden.callsMatching("DELETE", ".*")).isEmpty();
        assertThat(fixture.simulators.eboekhouden.invoiceIds(EBoekhoudenSimulator.JAN_RELATION_ID)).hasSize(2);
        assertThat(fixture.hub().services().ledger.entries(id)).filteredOn(e -> e.kind().equals("retention-officer"))
                .singleElement().satisfies(e -> assertThat(e.detail()).isEqualTo("invoice"));
    }

    private String erase(String reference, String processor) {
        fixture.drop(reference.toLowerCase() + ".json",
                Requests.file("erasure", JAN.email(), reference, List.of(processor), Map.of()));
        String id = fixture.awaitRequest(reference);
        fixture.awaitCompleted(id);
        return id;
    }

    private List<RetentionCalendar.Entry> calendar() {
        return new RetentionCalendar(fixture.hub().services().jdbc, clock).all();
    }

    private String state(String recordId) {
        return calendar().stream().filter(e -> e.recordId().equals(recordId)).findFirst().orElseThrow().state();
    }

    /** Moves the hub's clock to noon, Dutch time, of that day. */
    private void moveTo(LocalDate day) {
        Instant target = day.atTime(12, 0).atZone(SHOP_TIME).toInstant();
        clock.advance(Duration.between(clock.instant(), target));
    }
}
