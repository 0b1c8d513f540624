package nl.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.demo.EBoekhoudenSimulator;
import nl.dsrhub.demo.LapostaSimulator;
import nl.dsrhub.demo.MoneybirdSimulator;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.TaskResult;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Laposta, Moneybird and e-Boekhouden through their shipped connector files: found, not found, retained, errors. */
class ProcessorConnectorsTest {

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

    // ---- Laposta

    @Test
    void lapostaExportsTheMemberOfEveryList() throws Exception {
        long taskId = h.newTask(Requests.export(DemoPeople.JAN.email()), "laposta");
        TaskResult f = h.engine.run(h.catalog.get("laposta"), h.context(taskId));

        assertThat(f.outcome()).isEqualTo(Outcome.EXPORTED);
        assertThat(files(h.context(taskId).dataDir())).containsExactlyInAnyOrder(
                "member-" + LapostaSimulator.LIST_NEWSLETTER + ".json", "member-" + LapostaSimulator.LIST_PANEL + ".json");
    }

    @Test
    void lapostaErasesTheMemberFromEveryList() {
        TaskResult f = h.run("laposta", Requests.erasure(DemoPeople.JAN.email()));

        assertThat(f.outcome()).isEqualTo(Outcome.ERASED);
        assertThat(h.simulators.laposta.memberExists(LapostaSimulator.LIST_NEWSLETTER, DemoPeople.JAN.email())).isFalse();
        assertThat(h.simulators.laposta.memberExists(LapostaSimulator.LIST_PANEL, DemoPeople.JAN.email())).isFalse();
    }

    @Test
    void lapostaPersonOnNoListIsNotFound() {
        assertThat(h.run("laposta", Requests.erasure(DemoPeople.SANNE.email())).outcome()).isEqualTo(Outcome.NOT_FOUND);
    }

    @Test
    void lapostaThrottlingIsTransientWithItsRetryHint() {
        h.simulators.laposta.setRateLimit(1, Duration.ofMinutes(1));

        assertThatThrownBy(() -> h.run("laposta", Requests.export(DemoPeople.JAN.email())))
                .isInstanceOfSatisfying(TransientFailure.class, e -> {
                    assertThat(e.getMessage()).contains("HTTP 429");
                    assertThat(e.retryAfter()).isNotNull().isPositive();
                });
    }

    // ---- Moneybird

    @Test
    void moneybirdExportsOnlyThePersonsOwnContactWithInvoices() throws Exception {
        long taskId = h.newTask(Requests.export(DemoPeople.JAN.email()), "moneybird");
        TaskResult f = h.engine.run(h.catalog.get("moneybird"), h.context(taskId));

        assertThat(f.outcome()).isEqualTo(Outcome.EXPORTED);
        Path contacts = h.context(taskId).dataDir().resolve("contacts.json");
        // the text search also matches marjan@example.nl
        assertThat(Files.readString(contacts)).contains(MoneybirdSimulator.JAN_CONTACT_ID)
                .doesNotContain(MoneybirdSimulator.MARJAN_CONTACT_ID);
        assertThat(files(h.context(taskId).dataDir())).contains("invoices-" + MoneybirdSimulator.JAN_CONTACT_ID + ".json");
    }

    @Test
    void moneybirdContactInTheBooksIsRetainedAndArchivedNotAFailure() {
        TaskResult f = h.run("moneybird", Requests.erasure(DemoPeople.JAN.email()));

        assertThat(f.outcome()).isEqualTo(Outcome.RETAINED);
        // each booked invoice until the end of its own year plus 7; the contact as long as the last of them
        var byLaw = f.retained().stream().filter(r -> r.kind() == nl.dsrhub.model.Retention.Kind.SHOP_LEGAL_DUTY).toList();
        assertThat(byLaw).extracting(r -> r.record() + " " + r.recordDate() + " " + r.until() + " " + r.law())
                .containsExactlyInAnyOrder("contact 2025-02-14 2032-12-31 AWR art. 52 lid 4",
                        "invoice 2024-11-03 2031-12-31 AWR art. 52 lid 4", "invoice 2025-02-14 2032-12-31 AWR art. 52 lid 4");
        // the contact's e-mail address and phone number are not what the books need: they remain, without a law
        assertThat(f.retained()).filteredOn(r -> r.kind() == nl.dsrhub.model.Retention.Kind.NO_LEGAL_DUTY)
                .singleElement().satisfies(r -> {
                    assertThat(r.recordId()).isEqualTo(MoneybirdSimulator.JAN_CONTACT_ID);
                    assertThat(r.what().en()).isEqualTo("e-mail address and phone number on the contact");
                    assertThat(r.law()).isNull();
                    assertThat(r.erasure()).isNull();
                });
        // the contact is deleted by Moneybird's own call when its retention ends; invoices need the officer
        assertThat(byLaw).filteredOn(r -> r.record().equals("contact")).singleElement()
                .satisfies(r -> assertThat(r.erasure().by()).isEqualTo("processor-call"));
        assertThat(f.retained()).filteredOn(r -> r.record().equals("invoice"))
                .allSatisfy(r -> assertThat(r.erasure().by()).isEqualTo("officer"));
        assertThat(h.simulators.moneybird.contactExists(MoneybirdSimulator.JAN_CONTACT_ID)).isTrue();
        assertThat(h.simulators.moneybird.isArchived(MoneybirdSimulator.JAN_CONTACT_ID)).isTrue();
    }

