package nl.dsrhub.mail;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import nl.dsrhub.request.ConfirmationCodes;
import nl.dsrhub.request.RequestConfirmations;
import nl.dsrhub.store.RequestStore;

/**
 * The held requests of one officer's mail, and the answer asking the officer to confirm them: per request
 * its id, type, reference and deadline (nothing about the subject beyond what the officer sent) and a
 * one-time code. The answer goes to the From address, which is allow-listed: whoever forged it never sees it.
 */
final class HeldRequests {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

    private final RequestConfirmations confirmations;
    private final List<String> held = new java.util.ArrayList<>();
    private OffsetDateTime expires;

    HeldRequests(RequestConfirmations confirmations) {
        this.confirmations = confirmations;
    }

    /**
     * Writes a held request's part of the answer. An authenticated mail repeating a held request confirms it:
     * then its id is returned, to plan.
     */
    Optional<String> take(StringBuilder text, String name, RequestStore.RequestRow row, boolean duplicate,
                          SenderAuthentication.Verdict sender) {
        if (duplicate && sender.authenticated()) {
            RequestConfirmations.Result r = confirmations.confirm(row.id(), "by an authenticated mail (" + sender.detail() + ")");
            text.append(name).append(": al ontvangen, nu bevestigd / already received, now confirmed")
                    .append("\n  verzoek / request: ").append(row.id())
                    .append("\n  termijn / deadline: ").append(row.dueDate()).append("\n\n");
            return r.done() ? Optional.of(row.id()) : Optional.empty();
        }
        ConfirmationCodes.Issued code = confirmations.issueCode(row.id());
        held.add(row.id());
        expires = code.expiresAt();
        text.append(name).append(": ").append(duplicate
                        ? "al ontvangen, wacht op uw bevestiging; een nieuwe code (de vorige werkt niet meer) / already received, "
                        + "awaiting your confirmation; a new code (the earlier one no longer works)"
                        : "ontvangen, wacht op uw bevestiging / received, awaiting your confirmation")
                .append("\n  verzoek / request: ").append(row.id())
                .append("\n  soort / type: ").append(row.type());
        if (row.reference() != null) {
            text.append("\n  referentie / reference: ").append(row.reference());
        }
        text.append("\n  termijn / deadline: ").append(row.dueDate())
                .append("\n  bevestigingscode / confirmation code: ").append(code.code()).append("\n\n");
        return Optional.empty();
    }

    boolean any() {
        return !held.isEmpty();
    }

    MailIntake.Answer answer(String text, List<String> toPlan, int accepted, int rejected) {
        String until = WHEN.format(expires);
        String intro = """
                Deze e-mail is niet geverifieerd: uw mailserver heeft niet bevestigd dat hij van u komt (DKIM/DMARC). \
                Daarom is er nog niets naar een verwerker gestuurd. Stuurde u het verzoek hieronder? Beantwoord dan deze \
                e-mail met de code erin (een gewoon antwoord citeert hem), uiterlijk %1$s; of bevestig het op het dashboard \
                of met 'confirm ID'. Stuurde u het niet, verwijder het dan op het dashboard of met 'discard ID': er wordt \
                niets verstuurd en de gegevens worden gewist. De termijn loopt vanaf de ontvangst.

                This mail is not authenticated: your mail server did not vouch that it comes from you (DKIM/DMARC). So \
                nothing has been sent to any processor yet. Did you send the request below? Then reply to this mail with \
                the code in it (a plain reply quotes it) by %1$s; or confirm it on the dashboard or with 'confirm ID'. If \
                you did not send it, discard it on the dashboard or with 'discard ID': nothing is sent and its data are \
                deleted. Its deadline runs from its receipt.

                """.formatted(until);
        String subject = held.size() == 1 ? "Bevestig uw verzoek / Confirm your request: " + held.get(0)
                : "Bevestig uw verzoeken / Confirm your requests";
        return new MailIntake.Answer(subject, intro + text, toPlan,
                accepted + " accepted (held for confirmation: " + String.join(", ", held) + "), " + rejected + " rejected");
    }
}
