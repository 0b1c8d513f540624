package nl.dsrhub.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.dsrhub.model.RequestType;
import org.junit.jupiter.api.Test;
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

    @Test
    void receiptHoldsNoPersonalData() throws Exception {
        Path written = new ReceiptWriter().write(Fixtures.request(RequestType.ERASURE), tmp);

        assertThat(Files.readString(written)).doesNotContain(Fixtures.EMAIL, Fixtures.NAME, Fixtures.CUSTOMER_ID, "privacy@shop");
    }
}
