package nl.dsrhub.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.demo.MailServer;
import nl.dsrhub.testing.Confirmation;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An erasure in which not everything could be erased, delivered by mail from a real hub: the shop deletes Jan's
 * account but keeps his paid orders (AWR art. 52(4)). The mail does not say his data were erased, and the confirmation
 * it carries gives the remedies, as any refusal in part must (art. 12(4)).
 */
class PartialErasureDeliveryTest {

    MailServer mail;
    HubFixture fixture;

    @AfterEach
    void stop() {
        fixture.close();
        mail.close();
    }

    @Test
    void theMailOfAPartialErasureSaysNotEverythingWasErasedAndTheConfirmationGivesTheRemedies(@TempDir Path dataDir)
            throws Exception {
        mail = MailServer.start();
        fixture = Mails.startHub(mail, dataDir, Map.of("dsr.delivery.enabled", "true"));
        String email = DemoPeople.JAN.email();
        fixture.drop("partial.json", Requests.file("erasure", email, "PARTIAL-MAIL", List.of("woocommerce"), Map.of())
                .replace("\"processors\"", "\"delivery\": { \"email\": \"" + email + "\" },\n  \"processors\""));
        String id = fixture.awaitRequest("PARTIAL-MAIL");
        fixture.awaitCompleted(id);

        MimeMessage delivered = Mails.awaitTo(mail, email, 1).get(0);

        assertThat(Mails.subject(delivered)).isEqualTo("Uw verzoek om gegevenswissing / Your request for erasure");
        assertThat(Mails.text(delivered)).contains("Niet alles is gewist", "Not everything was erased")
                .doesNotContain("zijn gewist", "have been erased", "were erased");
        JsonNode json = new ObjectMapper().readTree(Mails.attachments(delivered).get("confirmation.json"));
        assertThat(json.path("recipients").get(0).path("outcome").asText()).isEqualTo("PARTIAL");
        assertThat(json.path("remedies")).extracting(r -> r.path("right").asText()).containsExactly("complaint", "court");
        assertThat(json.path("remedies").get(1).path("nl").asText()).contains("binnen zes weken", "artikel 35");
        String html = Confirmation.text(new String(Mails.attachments(delivered).get("confirmation.html"), StandardCharsets.UTF_8));
        assertThat(html).contains("Als u het niet eens bent met ons besluit", "If you disagree with our decision",
                "een klacht indienen bij de Autoriteit Persoonsgegevens", "naar de rechter gaan (artikel 79 AVG)",
                "within six weeks after you received this answer");
    }
}
