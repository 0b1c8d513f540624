package nl.dsrhub.result;

import java.time.LocalDate;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.model.RequestType;

/**
 * The mails the data subject receives with their answer, in plain Dutch then English: what is attached and what it
 * means for them. One place, so every one can be read as the subject reads it (a confirmation's mail with the rest of
 * its type's words, in {@code text/confirmations.yaml}); the attachment says the rest. None claims more than the
 * attachment does: a confirmation in which something was not erased is not "your data were erased".
 */
public final class SubjectMails {

    /** A mail in both languages: its subject line is "Dutch / English", its text the Dutch part, then the English. */
    public record Mail(String subjectNl, String subjectEn, String nl, String en) {
        public String subject() {
            return subjectNl + " / " + subjectEn;
        }

        public String text() {
            return nl + en;
        }

        /**
         * The mail as {@code request}'s addressee gets it: a representative is first told in what capacity they receive
         * it and on whose behalf (without naming the subject: a mail can be forwarded); the subject gets it as it is.
         */
        public Mail to(DsrRequest request) {
            if (!request.byRepresentative()) {
                return this;
            }
            nl.dsrhub.model.Retention.Words as = request.representative().addressedAs();
            return new Mail(subjectNl, subjectEn, "U ontvangt deze e-mail " + as.nl() + ".\n\n" + nl,
                    "You receive this e-mail " + as.en() + ".\n\n" + en);
        }
    }

    private SubjectMails() {
    }

    /** The bundle of an access request, encrypted; the passphrase comes separately. */
    public static Mail bundle() {
        return new Mail("Uw gegevens", "Your data",
                "In de bijlage vindt u een kopie van uw gegevens, versleuteld (AES-256). Het wachtwoord krijgt u apart van ons.\n",
                "Attached is a copy of your data, encrypted (AES-256). You will receive the passphrase from us separately.\n");
    }

    /**
     * The confirmation of a request that changes data, in its type's words ({@code text/confirmations.yaml}): an
     * erasure's, a rectification's, a restriction's, its lifting's, an objection's.
     *
     * @param notAllDone some recipient did none or part of it (RETAINED or PARTIAL): said so, with the remedies in the
     *                   attachment; never "your data were corrected" when something was left unchanged
     */
    public static Mail confirmation(RequestType type, boolean notAllDone) {
        ConfirmationWords.MailWords words = ConfirmationWords.of(type).mail();
        ConfirmationWords.Mail mail = notAllDone ? words.notAllDone() : words.done();
        return new Mail(mail.subject().nl(), mail.subject().en(), mail.text().nl() + "\n", mail.text().en() + "\n");
    }

    /** An answer so far (art. 12(3)): not every recipient has answered by {@code due}; the complete answer follows. */
    /** @param encrypted the attachment holds the person's data, AES-256 encrypted, the passphrase apart */
    public static Mail interim(boolean encrypted, LocalDate due) {
        return new Mail("Tussentijds antwoord op uw verzoek", "Interim answer to your request",
                "Wij hebben nog niet van alle ontvangers antwoord op uw verzoek. In de bijlage vindt u ons antwoord tot nu toe,"
                        + " met de ontvangers die nog niet hebben geantwoord. De uiterste datum voor ons antwoord is "
                        + Display.nlDate(due) + ". Zodra alle antwoorden binnen zijn, sturen wij u het volledige antwoord."
                        + (encrypted ? " De bijlage is versleuteld (AES-256); het wachtwoord krijgt u apart van ons." : "") + "\n\n",
                "Not every recipient has answered your request yet. Attached is our answer so far, naming the recipients"
                        + " that have not answered yet. The time limit for our answer is " + Display.enDate(due) + ". Once all"
                        + " answers are in, we send you the complete answer." + (encrypted ? " The attachment is encrypted (AES-256);"
                        + " you will receive the passphrase from us separately." : "") + "\n");
    }

    /** An extended deadline (art. 12(3)): the letter with the reason and the new date is attached. */
    public static Mail extension() {
        return new Mail("Verlenging van de termijn", "Extension of the time limit",
                "In de bijlage leest u waarom wij meer tijd nodig hebben om uw verzoek af te handelen, en tot wanneer.\n",
                "Attached you will find why we need more time to handle your request, and until when.\n");
    }

    /** A refusal (art. 12(4)): the letter with the reasons and the remedies is attached. */
    public static Mail refusal() {
        return new Mail("Ons besluit op uw verzoek", "Our decision on your request",
                "In de bijlage leest u ons besluit op uw verzoek: waarom wij het niet uitvoeren, en wat u kunt doen als u het er"
                        + " niet mee eens bent.\n",
                "Attached is our decision on your request: why we will not carry it out, and what you can do if you disagree.\n");
    }
}