    @Test
    void moneybirdContactWithoutInvoicesIsDeleted() {
        TaskResult f = h.run("moneybird", Requests.erasure(DemoPeople.KEES.email()));

        assertThat(f.outcome()).isEqualTo(Outcome.ERASED);
        assertThat(h.simulators.moneybird.contactExists(MoneybirdSimulator.KEES_CONTACT_ID)).isFalse();
    }

    @Test
    void moneybirdRateLimitHeadersAreObeyedSoNoCallIsRefused() {
        // a tight window of 3 calls: the fourth must wait for the reset the headers announce
        h.simulators.moneybird.setRateLimit(3, Duration.ofSeconds(2));

        h.run("moneybird", Requests.export(DemoPeople.JAN.email()));
        h.run("moneybird", Requests.export(DemoPeople.ANNA.email()));

        assertThat(h.simulators.moneybird.calls()).hasSizeGreaterThan(3)
                .allSatisfy(c -> assertThat(c.status()).as(c.method() + " " + c.path()).isNotEqualTo(429));
    }

    @Test
    void moneybirdBadTokenNeedsAttention() {
        h.simulators.moneybird.setToken("mb-rotated");

        assertThatThrownBy(() -> h.run("moneybird", Requests.export(DemoPeople.JAN.email())))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("HTTP 401");
    }

    // ---- e-Boekhouden

    @Test
    void eboekhoudenMinimisesWhatTheBooksDoNotNeedAndRetainsTheRest() {
        TaskResult f = h.run("eboekhouden", Requests.erasure(DemoPeople.JAN.email()));

        assertThat(f.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(f.detail()).contains("minimise-relation");
        var relation = h.simulators.eboekhouden.relation(EBoekhoudenSimulator.JAN_RELATION_ID).orElseThrow();
        assertThat(relation.path("emailAddress").asText()).isEmpty();
        assertThat(relation.path("phoneNumber").asText()).isEmpty();
        assertThat(relation.path("name").asText()).isEqualTo(DemoPeople.JAN.name());
        assertThat(relation.path("inactive").asBoolean()).isTrue();
        assertThat(h.simulators.eboekhouden.invoiceIds(EBoekhoudenSimulator.JAN_RELATION_ID)).isNotEmpty();
    }

    @Test
    void eboekhoudenExportsRelationAndInvoices() throws Exception {
        long taskId = h.newTask(Requests.export(DemoPeople.ANNA.email()), "eboekhouden");
        TaskResult f = h.engine.run(h.catalog.get("eboekhouden"), h.context(taskId));

        assertThat(f.outcome()).isEqualTo(Outcome.EXPORTED);
        assertThat(files(h.context(taskId).dataDir())).contains("relations.json",
                "relation-" + EBoekhoudenSimulator.ANNA_RELATION_ID + ".json",
                "invoices-" + EBoekhoudenSimulator.ANNA_RELATION_ID + ".json");
    }

    @Test
    void eboekhoudenUnknownPersonIsNotFound() {
        assertThat(h.run("eboekhouden", Requests.export(DemoPeople.SANNE.email())).outcome()).isEqualTo(Outcome.NOT_FOUND);
    }

    @Test
    void eboekhoudenRefusedAccessTokenNeedsAttention() {
        h.simulators.eboekhouden.setAccessToken("eb-rotated");

        assertThatThrownBy(() -> h.run("eboekhouden", Requests.export(DemoPeople.JAN.email())))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("login").hasMessageContaining("401");
    }

    private static java.util.List<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
