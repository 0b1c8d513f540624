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
