package nl.dsrhub.result;

import static org.assertj.core.api.Assertions.assertThat;

import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.RequestType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The mail that carries a confirmation says what its type is, and never more than the attachment: a rectification in
 * which something stayed unchanged is not "your data were corrected". What a refusal's letter says was done already is
 * the type's own done, never an erasure's alone.
 */
class ConfirmationMailTest {

    @Test
    void eachTypesMailHasItsOwnSubjectLine() {
        assertThat(ResultWriters.installed().of(RequestType.RECTIFICATION).mail(false).subject())
                .isEqualTo("Bevestiging van rectificatie / Rectification confirmation");
        assertThat(ResultWriters.installed().of(RequestType.RESTRICTION).mail(false).subject())
                .isEqualTo("Bevestiging van beperking van de verwerking / Confirmation of restriction of processing");
        assertThat(ResultWriters.installed().of(RequestType.LIFT_RESTRICTION).mail(false).subject())
                .isEqualTo("Bevestiging van opheffing van de beperking / Confirmation of the lifting of the restriction");
        assertThat(ResultWriters.installed().of(RequestType.OBJECTION).mail(false).subject())
                .isEqualTo("Bevestiging van uw bezwaar / Confirmation of your objection");
        assertThat(ResultWriters.installed().of(RequestType.ERASURE).mail(false).subject())
                .isEqualTo("Bevestiging van wissen / Erasure confirmation");
    }

    @Test
    void aRectificationThatLeftSomethingUnchangedSaysSoAndNeverThatTheDataWereCorrected() {
        SubjectMails.Mail mail = ResultWriters.installed().of(RequestType.RECTIFICATION).mail(true);

        assertThat(mail.subject()).isEqualTo("Uw verzoek om rectificatie / Your request for rectification");
        assertThat(mail.text()).contains("Niet alles is gecorrigeerd", "Not everything was corrected",
                "wat ongewijzigd is gebleven en waarom", "what you can do if you disagree")
                .doesNotContain("zijn gecorrigeerd", "were corrected", "have been corrected");
    }

    @ParameterizedTest
    @EnumSource(names = {"RECTIFICATION", "RESTRICTION", "LIFT_RESTRICTION", "OBJECTION"})
    void aMailWhenAllWasDoneClaimsNoOutcomeTheAttachmentDoesNotGiveRecipientByRecipient(RequestType type) {
        SubjectMails.Mail mail = ResultWriters.installed().of(type).mail(false);

        // all done may be "no data found" everywhere: the mail points to the attachment, recipient by recipient
        assertThat(mail.text()).contains("In de bijlage", "per ontvanger", "Attached", "for each recipient")
                .doesNotContain("Niet ", "not everything", "disagree");
        assertThat(mail.text().indexOf("In de bijlage")).isLessThan(mail.text().indexOf("Attached"));
    }

    @ParameterizedTest
    @EnumSource(names = {"RECTIFICATION", "RESTRICTION", "LIFT_RESTRICTION", "OBJECTION"})
    void aMailWhenSomethingWasNotDonePointsToTheReasonsAndTheRemedies(RequestType type) {
        SubjectMails.Mail mail = ResultWriters.installed().of(type).mail(true);

        assertThat(mail.text()).contains("waarom", "wat u kunt doen als u het er niet mee eens bent", "why",
                "what you can do if you disagree");
    }

    @Test
    void aRestrictionsMailSaysTheSubjectIsToldBeforeItIsLifted() {
        assertThat(ResultWriters.installed().of(RequestType.RESTRICTION).mail(false).text())
                .contains("Voordat de beperking wordt opgeheven, laten wij het u weten.",
                        "Before the restriction is lifted, we will let you know.");
    }

    @Test
    void aRefusalsLetterCountsWhatTheTypeCallsDoneAsDoneAlready() {
        assertThat(RefusalLetter.didSomething(RequestType.RECTIFICATION, Outcome.RECTIFIED)).isTrue();
        assertThat(RefusalLetter.didSomething(RequestType.OBJECTION, Outcome.OPTED_OUT)).isTrue();
        assertThat(RefusalLetter.didSomething(RequestType.RESTRICTION, Outcome.PARTIAL)).isTrue();
        assertThat(RefusalLetter.didSomething(RequestType.ERASURE, Outcome.ERASED)).isTrue();
        assertThat(RefusalLetter.didSomething(RequestType.RECTIFICATION, Outcome.NOT_FOUND)).isFalse();
        assertThat(RefusalLetter.didSomething(RequestType.EXPORT, Outcome.EXPORTED)).as("nothing is sent of an export").isFalse();
    }
}
