package nl.dsrhub.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.model.Retention.Words;
import nl.dsrhub.testing.SubjectText;
import org.junit.jupiter.api.Test;

/** What a recipient did, in the subject's words, for each type: never an erasure's words for another type's work. */
class PlainWordsTest {

    private static Words said(Outcome outcome, PlainWords.Path path, RequestType type) {
        return PlainWords.summary(outcome, path, List.of(), type, false, Fixtures.RECEIVED);
    }

    @Test
    void aRectificationSettledByHandAsPartlyDoneSaysPartlyCorrectedNeverErased() {
        Words w = said(Outcome.PARTIAL, PlainWords.Path.BY_HAND, RequestType.RECTIFICATION);

        assertThat(w.nl()).isEqualTo("Volgens onze contactpersoon voor privacyzaken, bij deze ontvanger: deels gecorrigeerd:"
                + " hieronder staat wat zo blijft en waarom.");
        assertThat(w.en()).contains("partly corrected").doesNotContain("erased");
    }

    @Test
    void anErasureDoneInPartWithoutStepsOfOursStillSaysPartOfTheDataWasErased() {
        assertThat(said(Outcome.PARTIAL, PlainWords.Path.LETTER, RequestType.ERASURE).en())
                .isEqualTo("This recipient told us by e-mail that part of your data was erased.");
    }

    @Test
    void aRestrictionARecipientConfirmedByMailSaysItsReplyInTheTypesWords() {
        Words w = said(Outcome.RESTRICTED, PlainWords.Path.LETTER, RequestType.RESTRICTION);

        assertThat(w.nl()).isEqualTo("Deze ontvanger heeft ons per e-mail geantwoord: verwerking beperkt: uw gegevens worden"
                + " alleen nog bewaard.");
        assertThat(w.en()).isEqualTo("This recipient replied to us by e-mail: processing restricted: your data are only stored.");
    }

    @Test
    void aRecipientStillToAnswerALiftingIsSaidToHaveBeenAskedToLiftIt() {
        assertThat(said(Outcome.AWAITING_REPLY, PlainWords.Path.LETTER, RequestType.LIFT_RESTRICTION).nl())
                .isEqualTo("Wij hebben deze ontvanger op 20 november 2026 per e-mail gevraagd de beperking van de verwerking op"
                        + " te heffen; zijn antwoord hebben wij nog niet.");
    }

    @Test
    void noTypesDoneReadsAsTheOfficersDetail() {
        for (RequestType type : RequestType.values()) {
            for (PlainWords.Path path : PlainWords.Path.values()) {
                Words w = said(type.done(), path, type);
                assertThat(SubjectText.jargon(w.nl() + " " + w.en(), List.of())).as(type + " " + path).isEmpty();
            }
        }
    }
}
