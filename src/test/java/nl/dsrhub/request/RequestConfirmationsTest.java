package nl.dsrhub.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.dsrhub.config.HubConfig;
import nl.dsrhub.hub.Services;
import nl.dsrhub.request.RequestConfirmations.Kind;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.testing.MovableClock;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Confirming and discarding held requests, and their one-time codes, on the store (a real H2 file database). */
class RequestConfirmationsTest {

    @TempDir
    Path dir;

    final MovableClock clock = new MovableClock();
    Services services;
    RequestConfirmations confirmations;

    @BeforeEach
    void open() {
        services = Services.open(HubConfig.load(null, Map.of("dsr.data-dir", dir.toString(),
                "dsr.connectors.dir", dir.resolve("none").toString(), "dsr.mail.confirmation-hours", "72"), Map.of()), clock, false);
        confirmations = services.confirmations;
    }

    @AfterEach
    void close() {
        services.close();
    }

    private String held(String email) {
        return services.requests.store(Requests.erasure(email), RequestStore.Admission.held("not authenticated")).requestId();
    }

    private String status(String id) {
        return services.requests.row(id).orElseThrow().status();
    }

    @Test
    void aCodeIsRandomLongAndStoredOnlyAsItsHash() {
        String id = held("code.hash@example.nl");

        String a = confirmations.issueCode(id).code();
        String b = confirmations.issueCode(held("other.code@example.nl")).code();

        assertThat(a).matches("CONFIRM-[2-9A-HJ-NP-Z]{26}").isNotEqualTo(b);
        assertThat(services.jdbc.query("SELECT code_hash FROM dsr_confirmation_code", rs -> rs.getString(1)))
                .hasSize(2).noneMatch(h -> h.contains(a.substring(8)) || h.contains(b.substring(8)));
        assertThat(confirmations.issueCode(id).toString()).doesNotContain("CONFIRM-");
    }

    @Test
    void theCodeConfirmsItsRequestOnceAndMovesItToReceived() {
        String id = held("code.once@example.nl");
        String code = confirmations.issueCode(id).code();

        assertThat(confirmations.confirmByCode(code.toLowerCase(java.util.Locale.ROOT), "by reply").kind()).isEqualTo(Kind.CONFIRMED);
        assertThat(status(id)).isEqualTo(RequestStore.RECEIVED);
        assertThat(confirmations.confirmByCode(code, "by reply").kind()).isEqualTo(Kind.USED_CODE);
        assertThat(services.events.timeline(id)).filteredOn(e -> e.kind().equals("confirmed")).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("confirmed by reply"));
    }

    @Test
    void anExpiredReplacedOrUnknownCodeConfirmsNothing() {
        String id = held("code.expired@example.nl");
        String first = confirmations.issueCode(id).code();
        String second = confirmations.issueCode(id).code();

        assertThat(confirmations.confirmByCode(first, "by reply").kind()).isEqualTo(Kind.UNKNOWN_CODE);
        assertThat(confirmations.confirmByCode("CONFIRM-" + "2".repeat(26), "by reply").kind()).isEqualTo(Kind.UNKNOWN_CODE);
        clock.advance(Duration.ofHours(72).plusMinutes(1));
        RequestConfirmations.Result expired = confirmations.confirmByCode(second, "by reply");

        assertThat(expired.kind()).isEqualTo(Kind.EXPIRED_CODE);
        assertThat(expired.requestId()).isNull();
        assertThat(status(id)).isEqualTo(RequestStore.AWAITING_CONFIRMATION);
    }

    @Test
    void aRequestConfirmedOnTheDashboardNoLongerTakesItsCode() {
        String id = held("dashboard.first@example.nl");
        String code = confirmations.issueCode(id).code();

        assertThat(confirmations.confirm(id, "on the dashboard").done()).isTrue();

        assertThat(confirmations.confirmByCode(code, "by reply").kind()).isEqualTo(Kind.NOT_HELD);
        assertThat(confirmations.confirm(id, "on the dashboard").kind()).isEqualTo(Kind.NOT_HELD);
        assertThat(confirmations.confirm("R20261120-NOSUCH", "on the dashboard").kind()).isEqualTo(Kind.NO_REQUEST);
    }

    @Test
    void onlyAHeldRequestCanBeDiscardedAndThatDeletesItsPersonalDataAndReceipt() throws Exception {
        String id = held("discard.me@example.nl");
        Path receipt = Files.createDirectories(services.outbox().resolve(id)).resolve("receipt.json");
        Files.writeString(receipt, "{}");
        String running = services.requests.store(Requests.erasure("running.one@example.nl")).requestId();

        assertThat(confirmations.discard(running, "mistake").kind()).isEqualTo(Kind.NOT_HELD);
        assertThat(confirmations.discard(id, "not sent by the officer").kind()).isEqualTo(Kind.DISCARDED);

        assertThat(status(id)).isEqualTo(RequestStore.DISCARDED);
        assertThat(status(running)).isEqualTo(RequestStore.RECEIVED);
        assertThat(receipt.getParent()).doesNotExist();
        assertThat(services.requests.identifiers(id)).isEmpty();
        assertThat(services.jdbc.query("SELECT 1 FROM dsr_request WHERE id = ? AND document IS NULL AND reference IS NULL",
                rs -> 1, id)).hasSize(1);
        assertThat(services.events.timeline(id)).extracting(e -> e.kind()).contains("received", "held", "discarded", "purged");
        assertThat(services.ledger.verify().ok()).isTrue();
        assertThat(confirmations.held()).isEmpty();
    }
}
