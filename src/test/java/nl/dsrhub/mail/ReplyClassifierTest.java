package nl.dsrhub.mail;

import static org.assertj.core.api.Assertions.assertThat;

import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.RequestType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyClassifierTest {

    private final ReplyClassifier classifier = new ReplyClassifier();

    @ParameterizedTest
    @ValueSource(strings = {
            "Wij hebben geen gegevens van deze persoon.",
            "Deze persoon is bij ons niet bekend.",
            "We do not hold any personal data on this person.",
            "No records found for the given e-mail address."})
    void noDataRepliesCloseTheTaskAsNotFound(String reply) {
        assertThat(classifier.classify(RequestType.ERASURE, reply, 0).outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(classifier.classify(RequestType.EXPORT, reply, 0).outcome()).isEqualTo(Outcome.NOT_FOUND);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "De gegevens zijn verwijderd.",
            "Wij hebben alle gegevens van de klant gewist.",
            "All personal data have been permanently deleted.",
            "We erased the account today."})
    void plainErasureConfirmationsCloseAnErasureAsErased(String reply) {
        assertThat(classifier.classify(RequestType.ERASURE, reply, 0).outcome()).isEqualTo(Outcome.ERASED);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "We cannot delete the invoices: we must retain them for 7 years.",
            "De gegevens zijn verwijderd, behalve de facturen (bewaarplicht).",
            "The data were not deleted.",
            "Thank you, we will look into it.",
            ""})
    void reservationsRefusalsAndVagueAnswersAreLeftToTheOfficer(String reply) {
        ReplyClassifier.Verdict v = classifier.classify(RequestType.ERASURE, reply, 0);
        assertThat(v.outcome()).isEqualTo(Outcome.NEEDS_ATTENTION);
        assertThat(v.detail()).isEqualTo("reply received, unclear: settle by hand");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "De gegevens zijn gecorrigeerd.",
            "Wij hebben het adres en het e-mailadres aangepast.",
            "The customer's details have been updated.",
            "We corrected the address today."})
    void plainCorrectionsCloseARectificationAsRectified(String reply) {
        assertThat(classifier.classify(RequestType.RECTIFICATION, reply, 0))
                .isEqualTo(new ReplyClassifier.Verdict(Outcome.RECTIFIED, "the processor replied that it corrected the data"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "De verwerking is beperkt: de klant is gemarkeerd.",
            "Wij hebben de gegevens geblokkeerd voor verder gebruik.",
            "Processing of the data has been restricted.",
            "We restricted the account."})
    void plainRestrictionsCloseARestrictionAsRestricted(String reply) {
        assertThat(classifier.classify(RequestType.RESTRICTION, reply, 0).outcome()).isEqualTo(Outcome.RESTRICTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "De beperking is opgeheven.",
            "The restriction has been lifted."})
    void plainLiftingsCloseALiftingAsLifted(String reply) {
        assertThat(classifier.classify(RequestType.LIFT_RESTRICTION, reply, 0).outcome()).isEqualTo(Outcome.LIFTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "De betrokkene is afgemeld voor alle nieuwsbrieven.",
            "Wij hebben het adres uitgeschreven.",
            "The address has been unsubscribed from all lists.",
            "We have opted out the contact."})
    void plainUnsubscriptionsCloseAnObjectionAsOptedOut(String reply) {
        assertThat(classifier.classify(RequestType.OBJECTION, reply, 0).outcome()).isEqualTo(Outcome.OPTED_OUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Wij kunnen de gegevens niet aanpassen.",
            "Het adres is aangepast; de geboekte facturen blijven ongewijzigd.",
            "The address was updated, except on invoices (legal obligation).",
            "The data were not changed."})
    void aCorrectionWithAReservationIsLeftToTheOfficer(String reply) {
        assertThat(classifier.classify(RequestType.RECTIFICATION, reply, 0).outcome()).isEqualTo(Outcome.NEEDS_ATTENTION);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Wij kunnen de verwerking niet beperken: wij hebben daar geen middel voor.",
            "The data have been restricted, but the payments remain under our legal obligation."})
    void aRestrictionWithAReservationIsLeftToTheOfficer(String reply) {
        assertThat(classifier.classify(RequestType.RESTRICTION, reply, 0).outcome()).isEqualTo(Outcome.NEEDS_ATTENTION);
    }

    @Test
    void aReplyThatSaysAnotherTypesDoneClosesNothing() {
        assertThat(classifier.classify(RequestType.RECTIFICATION, "De gegevens zijn verwijderd.", 0).outcome())
                .isEqualTo(Outcome.NEEDS_ATTENTION);
        assertThat(classifier.classify(RequestType.ERASURE, "De gegevens zijn gecorrigeerd.", 0).outcome())
                .isEqualTo(Outcome.NEEDS_ATTENTION);
        assertThat(classifier.classify(RequestType.OBJECTION, "The restriction has been lifted.", 0).outcome())
                .isEqualTo(Outcome.NEEDS_ATTENTION);
    }

    @Test
    void noDataClosesATaskOfEveryTypeAsNotFound() {
        for (RequestType type : RequestType.values()) {
            assertThat(classifier.classify(type, "Wij hebben geen gegevens van deze persoon.", 0).outcome()).as(type.wire())
                    .isEqualTo(Outcome.NOT_FOUND);
        }
    }

    @Test
    void ourOwnQuotedRestrictionLetterIsNotReadAsTheAnswer() {
        String reply = """
                Bedankt, we kijken ernaar.

                Op 20 nov. 2026 om 10:00 schreef dsr-hub <dsr-hub@shop.example.nl>:
                > Bevestig per e-mail dat de verwerking is beperkt en hoe.
                """;
        assertThat(classifier.classify(RequestType.RESTRICTION, reply, 0).outcome()).isEqualTo(Outcome.NEEDS_ATTENTION);
    }

    @Test
    void attachmentsAnswerAnExportButAnErasureConfirmationAnswersNoExport() {
        assertThat(classifier.classify(RequestType.EXPORT, "Zie bijlage.", 2).outcome()).isEqualTo(Outcome.EXPORTED);
        assertThat(classifier.classify(RequestType.EXPORT, "De gegevens zijn verwijderd.", 0).outcome())
                .isEqualTo(Outcome.NEEDS_ATTENTION);
    }

    @Test
    void ourOwnQuotedLetterIsNotReadAsTheAnswer() {
        String reply = """
                Dank voor uw bericht.

                Op 20 nov. 2026 om 10:00 schreef dsr-hub <dsr-hub@shop.example.nl>:
                > Bevestig na het wissen dat de gegevens zijn verwijderd, of dat u geen gegevens heeft.
                """;
        assertThat(classifier.classify(RequestType.ERASURE, reply, 0).outcome()).isEqualTo(Outcome.NEEDS_ATTENTION);
        assertThat(classifier.classify(RequestType.ERASURE, "> the data have been deleted\nok", 0).outcome())
                .isEqualTo(Outcome.NEEDS_ATTENTION);
    }
}
