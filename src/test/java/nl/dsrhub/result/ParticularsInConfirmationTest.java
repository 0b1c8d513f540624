package nl.dsrhub.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.Particulars;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.model.Retention;
import nl.dsrhub.testing.Confirmation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What each type's confirmation says of the request in particular: the fields a rectification corrects by name, a
 * restriction's reason and what it means, the restriction a lifting ends, the unsubscribing and the suppression list of
 * an objection to direct marketing.
 */
class ParticularsInConfirmationTest {

    @TempDir
    Path outbox;

    private Confirmation write(RequestType type, Particulars particulars, List<ProcessorResult> results) throws Exception {
        ResultWriters.installed().of(type).writeInto(Fixtures.request(type, particulars), results, Fixtures.COMPLETED, outbox);
        return Confirmation.in(outbox);
    }

    private Confirmation write(RequestType type) throws Exception {
        return write(type, Fixtures.particulars(type), List.of(Fixtures.result("mailchimp", "Mailchimp",
                Fixtures.facts("The Rocket Science Group LLC", "US", "processor"), type.done(), null, List.of(), "done")));
    }

    @Test
    void aRectificationNamesTheFieldsItCorrectsNeverTheirValues() throws Exception {
        Confirmation c = write(RequestType.RECTIFICATION);

        assertThat(Confirmation.text(c.html())).contains("U vroeg ons deze gegevens te corrigeren: e-mailadres, postadres.",
                "You asked us to correct these data: e-mail address, postal address.");
        assertThat(c.json().at("/particulars/correctedFields")).extracting(JsonNode::asText).containsExactly("email", "address");
        assertThat(c.json().toString()).doesNotContain(Fixtures.NEW_EMAIL, Fixtures.NEW_ADDRESS.street());
    }

    @Test
    void aRectificationOfEveryFieldNamesThemAllInTheRequestFilesOrder() throws Exception {
        Particulars all = new Particulars(new Particulars.Changes(Fixtures.NEW_EMAIL, "Johannes", "Jansen-de Vries",
                Fixtures.NEW_PHONE, Fixtures.NEW_ADDRESS, Fixtures.RECEIVED.plusHours(2)), null, null, null);

        Confirmation c = write(RequestType.RECTIFICATION, all, List.of());

        assertThat(Confirmation.text(c.html())).contains("e-mailadres, voornaam, achternaam, telefoonnummer, postadres",
                "e-mail address, first name, last name, phone number, postal address")
                .doesNotContain("Johannes", "de Vries", Fixtures.NEW_PHONE);
    }

    @Test
    void aBookedInvoiceARectificationLeavesUnchangedIsSaidSoWithItsLaw() throws Exception {
        ProcessorResult moneybird = Fixtures.result("moneybird", "Moneybird", Fixtures.facts("Moneybird B.V.", "NL", "processor"),
                Outcome.PARTIAL, null, List.of(Fixtures.bookedInvoice("2024-0001", LocalDate.of(2024, 11, 3),
                        LocalDate.of(2031, 12, 31))), "done: update-contact 1x; retained: 1");

        Confirmation c = write(RequestType.RECTIFICATION, Fixtures.particulars(RequestType.RECTIFICATION), List.of(moneybird));

        assertThat(c.recipientText("Moneybird")).contains("deels gecorrigeerd: hieronder staat wat zo blijft en waarom",
                "Ongewijzigd gelaten omdat de wet ons dat verplicht", "Left unchanged because the law obliges us to",
                "verkoopfactuur 2024-0001", "AWR art. 52 lid 4", "Ongewijzigd bewaard tot en met", "31 december 2031")
                .doesNotContain("Bewaard omdat de wet", "Verwijdering gepland");
    }

    @Test
    void aRestrictionGivesItsReasonInWordsWithItsArticle() throws Exception {
        Confirmation c = write(RequestType.RESTRICTION);

        assertThat(Confirmation.text(c.html())).contains("De reden van de beperking: u betwist de juistheid van uw gegevens;"
                + " de beperking geldt zolang wij die juistheid nagaan (artikel 18 lid 1 onder a).",
                "The reason for the restriction: you contest the accuracy of your data; the restriction holds while we verify"
                        + " it (article 18(1)(a)).");
        assertThat(c.json().at("/particulars/restrictionReason").asText()).isEqualTo("accuracy-contested");
    }

    @Test
    void aRestrictionSaysTheDataAreOnlyStoredAndTheSubjectIsToldBeforeItIsLifted() throws Exception {
        Confirmation c = write(RequestType.RESTRICTION);

        assertThat(Confirmation.text(c.html())).contains("worden uw gegevens alleen nog bewaard", "your data are only stored",
                "(artikel 18 lid 2)", "Voordat de beperking wordt opgeheven, laten wij het u weten (artikel 18 lid 3).",
                "Before the restriction is lifted, we will let you know (article 18(3)).");
        assertThat(c.json().at("/particulars/subjectToldBeforeLifting").asBoolean()).isTrue();
    }

