package nl.dsrhub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.demo.MailServer;
import nl.dsrhub.testing.Confirmation;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A parent's request for their child under 16 (art. 8 AVG, art. 5 UAVG), through the inbox of a real hub with delivery
 * by mail on: the answer reaches the parent only, never the child's address; what the parent reads says on whose
 * behalf; a processor asked by letter learns the parent's name and capacity and nothing else of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepresentativeDeliveryTest {

    static final String PAYNL = "privacy@pay.example.com";
    static final String PARENT = "petra.ouder@example.com";
    static final String CHILD = DemoPeople.JAN.email();

    MailServer mail;
    HubFixture fixture;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        mail = MailServer.start();
        fixture = Mails.startHub(mail, dataDir, Map.of("dsr.delivery.enabled", "true", "dsr.connector.paynl.enabled", "true",
                "dsr.connector.paynl.privacy-contact", PAYNL));
    }

    @AfterAll
    void stop() {
        fixture.close();
        mail.close();
    }

    @Test
    void theResultOfAParentsRequestIsDeliveredToTheParentOnlyAndSaysOnWhoseBehalf() throws Exception {
        String id = submit("REP-DELIVERY", "woocommerce");
        fixture.awaitCompleted(id);

        MimeMessage delivered = Mails.awaitTo(mail, PARENT, 1).get(0);

        String html = Confirmation.text(new String(Mails.attachments(delivered).get("confirmation.html"), StandardCharsets.UTF_8));
        assertThat(html).contains("Dit verzoek is namens de betrokkene gedaan door een vertegenwoordiger: ouder",
                "This request was made on behalf of the data subject by a representative: parent")
                .doesNotContain("Petra", PARENT, CHILD);
        // the mail itself first says in what capacity the parent gets it, naming no one (a mail can be forwarded)
        assertThat(Mails.text(delivered)).startsWith("U ontvangt deze e-mail als ouder (wettelijk vertegenwoordiger) van de"
                + " betrokkene, namens wie het verzoek is gedaan.").contains("You receive this e-mail as the data subject's"
                + " parent (legal representative), on whose behalf the request was made.").doesNotContain("Petra", CHILD);
        assertThat(Mails.to(mail, CHILD)).as("nothing goes to the child's own address").isEmpty();
    }

    @Test
    void theReceiptSaysTheRequestWasMadeOnTheChildsBehalfAndNamesNoOne() throws Exception {
        String id = submit("REP-RECEIPT", "woocommerce");
        Path receipt = fixture.outbox(id).resolve("receipt.json");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.isRegularFile(receipt));

        JsonNode json = new ObjectMapper().readTree(receipt.toFile());

        assertThat(json.path("onBehalfOf").path("capacity").asText()).isEqualTo("parent");
        assertThat(json.path("summary").path("nl").asText()).contains("namens de betrokkene", "ouder");
        assertThat(json.path("summary").path("en").asText()).contains("on behalf of the data subject", "parent");
        assertThat(Files.readString(receipt)).doesNotContain("Petra", PARENT, CHILD);
    }

    @Test
    void aProcessorAskedByLetterLearnsOnWhoseBehalfWithTheRepresentativesNameAndCapacityOnly() {
        submit("REP-LETTER", "paynl");

        String text = Mails.text(await().atMost(Duration.ofSeconds(30)).until(() -> Mails.to(mail, PAYNL).stream()
                .filter(m -> Mails.text(m).contains("Petra Ouder")).findFirst().orElse(null), m -> m != null));

        assertThat(text).contains("Namens:        Het verzoek is namens de betrokkene gedaan door Petra Ouder, ouder (wettelijk vertegenwoordiger).",
                        "On behalf of:  The request was made on behalf of the data subject by Petra Ouder, parent (legal representative).")
                .doesNotContain(PARENT, "birth certificate", "geboorteakte", "officer@shop.example.nl");
    }

    @Test
    void aRepresentativeFieldHoldingACopyOfAnIdDocumentIsRefusedNamingTheField() {
        fixture.drop("REP-COPY.json", request("REP-COPY", "woocommerce").replace("\"capacity\"", "\"idCopy\": \"paspoort.pdf\", \"capacity\""));

        String reports = await().atMost(Duration.ofSeconds(30)).until(fixture::errorReports, r -> r.contains("REP-COPY"));

        assertThat(reports).contains("/representative/idCopy", "the hub stores no copies").doesNotContain("paspoort.pdf");
    }

    private String submit(String reference, String processor) {
        fixture.drop(reference + ".json", request(reference, processor));
        return fixture.awaitRequest(reference);
    }

    private static String request(String reference, String processor) {
        return """
                { "type": "erasure", "receivedAt": "%s",
                  "subject": { "email": "%s" },
                  "verification": { "method": "id-document", "verifiedBy": "officer@shop.example.nl", "verifiedAt": "%s" },
                  "representative": { "name": "Petra Ouder", "email": "%s", "capacity": "parent",
                    "authorityCheckedBy": "officer@shop.example.nl", "authorityCheckedAt": "%s",
                    "authorityEvidence": "birth certificate seen" },
                  "processors": ["%s"], "reference": "%s" }
                """.formatted(Requests.now(), CHILD, Requests.now(), PARENT, Requests.now(), processor, reference);
    }
}
