package nl.dsrhub.mail;

import java.util.ArrayList;
import java.util.List;
import nl.dsrhub.request.RequestConfirmations;
import nl.dsrhub.request.RequestConfirmations.Result;

/**
 * An allow-listed officer's mail carrying confirmation codes (usually a reply to the hub's confirmation
 * request, which quotes the code): each code confirms the held request it was mailed for. The code alone
 * proves that its reader has the officer's mailbox, so this mail needs no authentication of its own. A wrong,
 * used or expired code confirms nothing and is answered with why, without naming any request.
 */
public final class ConfirmationReplies {

    public static final String CONFIRMED_BY_REPLY = "by reply";

    private final RequestConfirmations confirmations;

    public ConfirmationReplies(RequestConfirmations confirmations) {
        this.confirmations = confirmations;
    }

    public MailIntake.Answer answer(List<String> codes) {
        StringBuilder text = new StringBuilder();
        List<String> confirmed = new ArrayList<>();
        for (String code : codes) {
            Result r = confirmations.confirmByCode(code, CONFIRMED_BY_REPLY);
            if (r.kind() == RequestConfirmations.Kind.CONFIRMED) {
                confirmed.add(r.requestId());
            }
            text.append(line(r)).append("\n\n");
        }
        int refused = codes.size() - confirmed.size();
        String subject = refused == 0
                ? "Verzoek bevestigd / Request confirmed: " + String.join(", ", confirmed)
                : confirmed.isEmpty() ? "Niets bevestigd / Nothing confirmed" : "Deels bevestigd / Partly confirmed";
        return new MailIntake.Answer(subject, text.toString(), confirmed,
                "confirmation: " + confirmed.size() + " confirmed, " + refused + " refused");
    }

    private static String line(Result r) {
        return switch (r.kind()) {
            case CONFIRMED -> "Bevestigd: verzoek " + r.requestId() + " wordt nu uitgevoerd.\n"
                    + "Confirmed: request " + r.requestId() + " is being carried out now.";
            case USED_CODE -> "Deze code is al gebruikt; er is niets bevestigd.\nThis code was used already; nothing was confirmed.";
            case EXPIRED_CODE -> "Deze code is verlopen; er is niets bevestigd. Bevestig het verzoek op het dashboard of met "
                    + "'confirm', of mail het opnieuw voor een nieuwe code.\n"
                    + "This code has expired; nothing was confirmed. Confirm the request on the dashboard or with 'confirm', "
                    + "or mail it again for a new code.";
            case NOT_HELD -> "Het verzoek van deze code wacht niet meer op bevestiging (al bevestigd of verwijderd); er is niets veranderd.\n"
                    + "The request of this code no longer awaits confirmation (confirmed or discarded already); nothing was changed.";
            default -> "Deze code is niet geldig (een opnieuw gemaild verzoek krijgt een nieuwe code); er is niets bevestigd.\n"
                    + "This code is not valid (a request mailed again gets a new code); nothing was confirmed.";
        };
    }
}
