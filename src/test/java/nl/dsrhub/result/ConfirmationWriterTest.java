package nl.dsrhub.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import nl.dsrhub.connector.ProcessorFacts;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.model.Retention;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfirmationWriterTest {

    @TempDir
    Path outbox;

    private List<ProcessorResult> results;

    @BeforeEach
    void recipients() {
        results = List.of(
                Fixtures.result("mailchimp", "Mailchimp", Fixtures.facts("The Rocket Science Group LLC", "US", "processor"),
                        Outcome.ERASED, null, List.of(), "deleted permanently"),
                Fixtures.result("laposta", "Laposta", Fixtures.facts("Laposta B.V.", "NL", "processor"),
                        Outcome.NOT_FOUND, null, List.of(), "not on any list"),
                Fixtures.result("moneybird", "Moneybird", Fixtures.facts("Moneybird B.V.", "NL", "processor"),
                        Outcome.RETAINED, null,
                        List.of(Fixtures.shopDuty("invoice", "2024-0001", LocalDate.of(2024, 11, 3),
                                LocalDate.of(2031, 12, 31), Retention.Erasure.BY_OFFICER)),
                        "contact is booked"),
                Fixtures.result("woocommerce", "WooCommerce", Fixtures.facts("Webwinkel Voorbeeld B.V.", "NL", "processor"),
                        Outcome.PARTIAL, null,
                        List.of(Fixtures.shopDuty("order", "1007", LocalDate.of(2025, 2, 14), LocalDate.of(2032, 12, 31),
                                Retention.Erasure.BY_PROCESSOR_CALL)),
                        "customer deleted, orders kept"),
                Fixtures.result("paynl", "Pay.nl", Fixtures.facts("PAY. B.V.", "NL", "processor"),
                        Outcome.AWAITING_REPLY, null, List.of(), "mail sent to privacy@pay.example.nl"),
                Fixtures.result("sendcloud", "SendCloud", Fixtures.facts("Sendcloud B.V.", "NL", "processor"),
                        Outcome.NEEDS_ATTENTION, null, List.of(), "401 Unauthorized"));
    }

    private JsonNode json() throws Exception {
        new ConfirmationWriter().write(Fixtures.request(RequestType.ERASURE), results, Fixtures.COMPLETED, outbox);
        return new ObjectMapper().readTree(outbox.resolve("confirmation.json").toFile());
    }

    private String html() throws Exception {
        new ConfirmationWriter().write(Fixtures.request(RequestType.ERASURE), results, Fixtures.COMPLETED, outbox);
        return Files.readString(outbox.resolve("confirmation.html"));
    }

    private static JsonNode recipient(JsonNode confirmation, String connector) {
        for (JsonNode r : confirmation.get("recipients")) {
            if (r.get("connector").asText().equals(connector)) {
                return r;
            }
        }
        throw new AssertionError("no recipient " + connector);
    }

    @Test
    void jsonDescribesTheRequest() throws Exception {
        JsonNode c = json();

        assertThat(c.get("requestId").asText()).isEqualTo("req-2026-0042");
        assertThat(c.get("type").asText()).isEqualTo("erasure");
        assertThat(c.get("receivedAt").asText()).isEqualTo("2026-11-20T09:12:00+01:00");
        assertThat(c.get("deadline").asText()).isEqualTo("2026-12-20");
        assertThat(c.get("completedAt").asText()).isEqualTo("2026-12-03T14:30:00Z");
        assertThat(c.get("reference").asText()).isEqualTo("ZD-1234");
        assertThat(c.get("complete").asBoolean()).isFalse();
    }

    @Test
    void jsonListsEveryRecipientWithItsOutcomeAndDates() throws Exception {
        JsonNode c = json();

        assertThat(c.get("recipients")).extracting(r -> r.get("connector").asText() + "=" + r.get("outcome").asText())
                .containsExactly("mailchimp=ERASED", "laposta=NOT_FOUND", "moneybird=RETAINED", "woocommerce=PARTIAL",
                        "paynl=AWAITING_REPLY", "sendcloud=NEEDS_ATTENTION");
        JsonNode mailchimp = recipient(c, "mailchimp");
        assertThat(mailchimp.get("legalName").asText()).isEqualTo("The Rocket Science Group LLC");
        assertThat(mailchimp.get("country").asText()).isEqualTo("US");
        assertThat(mailchimp.get("notifiedAt").asText()).isEqualTo("2026-11-20T11:12:00+01:00");
        assertThat(mailchimp.get("finishedAt").asText()).isEqualTo("2026-11-23T09:12:00+01:00");
    }

    @Test
    void aRecordKeptByLawListsItsDateBasisEndDateAndScheduledErasure() throws Exception {
        JsonNode retained = recipient(json(), "moneybird").get("retained");

        assertThat(retained).hasSize(1);
        JsonNode invoice = retained.get(0);
        assertThat(invoice.get("what").get("nl").asText()).isEqualTo("verkoopfactuur");
        assertThat(invoice.get("recordId").asText()).isEqualTo("2024-0001");
        assertThat(invoice.get("recordDate").asText()).isEqualTo("2024-11-03");
        assertThat(invoice.get("basisKind").asText()).isEqualTo("shop-legal-duty");
        assertThat(invoice.get("basis").asText()).isEqualTo("AWR art. 52 lid 4");
        assertThat(invoice.get("until").asText()).isEqualTo("2031-12-31");
        assertThat(invoice.get("scheduledErasure").get("on").asText()).isEqualTo("2032-01-01");
        assertThat(invoice.get("scheduledErasure").get("by").asText()).isEqualTo("officer");
    }

    @Test
    void htmlShowsRetentionBasisEndDateAndErasureInBothLanguages() throws Exception {
        String html = html();

        assertThat(html).contains("Bewaard omdat de wet ons dat verplicht", "Kept because the law obliges us to",
                "verkoopfactuur 2024-0001", "AWR art. 52 lid 4", "31 december 2031", "31 December 2031",
                "1 januari 2032", "1 January 2032");
        assertThat(html).contains("deels gewist", "partly erased");
    }

    @Test
    void aProcessorsOwnDutyNamesWhoKeepsItTheirLawAndTermAndNoEndDateOfOurs() throws Exception {
        results = List.of(Fixtures.result("mollie", "Mollie", Fixtures.facts("Betaaldienst Voorbeeld B.V.", "NL", "processor"),
                Outcome.PARTIAL, null, List.of(Fixtures.processorDuty("tr_Example01", LocalDate.of(2025, 2, 14))),
                "customer deleted"));

        JsonNode payment = recipient(json(), "mollie").get("retained").get(0);
        String html = html();

        assertThat(payment.get("basisKind").asText()).isEqualTo("processor-legal-duty");
        assertThat(payment.get("keptBy").asText()).isEqualTo("Betaaldienst Voorbeeld B.V.");
        assertThat(payment.get("term").get("en").asText()).isEqualTo("5 years after the business relationship ends");
        assertThat(payment.get("until").isNull()).isTrue();
        assertThat(payment.get("scheduledErasure").isNull()).isTrue();
        assertThat(html).contains("Bewaard door de ontvanger zelf, op grond van een eigen wettelijke plicht",
                "Wwft art. 33", "5 jaar na het einde van de zakelijke relatie");
        assertThat(html).doesNotContain("Bewaard omdat de wet ons dat verplicht", "Verwijdering gepland");
    }

    @Test
    void dataThatRemainWithoutALegalDutyGetNoLegalBasis() throws Exception {
        results = List.of(Fixtures.result("sendcloud", "SendCloud", Fixtures.facts("Verzenddienst Voorbeeld B.V.", "NL", "processor"),
                Outcome.RETAINED, null, List.of(Fixtures.remains("184729301", LocalDate.of(2024, 11, 3))), "cancelled"));

        JsonNode parcel = recipient(json(), "sendcloud").get("retained").get(0);
        String html = html();

        assertThat(parcel.get("basisKind").asText()).isEqualTo("no-legal-duty");
        assertThat(parcel.get("basis").isNull()).isTrue();
        assertThat(parcel.get("reason").get("en").asText()).isEqualTo("the carrier cannot delete a delivered parcel");
        assertThat(html).contains("Nog aanwezig, zonder wettelijke plicht", "Still there, without a legal duty");
        assertThat(html).doesNotContain("Wettelijke grondslag", "wettelijke plicht van", "Legal basis");
    }

    @Test
    void awaitingReplyIsListedAsStillAwaitingNotAsDone() throws Exception {
        JsonNode paynl = recipient(json(), "paynl");
        String html = html();

        assertThat(paynl.get("outcome").asText()).isEqualTo("AWAITING_REPLY");
        assertThat(paynl.get("final").asBoolean()).isFalse();
        assertThat(html).contains("wacht nog op antwoord", "still awaiting a reply");
        assertThat(html).contains("vraagt aandacht", "needs attention");
        assertThat(html).contains("Van 2 ontvanger(s) is de uitkomst nog niet bekend");
        assertThat(html).doesNotContain("Alle ontvangers hebben gereageerd");
    }

    @Test
    void everyRecipientAppearsInTheHtmlWithItsOutcomeInWords() throws Exception {
        String html = html();

        for (ProcessorResult r : results) {
            assertThat(html).contains(r.facts().legalName(), OutcomeText.nl(r.outcome()), OutcomeText.en(r.outcome()));
        }
    }

    @Test
    void htmlIsBilingualWithTheRightToComplain() throws Exception {
        String html = html();

        assertThat(html).contains("Bevestiging van uw verzoek om gegevenswissing", "Confirmation of your request for erasure");
        assertThat(html).contains("Op de hoogte gebracht", "Notified", "Datum uitkomst", "Date of outcome");
        assertThat(html).contains("Autoriteit Persoonsgegevens", "https://autoriteitpersoonsgegevens.nl");
    }

    @Test
    void htmlEscapesScriptInTexts() throws Exception {
        results = List.of(Fixtures.result("evil", "<script>alert('t')</script>",
                ProcessorFacts.minimal("Kwaad <script>alert(1)</script> B.V."), Outcome.RETAINED, null,
                List.of(Retention.asStated("<script>alert(2)</script> wet & <i>regel</i>")),
                "<script>alert(3)</script>"));

        String html = html();

        assertThat(html).doesNotContain("<script", "<i>regel</i>");
        assertThat(html).contains("Kwaad &lt;script&gt;alert(1)&lt;/script&gt; B.V.", "wet &amp; &lt;i&gt;regel&lt;/i&gt;");
    }

    @Test
    void allFinalOutcomesSayEveryRecipientResponded() throws Exception {
        results = results.subList(0, 4);

        assertThat(html()).contains("Alle ontvangers hebben gereageerd", "All recipients have responded");
        assertThat(json().get("complete").asBoolean()).isTrue();
    }

    @Test
    void outputsHoldNoSubjectNameOrEmailAndNoTempFiles() throws Exception {
        String html = html();
        String json = Files.readString(outbox.resolve("confirmation.json"));

        assertThat(html).doesNotContain(Fixtures.EMAIL, Fixtures.NAME, Fixtures.CUSTOMER_ID);
        assertThat(json).doesNotContain(Fixtures.EMAIL, Fixtures.NAME, Fixtures.CUSTOMER_ID);
        try (var files = Files.list(outbox)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("confirmation.json", "confirmation.html");
        }
    }

    @Test
    void refusesAnExportRequest() {
        assertThatThrownBy(() -> new ConfirmationWriter().write(Fixtures.request(RequestType.EXPORT), results,
                Fixtures.COMPLETED, outbox)).isInstanceOf(IllegalArgumentException.class);
    }
}
