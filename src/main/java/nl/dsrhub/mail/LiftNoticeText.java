package nl.dsrhub.mail;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.text.SingleLine;

/**
 * The notice that tells the subject a restriction of processing will be lifted, before it is (art. 18(3) GDPR): in
 * plain Dutch, then English, with the reason the lifting request gives and the date from which it may be lifted. It
 * goes to the representative when one made the request, and says so. Mails it as text: nothing of the person but what
 * they told us themselves.
 */
public record LiftNoticeText(String subject, String text) {

    private static final DateTimeFormatter NL = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl-NL"));
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /**
     * @param lift     the lifting request (its reason, its subject and representative)
     * @param from     the first day the restriction may be lifted: the notice plus its period
     * @param shop     the controller, who signs it and whom the subject answers
     */
    public static LiftNoticeText of(DsrRequest lift, LocalDate from, Controller shop) {
        String restriction = lift.particulars().lift().restrictionRequestId();
        String reason = SingleLine.of(lift.particulars().lift().reason()).strip();
        String contact = shop.privacyEmail().isEmpty() ? "" : " (" + shop.privacyEmail() + ")";
        String nl = "Beste heer of mevrouw,\n\n"
                + onBehalf(lift, true)
                + "Op uw verzoek hebben wij de verwerking van uw persoonsgegevens beperkt (artikel 18 AVG; ons kenmerk "
                + restriction + "): wij bewaren uw gegevens, maar gebruiken ze niet.\n\n"
                + "Wij heffen die beperking op, niet eerder dan op " + NL.format(from) + ".\n"
                + "De reden: " + reason + "\n\n"
                + "Daarna gebruiken wij uw gegevens weer zoals vóór de beperking. Dat laten wij u vooraf weten, zoals de wet"
                + " vraagt (artikel 18, lid 3, AVG). Bent u het er niet mee eens, antwoord dan vóór die datum op dit bericht"
                + contact + ". U kunt ook een klacht indienen bij de Autoriteit Persoonsgegevens.\n\n"
                + "Met vriendelijke groet,\n" + shop.name() + "\n\n";
        String en = "Dear Sir or Madam,\n\n"
                + onBehalf(lift, false)
                + "At your request we restricted the processing of your personal data (article 18 GDPR; our reference "
                + restriction + "): we keep your data, but do not use them.\n\n"
                + "We will lift that restriction, not before " + EN.format(from) + ".\n"
                + "The reason: " + reason + "\n\n"
                + "After that we use your data again as before the restriction. We tell you this beforehand, as the law"
                + " requires (article 18(3) GDPR). If you disagree, please answer this message before that date" + contact
                + ". You can also lodge a complaint with the Dutch supervisory authority, the Autoriteit Persoonsgegevens.\n\n"
                + "Kind regards,\n" + shop.name() + "\n";
        return new LiftNoticeText("Opheffing van de beperking van uw gegevens / Lifting of the restriction of your data",
                nl + "----\n\n" + en);
    }

    private static String onBehalf(DsrRequest lift, boolean dutch) {
        if (!lift.byRepresentative()) {
            return "";
        }
        var as = lift.representative().addressedAs();
        return dutch ? "U ontvangt dit bericht " + as.nl() + ".\n\n" : "You receive this message " + as.en() + ".\n\n";
    }
}
