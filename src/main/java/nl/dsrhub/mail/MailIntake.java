package nl.dsrhub.mail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import nl.dsrhub.request.ErrorReport;
import nl.dsrhub.request.Intake;
import nl.dsrhub.request.RequestConfirmations;
import nl.dsrhub.store.RequestStore;

/**
 * A request mailed by an allow-listed officer: each JSON/YAML attachment, or else a body written as the
 * YAML request itself (the same fields as a request file, starting at {@code type:}), is taken in exactly
 * as a dropped file by {@link Intake}. Anyone can write an officer's address in a From header, so a mail
 * that the officer's mail server did not authenticate is taken in held: validated and stored, nothing
 * planned, until the officer confirms it ({@link RequestConfirmations}). Says what to answer the officer: the
 * request id and deadline (and for a held request its one-time confirmation code), or every problem with the
 * same precise, value-free messages as the error report.
 */
public final class MailIntake {

    /** The answer to the officer, and the ids of newly stored requests to plan. */
    public record Answer(String subject, String text, List<String> toPlan, String outcome) {
    }

    private static final Pattern BODY_REQUEST = Pattern.compile("(?m)^\\s*type\\s*:");

    private final Intake intake;
    private final RequestStore requests;
    private final RequestConfirmations confirmations;
    private final long maxBytes;

    public MailIntake(Intake intake, RequestStore requests, RequestConfirmations confirmations, long maxBytes) {
        this.intake = intake;
        this.requests = requests;
        this.confirmations = confirmations;
        this.maxBytes = maxBytes;
    }

    /** @param sender the verdict on the mail's From address: authenticated requests are planned at once, others held */
    public Answer take(IncomingMail mail, SenderAuthentication.Verdict sender) {
        if (mail.tooLarge()) {
            return new Answer("Verzoek niet verwerkt / Request not taken in",
                    "Uw e-mail is groter dan " + maxBytes + " bytes en is niet gelezen. Stuur alleen het verzoekbestand.\n"
                            + "Your mail is larger than " + maxBytes + " bytes and was not read. Send the request file alone.\n",
                    List.of(), "rejected: mail too large");
        }
        List<Candidate> candidates = candidates(mail);
        if (candidates.isEmpty()) {
            return new Answer("Geen verzoek gevonden / No request found",
                    "Deze e-mail bevat geen verzoek. Voeg het verzoek toe als .json- of .yaml-bestand, of schrijf het als YAML "
                            + "in de tekst (beginnend met 'type:').\n"
                            + "This mail holds no request. Attach the request as a .json or .yaml file, or write it as YAML in "
                            + "the body (starting with 'type:').\n",
                    List.of(), "rejected: no request in the mail");
        }
        RequestStore.Admission admission = sender.authenticated() ? RequestStore.Admission.authenticated(sender.detail())
                : RequestStore.Admission.held(sender.detail() + "; nothing goes to a processor until the officer confirms it");
        HeldRequests held = new HeldRequests(confirmations);
        StringBuilder text = new StringBuilder();
        List<String> toPlan = new ArrayList<>();
        int accepted = 0;
        int rejected = 0;
        for (Candidate c : candidates) {
            if (c.truncated) {
                rejected++;
                text.append(c.name).append(": groter dan / larger than ").append(maxBytes).append(" bytes: niet gelezen / not read\n\n");
                continue;
            }
            Intake.Result r = intake.accept(c.name, c.content, admission);
            if (r.accepted()) {
                accepted++;
                var row = requests.row(r.requestId()).orElseThrow();
                if (RequestStore.AWAITING_CONFIRMATION.equals(row.status())) {
                    held.take(text, c.name, row, r.duplicate(), sender).ifPresent(toPlan::add);
                    continue;
                }
                text.append(c.name).append(": ").append(r.duplicate() ? "al ontvangen / already received" : "ontvangen / received")
                        .append("\n  verzoek / request: ").append(r.requestId())
                        .append("\n  termijn / deadline: ").append(row.dueDate()).append("\n\n");
                if (!r.duplicate()) {
                    toPlan.add(r.requestId());
                }
            } else {
                rejected++;
                text.append(c.name).append(": niet aangenomen / rejected (").append(r.problems().size()).append(")\n");
                r.problems().forEach(p -> text.append("  ").append(ErrorReport.describe(p)).append('\n'));
                text.append('\n');
            }
        }
        if (held.any()) {
            return held.answer(text.toString(), toPlan, accepted, rejected);
        }
        String subject = rejected == 0 ? "Verzoek ontvangen / Request received" + (toPlan.size() == 1 ? ": " + toPlan.get(0) : "")
                : accepted == 0 ? "Verzoek afgewezen / Request rejected" : "Deels ontvangen / Partly received";
        return new Answer(subject, text.toString(), toPlan, accepted + " accepted, " + rejected + " rejected");
    }

    private record Candidate(String name, byte[] content, boolean truncated) {
    }

    /** Request files get neutral names: an attachment's own name may name the person. */
    private static List<Candidate> candidates(IncomingMail mail) {
        List<Candidate> out = new ArrayList<>();
        for (IncomingMail.FilePart f : mail.attachments()) {
            String lower = f.name().toLowerCase(Locale.ROOT);
            String ext = lower.endsWith(".json") ? ".json" : lower.endsWith(".yaml") ? ".yaml" : lower.endsWith(".yml") ? ".yml" : null;
            if (ext != null) {
                out.add(new Candidate("mail-attachment-" + (out.size() + 1) + ext, f.content(), f.truncated()));
            }
        }
        if (out.isEmpty() && BODY_REQUEST.matcher(mail.text()).find()) {
            out.add(new Candidate("mail-body.yaml", mail.text().strip().getBytes(StandardCharsets.UTF_8), false));
        }
        return out;
    }
}