    @Test
    void aRecipientWithoutMeansToRestrictThatWasToldByLetterIsListedWithItsReply() throws Exception {
        ProcessorResult byLetter = new ProcessorResult("sendcloud", "SendCloud", Fixtures.facts("Sendcloud B.V.", "NL", "processor"),
                Outcome.RETAINED, Fixtures.RECEIVED.plusHours(2), Fixtures.RECEIVED.plusDays(4), "reply received",
                List.of(new Retention(Retention.Kind.NO_LEGAL_DUTY, "parcel", "184729301", LocalDate.of(2026, 10, 2),
                        new Retention.Words("pakket", "parcel"), null, new Retention.Words(
                        "de vervoerder kan een aangemelde zending niet meer tegenhouden",
                        "the carrier cannot stop a parcel that was announced"), null, null, null, null)), null,
                PlainWords.summary(Outcome.RETAINED, PlainWords.Path.LETTER, List.of(), RequestType.RESTRICTION, false,
                        Fixtures.RECEIVED.plusHours(2)), true);

        Confirmation c = write(RequestType.RESTRICTION, Fixtures.particulars(RequestType.RESTRICTION), List.of(byLetter));

        assertThat(c.recipientText("SendCloud")).contains("niet beperkt: hieronder staat wat doorgaat en waarom",
                "Niet beperkt, zonder wettelijke plicht", "Not restricted, without a legal duty",
                "de vervoerder kan een aangemelde zending niet meer tegenhouden", "Op de hoogte gebracht 20 november 2026",
                "Datum uitkomst 24 november 2026");
        assertThat(Confirmation.text(c.html())).contains("Als u het niet eens bent met ons besluit");
    }

    @Test
    void aLiftingNamesTheRestrictionItEndsAndThatTheSubjectWasToldFirst() throws Exception {
        Confirmation c = write(RequestType.LIFT_RESTRICTION);

        assertThat(Confirmation.text(c.html())).contains("Deze opheffing beëindigt de beperking uit uw verzoek "
                + Fixtures.RESTRICTION_ID + ".", "This lifting ends the restriction of your request " + Fixtures.RESTRICTION_ID,
                "Wij hebben u dat vooraf laten weten (artikel 18 lid 3)", "We told you so beforehand (article 18(3))");
        assertThat(c.json().at("/particulars/endsRestrictionOf").asText()).isEqualTo(Fixtures.RESTRICTION_ID);
    }

    @Test
    void anObjectionToDirectMarketingSaysUnsubscribedEverywhereAndKeptOnTheSuppressionListAsAKeyedHash() throws Exception {
        Confirmation c = write(RequestType.OBJECTION);

        assertThat(Confirmation.text(c.html())).contains("Uw bezwaar betreft direct marketing (artikel 21 lid 2)",
                "wij hebben u laten afmelden bij iedere ontvanger die namens ons marketing verstuurt",
                "staat u op onze blokkeerlijst: niet met uw e-mailadres, maar alleen met een versleutelde code (een sleutel-hash)",
                "you are on our suppression list: not with your e-mail address, only with an encoded value (a keyed hash)");
        assertThat(c.json().at("/particulars/objection").asText()).isEqualTo("direct-marketing");
        assertThat(c.json().at("/particulars/suppressionList").asText()).isEqualTo("keyed-hash");
    }

    @Test
    void anObjectionOnParticularGroundsSaysTheyWereWeighedAndNeverRepeatsThem() throws Exception {
        Particulars grounds = new Particulars(null, null, null, new Particulars.Objection(
                Particulars.Objection.PARTICULAR_SITUATION, Fixtures.SUBJECTS_GROUNDS));

        Confirmation c = write(RequestType.OBJECTION, grounds, List.of());

        assertThat(Confirmation.text(c.html())).contains("Uw bezwaar berust op uw bijzondere situatie (artikel 21 lid 1).")
                .doesNotContain("blokkeerlijst", "suppression list", Fixtures.SUBJECTS_GROUNDS);
        assertThat(c.json().toString()).doesNotContain(Fixtures.SUBJECTS_GROUNDS);
        assertThat(c.json().at("/particulars/suppressionList").isNull()).isTrue();
    }

    @Test
    void anErasureSaysNothingInParticular() throws Exception {
        new ConfirmationWriter().write(Fixtures.request(RequestType.ERASURE), List.of(), Fixtures.COMPLETED, outbox);

        Confirmation c = Confirmation.in(outbox);
        assertThat(c.json().get("particulars").isNull()).isTrue();
        assertThat(c.html()).doesNotContain("class=\"particular\"");
    }
}
