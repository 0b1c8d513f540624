package nl.dsrhub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.dsrhub.demo.MailServer;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.testing.Confirmation;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The requests beyond access and erasure, through the inbox of a real hub with delivery by mail on, Pay.nl asked by
 * letter: its reply "corrected", "restricted" or "lifted" closes its task with the type's own outcome, and the subject
 * gets the mail of that type with that type's confirmation attached, at the address the hub knows them by.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TypeDeliveryTest {

    static final String PAYNL = "privacy@pay.example.com";

    MailServer mail;
    HubFixture fixture;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        mail = MailServer.start();
        // a lifting is asked of the processors only after its subject was told: here a second later (art. 18(3))
        fixture = Mails.startHub(mail, dataDir, Map.of("dsr.delivery.enabled", "true", "dsr.connector.paynl.enabled", "true",
                "dsr.connector.paynl.privacy-contact", PAYNL, "dsr.restriction.lift-notice-period", "PT1S"));
    }

    @AfterAll
    void stop() {
        fixture.close();
        mail.close();
    }

    @Test
    void aRectificationConfirmedByLetterIsDeliveredAsARectificationsConfirmationToTheKnownAddress() throws Exception {
        String subject = "rectify.delivered@example.nl";
        String id = submit("rectification", subject, "TYPE-RECTIFY", """
                "changes": { "address": { "street": "Nieuwe Gracht", "houseNumber": "12", "postalCode": "3512 LK",
                  "city": "Utrecht", "country": "NL" } },""");
        reply(id, "Beste,\n\nDe gegevens zijn gecorrigeerd.\n");
        fixture.awaitCompleted(id);

        MimeMessage delivered = delivered(subject, id);

        assertThat(Mails.subject(delivered)).isEqualTo("Bevestiging van rectificatie / Rectification confirmation");
        assertConfirmationOf(delivered, "rectification", "Bevestiging van uw verzoek om rectificatie", Outcome.RECTIFIED);
        assertThat(Confirmation.text(html(delivered))).contains("U vroeg ons deze gegevens te corrigeren: postadres.")
                .doesNotContain("Nieuwe Gracht", "3512 LK", subject);
    }

    @Test
    void aRectificationThatLeftSomethingUnchangedIsMailedAsSuchWithTheRemedies() throws Exception {
        String subject = "rectify.partly@example.nl";
        String id = submit("rectification", subject, "TYPE-RECTIFY-PART", """
                "changes": { "firstName": "Rikke", "lastName": "Deelmans" },""");
        awaitLetter(id);
        settle(id, "PARTIAL", "Pay.nl heeft de naam aangepast; de uitbetalingsoverzichten blijven ongewijzigd");
        fixture.awaitCompleted(id);

        MimeMessage delivered = delivered(subject, id);

        assertThat(Mails.subject(delivered)).isEqualTo("Uw verzoek om rectificatie / Your request for rectification");
        assertThat(Mails.text(delivered)).contains("Niet alles is gecorrigeerd", "Not everything was corrected")
                .doesNotContain("were corrected", "zijn gecorrigeerd");
        assertConfirmationOf(delivered, "rectification", "Bevestiging van uw verzoek om rectificatie", Outcome.PARTIAL);
        assertThat(Confirmation.text(html(delivered))).contains("Ongewijzigd gelaten, volgens onze privacycontactpersoon",
                "Als u het niet eens bent met ons besluit").doesNotContain("Rikke", "Deelmans");
        JsonNode paynl = new ObjectMapper().readTree(Mails.attachments(delivered).get("confirmation.json")).path("recipients").get(0);
        assertThat(paynl.path("summary").path("nl").asText()).contains("deels gecorrigeerd").doesNotContain("gewist");
    }

    @Test
    void aRestrictionConfirmedByLetterIsDeliveredAsARestrictionsConfirmation() throws Exception {
        String subject = "restrict.delivered@example.nl";
        String id = submit("restriction", subject, "TYPE-RESTRICT", """
                "restriction": { "reason": "accuracy-contested" },""");
        reply(id, "De verwerking is beperkt: de klant is gemarkeerd.");
        fixture.awaitCompleted(id);

        MimeMessage delivered = delivered(subject, id);

        assertThat(Mails.subject(delivered)).isEqualTo("Bevestiging van beperking van de verwerking / Confirmation of restriction"
                + " of processing");
        assertThat(Mails.text(delivered)).contains("Voordat de beperking wordt opgeheven, laten wij het u weten.");
        assertConfirmationOf(delivered, "restriction", "Bevestiging van uw verzoek om beperking van de verwerking", Outcome.RESTRICTED);
    }

    @Test
    void aLiftingConfirmedByLetterIsDeliveredAsTheLiftingsConfirmationNamingTheRestrictionItEnds() throws Exception {
        String subject = "lift.delivered@example.nl";
        String restriction = submit("restriction", subject, "TYPE-LIFT-FIRST", """
                "restriction": { "reason": "accuracy-contested" },""");
        reply(restriction, "The processing has been restricted.");
        fixture.awaitCompleted(restriction);
        String id = submit("lift-restriction", subject, "TYPE-LIFT", """
                "lift": { "restrictionRequestId": "%s", "reason": "de juistheid is nagegaan" },""".formatted(restriction));
        reply(id, "De beperking is opgeheven.");
        fixture.awaitCompleted(id);

        MimeMessage delivered = delivered(subject, id);

        assertThat(Mails.subject(delivered)).isEqualTo("Bevestiging van opheffing van de beperking / Confirmation of the lifting"
                + " of the restriction");
        assertConfirmationOf(delivered, "lift-restriction", "Bevestiging van de opheffing van de beperking van de verwerking",
                Outcome.LIFTED);
        assertThat(Confirmation.text(html(delivered))).contains("beëindigt de beperking uit uw verzoek " + restriction);
    }

    @Test
    void anObjectionToDirectMarketingIsDeliveredAsAnObjectionsConfirmation() throws Exception {
        String subject = "object.delivered@example.nl";
        // Pay.nl sends no marketing: it is not asked, so the objection is answered at once
        String id = submit("objection", subject, "TYPE-OBJECT", """
                "objection": { "kind": "direct-marketing" },""");
        fixture.awaitCompleted(id);

        MimeMessage delivered = delivered(subject, id);

        assertThat(Mails.subject(delivered)).isEqualTo("Bevestiging van uw bezwaar / Confirmation of your objection");
        assertThat(Mails.attachments(delivered)).containsOnlyKeys("confirmation.html", "confirmation.json");
        JsonNode json = new ObjectMapper().readTree(Mails.attachments(delivered).get("confirmation.json"));
        assertThat(json.path("type").asText()).isEqualTo("objection");
        assertThat(json.path("particulars").path("suppressionList").asText()).isEqualTo("keyed-hash");
        assertThat(Confirmation.text(html(delivered))).contains("Bevestiging van uw bezwaar tegen de verwerking",
                "staat u op onze blokkeerlijst");
    }

    private void assertConfirmationOf(MimeMessage delivered, String type, String heading, Outcome paynl) throws Exception {
        assertThat(Mails.attachments(delivered)).containsOnlyKeys("confirmation.html", "confirmation.json");
        JsonNode json = new ObjectMapper().readTree(Mails.attachments(delivered).get("confirmation.json"));
        assertThat(json.path("type").asText()).isEqualTo(type);
        assertThat(json.path("recipients")).singleElement().satisfies(r -> {
            assertThat(r.path("connector").asText()).isEqualTo("paynl");
            assertThat(r.path("outcome").asText()).isEqualTo(paynl.name());
        });
        assertThat(Confirmation.text(html(delivered))).contains(heading);
    }

    private static String html(MimeMessage delivered) {
        return new String(Mails.attachments(delivered).get("confirmation.html"), StandardCharsets.UTF_8);
    }

    /** The mail that carries the request's confirmation (the subject may have had others: a notice before a lifting). */
    private MimeMessage delivered(String subject, String requestId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> Mails.to(mail, subject).stream()
                .filter(m -> Mails.attachments(m).containsKey("confirmation.json"))
                .filter(m -> new String(Mails.attachments(m).get("confirmation.json"), StandardCharsets.UTF_8).contains(requestId))
                .findFirst().orElse(null), m -> m != null);
    }

    private String submit(String type, String email, String reference, String particulars) {
        fixture.drop(reference + ".json", """
                { "type": "%s", "receivedAt": "%s",
                  "subject": { "email": "%s" },
                  "verification": { "method": "known-email", "verifiedBy": "privacy@shop.example.nl", "verifiedAt": "%s" },
                  "delivery": { "email": "%s" },
                  %s
                  "processors": ["paynl"], "reference": "%s" }
                """.formatted(type, Requests.now(), email, Requests.now(), email, particulars, reference));
        return fixture.awaitRequest(reference);
    }

    /** Pay.nl answers the letter of the request, by replying to it (its token in the subject line). */
    private void reply(String requestId, String text) {
        MimeMessage letter = awaitLetter(requestId);
        mail.send(PAYNL, MailServer.HUB, "Re: " + Mails.subject(letter), text, Map.of());
    }

    private MimeMessage awaitLetter(String requestId) {
        String token = await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> new MailStore(
                fixture.hub().services().jdbc, java.time.Clock.systemUTC(), fixture.hub().services().events)
                .letterOfTask(fixture.hub().services().tasks.forRequest(requestId).get(0).id())
                .map(MailStore.Letter::token).orElse(null), t -> t != null);
        return await().atMost(Duration.ofSeconds(30)).until(() -> Mails.to(mail, PAYNL).stream()
                .filter(m -> Mails.subject(m).contains(token)).findFirst().orElse(null), m -> m != null);
    }

    /** The officer settles Pay.nl's task by hand, over the hub's API. */
    private void settle(String requestId, String outcome, String reason) throws Exception {
        String body = new ObjectMapper().createObjectNode().put("connector", "paynl").put("outcome", outcome).put("reason", reason)
                .toString();
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create(fixture.baseUrl()
                        + "api/requests/" + requestId + "/settle")).header("Authorization", "Bearer " + fixture.token())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
}
