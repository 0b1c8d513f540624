package nl.dsrhub.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.dsrhub.model.RequestType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

class ReceiptWriterTest {

    @TempDir
    Path tmp;

    @Test
    void receiptHoldsIdTypeDatesAndReference() throws Exception {
        Path written = new ReceiptWriter().write(Fixtures.request(RequestType.EXPORT), tmp.resolve("outbox/req-2026-0042"));

        JsonNode r = new ObjectMapper().readTree(written.toFile());
        assertThat(written).isEqualTo(tmp.resolve("outbox/req-2026-0042/receipt.json"));
        assertThat(r.get("requestId").asText()).isEqualTo("req-2026-0042");
        assertThat(r.get("type").asText()).isEqualTo("export");
        assertThat(r.get("received").asText()).isEqualTo("2026-11-20T09:12:00+01:00");
        assertThat(r.get("deadline").asText()).isEqualTo("2026-12-20");
        assertThat(r.get("reference").asText()).isEqualTo("ZD-1234");
        assertThat(r.size()).isEqualTo(6);
    }

    @Test
    void receiptSaysTheSameInPlainWordsForTheSubject() throws Exception {
        Path written = new ReceiptWriter().write(Fixtures.request(RequestType.ERASURE), tmp);

        JsonNode summary = new ObjectMapper().readTree(written.toFile()).get("summary");
        assertThat(summary.get("nl").asText()).isEqualTo("Wij hebben uw verzoek om gegevenswissing (recht op gegevenswissing,"
                + " artikel 17 AVG) ontvangen op 20 november 2026. U krijgt uiterlijk op 20 december 2026 antwoord van ons.");
        assertThat(summary.get("en").asText()).isEqualTo("We received your request for erasure (right to erasure, article 17"
                + " GDPR) on 20 November 2026. You will have our answer by 20 December 2026 at the latest.");
    }

    @ParameterizedTest
    @EnumSource(RequestType.class)
    void everyTypesReceiptNamesTheRequestInItsArticlesTermsInBothLanguages(RequestType type) throws Exception {
        Path written = new ReceiptWriter().write(Fixtures.request(type, Fixtures.particulars(type)), tmp);

        JsonNode receipt = new ObjectMapper().readTree(written.toFile());
        assertThat(receipt.get("type").asText()).isEqualTo(type.wire());
        assertThat(receipt.at("/summary/nl").asText()).startsWith("Wij hebben " + type.words().request().nl()
                + " ontvangen op 20 november 2026.");
        assertThat(receipt.at("/summary/en").asText()).startsWith("We received " + type.words().request().en()
                + " on 20 November 2026.");
    }

    @Test
    void aRectificationsReceiptSaysWhatWasAskedUnderArticle16() throws Exception {
        Path written = new ReceiptWriter().write(Fixtures.request(RequestType.RECTIFICATION,
                Fixtures.particulars(RequestType.RECTIFICATION)), tmp);

        assertThat(new ObjectMapper().readTree(written.toFile()).at("/summary/nl").asText()).isEqualTo("Wij hebben uw verzoek"
                + " om rectificatie (recht op rectificatie, artikel 16 AVG) ontvangen op 20 november 2026. U krijgt uiterlijk op"
                + " 20 december 2026 antwoord van ons.");
    }

    @Test
    void aLiftingsReceiptSaysTheRequestToLiftTheRestriction() throws Exception {
        Path written = new ReceiptWriter().write(Fixtures.request(RequestType.LIFT_RESTRICTION,
                Fixtures.particulars(RequestType.LIFT_RESTRICTION)), tmp);

        assertThat(new ObjectMapper().readTree(written.toFile()).at("/summary/en").asText()).startsWith("We received the request"
                + " to lift the restriction of processing of your data (article 18(3) GDPR) on 20 November 2026.");
    }

    @ParameterizedTest
    @EnumSource(names = {"RECTIFICATION", "RESTRICTION", "LIFT_RESTRICTION", "OBJECTION"})
    void aReceiptHoldsNothingOfWhatTheRequestAsksInParticular(RequestType type) throws Exception {
        Path written = new ReceiptWriter().write(Fixtures.request(type, Fixtures.particulars(type)), tmp);

        assertThat(Files.readString(written)).doesNotContain(Fixtures.EMAIL, Fixtures.NAME, Fixtures.NEW_EMAIL,
                Fixtures.NEW_ADDRESS.street(), Fixtures.OFFICERS_EXPLANATION, "de juistheid is nagegaan");
    }

    @Test
    void receiptHoldsNoPersonalData() throws Exception {
        Path written = new ReceiptWriter().write(Fixtures.request(RequestType.ERASURE), tmp);

        assertThat(Files.readString(written)).doesNotContain(Fixtures.EMAIL, Fixtures.NAME, Fixtures.CUSTOMER_ID, "privacy@shop");
    }
}
