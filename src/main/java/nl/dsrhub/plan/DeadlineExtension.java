package nl.dsrhub.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nl.dsrhub.model.Deadlines;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.Jdbc;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.text.SingleLine;

/**
 * GDPR art. 12(3): the answer time may be extended once, by at most two further months, with the
 * reasons told to the subject within the first month. The months are counted from the original deadline
 * ({@link Deadlines#extended}: due 28 February, extended by two months, due 28 April). Records the extension and
 * the event, and writes the notice letter (NL/EN) into the request's outbox; mailing it is the delivery stage's job.
 */
public final class DeadlineExtension {

    public static final String LETTER = "extension-notice.html";

    private final RequestStore requests;
    private final EventLog events;
    private final Jdbc jdbc;
    private final Path outbox;
    private final Clock clock;

    public DeadlineExtension(RequestStore requests, EventLog events, Jdbc jdbc, Path outbox, Clock clock) {
        this.requests = requests;
        this.events = events;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Extends by 1 or 2 months; returns the letter written. */
    public Path extend(String requestId, int months, String reason) {
        if (months < 1 || months > 2) {
            throw new Settlement.Refused("an extension is 1 or 2 months (art. 12(3) allows at most two)");
        }
        if (reason == null || reason.isBlank()) {
            throw new Settlement.Refused("a reason is required to extend a deadline; it is told to the subject");
        }
        RequestStore.RequestRow r = requests.row(requestId).orElseThrow(() -> new Settlement.Refused("no request " + requestId));
        if (!RequestStore.isOpen(r.status())) {
            throw new Settlement.Refused("request " + requestId + " is already " + r.status().toLowerCase(java.util.Locale.ROOT));
        }
        // the register keeps the reason: one line, and nothing of the person
        String why = ExtensionReason.check(reason, requests.get(requestId));
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (now.isAfter(r.deadline())) {
            throw new Settlement.Refused("request " + requestId + " is overdue: an extension must be announced within the first month");
        }
        LocalDate newDue = Deadlines.extended(r.dueDate(), months);
        boolean done = jdbc.inTransaction(tx -> {
            int n = tx.update("UPDATE dsr_request SET original_deadline = deadline, original_due_date = due_date, deadline = ?, "
                            + "due_date = ?, extended_at = ?, extension_reason = ?, updated_at = ? "
                            + "WHERE id = ? AND extended_at IS NULL AND status NOT IN (?, ?, ?, ?)",
                    RequestStore.legacyDeadline(newDue), newDue, now, why, now,
                    requestId, RequestStore.COMPLETED, RequestStore.DISCARDED, RequestStore.CLOSED_INACTIVE, RequestStore.REFUSED);
            if (n == 1) {
                // the ledger's row keeps this line: the new deadline and the reason
                events.record(tx, requestId, null, "extended", "until " + newDue + ", extended by " + months
                        + " month(s); reason: " + why);
            }
            return n == 1;
        });
        if (!done) {
            throw new Settlement.Refused("the deadline of " + requestId + " was already extended once: art. 12(3) allows one extension");
        }
        // the notice says the reason in a sentence: the officer's text is on one line already (ExtensionReason)
        return writeLetter(r, newDue, SingleLine.of(why));
    }

    private Path writeLetter(RequestStore.RequestRow r, LocalDate newDue, String reason) {
        LocalDate receivedOn = Deadlines.dateOf(r.receivedAt());
        String received = receivedOn.format(DateTimeFormatter.ofPattern("d MMMM yyyy", new Locale("nl")));
        String until = newDue.format(DateTimeFormatter.ofPattern("d MMMM yyyy", new Locale("nl")));
        String receivedEn = receivedOn.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
        String untilEn = newDue.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
        // the request in the AVG's own terms
        nl.dsrhub.model.Retention.Words askedFor = nl.dsrhub.model.RequestType.fromWire(r.type()).words().askedFor();
        String kind = "uw verzoek " + askedFor.nl();
        String kindEn = "your request " + askedFor.en();
        String html = """
                <!doctype html>
                <html lang="nl"><head><meta charset="utf-8"><title>Verlenging termijn / Extension of the time limit</title></head>
                <body>
                <h1>Verlenging van de termijn voor uw verzoek</h1>
                <p>Op %s ontvingen wij %s (kenmerk %s).</p>
                <p>Wij verlengen de termijn om op uw verzoek te reageren tot uiterlijk <strong>%s</strong>, zoals artikel 12, lid 3
                van de AVG toestaat. De reden: %s</p>
                <p>U kunt een klacht indienen bij de Autoriteit Persoonsgegevens (autoriteitpersoonsgegevens.nl).</p>
                <hr>
                <h1 lang="en">Extension of the time limit for your request</h1>
                <p lang="en">On %s we received %s (reference %s).</p>
                <p lang="en">We extend the time to answer your request until <strong>%s</strong> at the latest, as article 12(3)
                GDPR allows. The reason: %s</p>
                <p lang="en">You may lodge a complaint with the Dutch Data Protection Authority (Autoriteit Persoonsgegevens).</p>
                </body></html>
                """.formatted(received, kind, r.id(), until, escape(reason), receivedEn, kindEn, r.id(), untilEn, escape(reason));
        try {
            Path dir = outbox.resolve(r.id());
            nl.dsrhub.files.PrivateFiles.folder(dir);
            Path tmp = dir.resolve("." + LETTER + ".tmp");
            nl.dsrhub.files.PrivateFiles.writeString(tmp, html);
            return Files.move(tmp, dir.resolve(LETTER), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the extension notice of " + r.id(), e);
        }
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
