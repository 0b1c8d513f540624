package nl.dsrhub.result;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.Representative;
import nl.dsrhub.model.RequestType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the representative reads says on whose behalf the request was made, in which capacity, and names no one. */
class RepresentedRequestTextsTest {

    @TempDir
    Path tmp;

    static DsrRequest byGuardian(RequestType type) {
        DsrRequest r = Fixtures.request(type);
        return new DsrRequest(r.id(), r.type(), r.receivedAt(), r.deadline(), r.subject(), r.verification(), null, r.processors(),
                r.reference(), r.source(), r.fingerprint(), new Representative("Gerda Voogd", "gerda.voogd@example.com",
                Representative.GUARDIAN, "privacy@shop.example.nl", Fixtures.RECEIVED, "court order seen"));
    }

    @Test
    void theBundleIndexOfARepresentedRequestSaysOnWhoseBehalfAndNamesNoOne() throws Exception {
        List<ProcessorResult> results = List.of(Fixtures.result("mailchimp", "Mailchimp",
                Fixtures.facts("The Rocket Science Group LLC", "US", "processor"), Outcome.NOT_FOUND, null, List.of(), null));

        Path zip = new BundleWriter().write(byGuardian(RequestType.EXPORT), results, Fixtures.COMPLETED, tmp.resolve("o/bundle.zip"));

        String index = new String(Fixtures.unzip(zip).get("index.html"), UTF_8);
        assertThat(index).contains("namens de betrokkene gedaan door een vertegenwoordiger: voogd (wettelijk vertegenwoordiger)",
                "on behalf of the data subject by a representative: guardian (legal representative)")
                .doesNotContain("Gerda", "gerda.voogd@example.com", "court order");
    }

    @Test
    void theReceiptOfARepresentedRequestGivesTheCapacityOnly() throws Exception {
        Path receipt = new ReceiptWriter().write(byGuardian(RequestType.ERASURE), tmp.resolve("r"));

        JsonNode json = new ObjectMapper().readTree(receipt.toFile());
        assertThat(json.path("onBehalfOf").path("capacity").asText()).isEqualTo("guardian");
        assertThat(json.path("summary").path("en").asText()).endsWith("by a representative: guardian (legal representative).");
        assertThat(Files.readString(receipt)).doesNotContain("Gerda", "gerda.voogd", "court order", Fixtures.EMAIL);
    }

    @Test
    void theReceiptOfTheSubjectsOwnRequestSaysNothingOfARepresentative() throws Exception {
        Path receipt = new ReceiptWriter().write(Fixtures.request(RequestType.ERASURE), tmp.resolve("s"));

        assertThat(new ObjectMapper().readTree(receipt.toFile()).has("onBehalfOf")).isFalse();
        assertThat(Files.readString(receipt)).doesNotContain("namens", "on behalf");
    }
}
