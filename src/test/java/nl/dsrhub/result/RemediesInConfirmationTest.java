package nl.dsrhub.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.model.Retention;
import nl.dsrhub.testing.Confirmation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A confirmation in which a recipient kept something is a refusal in part (art. 12(4)): it carries the remedies, in
 * the JSON and in the text of the HTML, as a refusal's letter does. One in which everything was erased does not.
 */
class RemediesInConfirmationTest {

    @TempDir
    Path outbox;

    private static ProcessorResult erased() {
        return Fixtures.result("mailchimp", "Mailchimp", Fixtures.facts("The Rocket Science Group LLC", "US", "processor"),
                Outcome.ERASED, null, List.of(), "done: delete-permanent 1x");
    }

    private static ProcessorResult kept(Outcome outcome) {
        return Fixtures.result("moneybird", "Moneybird", Fixtures.facts("Moneybird B.V.", "NL", "processor"), outcome, null,
                List.of(Fixtures.shopDuty("invoice", "2024-0001", LocalDate.of(2024, 11, 3), LocalDate.of(2031, 12, 31),
                        Retention.Erasure.BY_OFFICER)), "retained: 1 under a legal duty of the shop");
    }

    private Confirmation write(List<ProcessorResult> results) throws Exception {
        new ConfirmationWriter().write(Fixtures.request(RequestType.ERASURE), results, Fixtures.COMPLETED, outbox);
        return Confirmation.in(outbox);
    }

    @Test
    void aConfirmationWithARetainedRecipientCarriesBothRemedies() throws Exception {
        assertRemedies(write(List.of(erased(), kept(Outcome.RETAINED))));
    }

    @Test
    void aConfirmationWithAPartialRecipientCarriesBothRemedies() throws Exception {
        assertRemedies(write(List.of(erased(), kept(Outcome.PARTIAL))));
    }

    @Test
    void aConfirmationOfAFullErasureHasNoRemediesToGive() throws Exception {
        Confirmation c = write(List.of(erased()));

        assertThat(c.json().get("remedies").isNull()).isTrue();
        assertThat(Confirmation.text(c.html())).doesNotContain("Als u het niet eens bent met ons besluit", "six weeks");
    }

    @Test
    void theTechnicalDetailStaysInTheJsonBesideThePlainSummaryAndOutOfTheHtml() throws Exception {
        Confirmation c = write(List.of(erased(), kept(Outcome.RETAINED)));

        assertThat(c.recipient("mailchimp").get("detail").asText()).isEqualTo("done: delete-permanent 1x");
        assertThat(c.recipient("mailchimp").get("summary").get("nl").asText()).isEqualTo("Uw gegevens bij deze ontvanger zijn gewist.");
        assertThat(c.recipient("mailchimp").get("summary").get("en").asText()).isEqualTo("Your data at this recipient were erased.");
        assertThat(nl.dsrhub.testing.SubjectText.all(c.html())).doesNotContain("done:", "delete-permanent", "1x", "retained:")
                .contains("Uw gegevens bij deze ontvanger zijn gewist.", "Your data at this recipient were erased.");
    }

    private static void assertRemedies(Confirmation c) {
        JsonNode remedies = c.json().get("remedies");
        assertThat(remedies).extracting(r -> r.get("right").asText()).containsExactly("complaint", "court");
        assertThat(remedies.get(0).get("articles").asText()).isEqualTo("AVG/GDPR art. 77");
        assertThat(remedies.get(1).get("articles").asText()).isEqualTo("AVG/GDPR art. 79; UAVG art. 35");
        assertThat(remedies.get(1).get("nl").asText()).contains("binnen zes weken nadat u dit antwoord heeft ontvangen");
        assertThat(remedies.get(1).get("en").asText()).contains("within six weeks after you received this answer");
        assertThat(Confirmation.text(c.html())).contains("Als u het niet eens bent met ons besluit", "If you disagree with our decision",
                "een klacht indienen bij de Autoriteit Persoonsgegevens, de toezichthouder (artikel 77 AVG)",
                "lodge a complaint with the Dutch supervisory authority, the Autoriteit Persoonsgegevens (article 77 GDPR)",
                "naar de rechter gaan (artikel 79 AVG)", "go to court (article 79 GDPR)", "(artikel 35 van de Uitvoeringswet AVG)");
    }
}
