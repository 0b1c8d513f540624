package nl.dsrhub.mail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.result.ReceiptWriter;
import nl.dsrhub.result.ResultWriter;
import nl.dsrhub.result.ResultWriters;
import nl.dsrhub.result.ResultService;
import nl.dsrhub.result.SubjectMails;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.Jdbc;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.text.SingleLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivery by mail ({@code dsr.delivery.enabled}): the result goes to the request's verified delivery
 * address only (the validator accepts an address other than the subject's own only with an id-document
 * check). A bundle goes AES-256 encrypted; its passphrase is written for the officer into
 * {@code outbox/<id>/passphrase.txt} and mailed to the officer with the receipt, never in the subject's
 * mail.
 *
 * <p>At least once: the intent to deliver is stored (PENDING) before the result is written, so a hub that
 * stops between writing the result and mailing it mails it after the restart; a send that fails (the mail
 * server is down) is tried again every {@code dsr.delivery.retry-seconds}, up to
 * {@code dsr.delivery.max-attempts}, after which the officer hands the result over; a send cut off by a stop
 * (still SENDING) is tried again after the same delay, with the same encrypted bundle and passphrase. The
 * claim in {@code dsr_delivery} keeps two senders from mailing at once.
 */
public final class MailDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);

    private final MailSettings settings;
    private final MailSender sender;
    private final RequestStore requests;
    private final EventLog events;
    private final Jdbc jdbc;
    private final Path outbox;
    private final Clock clock;
    private final java.time.Duration retryAfter;
    private final int maxAttempts;
    private final SecureRandom random = new SecureRandom();

    public MailDelivery(MailSettings settings, MailSender sender, RequestStore requests, EventLog events, Jdbc jdbc,
                        Path outbox, Clock clock, java.time.Duration retryAfter, int maxAttempts) {
        this.retryAfter = retryAfter;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.settings = settings;
        this.sender = sender;
        this.requests = requests;
        this.events = events;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Stored before the result is written (in the result's own claim): this request's result is to be
     * mailed. Only when delivery is on and the request has a verified delivery address; once.
     */
    public void intend(DsrRequest request) {
        if (!settings.deliveryEnabled() || !settings.enabled() || !request.hasDeliveryAddress()) {
            return;
        }
        String requestId = request.id();
        jdbc.update("INSERT INTO dsr_delivery (request_id, state, attempts, updated_at) SELECT ?, 'PENDING', 0, ? "
                + "WHERE NOT EXISTS (SELECT 1 FROM dsr_delivery WHERE request_id = ?)", requestId, OffsetDateTime.now(clock), requestId);
    }

    /**
     * The schedule's round: completed results still to be mailed (pending after a stop, failed earlier, or cut
     * off while sending) whose wait is over. Returns how many went out.
     */
    public int deliverDue() throws IOException {
        if (!settings.deliveryEnabled() || !settings.enabled()) {
            return 0;
        }
        OffsetDateTime waited = OffsetDateTime.now(clock).minus(retryAfter);
        List<String> due = jdbc.query("SELECT d.request_id FROM dsr_delivery d JOIN dsr_request r ON r.id = d.request_id "
                        + "WHERE r.status = ? AND r.purged_at IS NULL AND (d.state = 'PENDING' OR (d.state IN ('FAILED', 'SENDING') "
                        + "AND d.updated_at < ?)) ORDER BY d.updated_at", rs -> rs.getString(1), RequestStore.COMPLETED, waited);
        int sent = 0;
        for (String requestId : due) {
            sent += deliver(requestId) ? 1 : 0;
        }
        return sent;
    }

    /** Mails the completed request's result; returns true when it went out now. */
    public boolean deliver(String requestId) throws IOException {
        if (!settings.deliveryEnabled() || !settings.enabled()) {
            return false;
        }
        DsrRequest request = requests.get(requestId);
        if (!request.hasDeliveryAddress()) {
            events.record(requestId, null, "delivery-skipped", "no verified delivery address: the officer hands the result over");
            return false;
        }
        Path dir = outbox.resolve(requestId);
        if (!claimSending(requestId)) {
            return false;
        }
        int attempt = jdbc.queryOne("SELECT attempts FROM dsr_delivery WHERE request_id = ?", rs -> rs.getInt(1), requestId)
                .orElse(1);
        List<MailSender.Attachment> forSubject = new ArrayList<>();
        String passphrase = null;
        ResultWriter result = ResultWriters.installed().of(request.type());
        if (result.holdsPersonalData()) {
            // a send cut off earlier may have reached the subject: the same file and passphrase go again
            String name = encryptedName(result.main(dir));
            Path encrypted = dir.resolve(name);
            passphrase = BundleEncryption.earlierPassphrase(dir.resolve("passphrase.txt")).orElse(null);
            if (passphrase == null || !Files.isRegularFile(encrypted)) {
                // never sent yet (the encrypted file is written whole or not at all): a new passphrase
                passphrase = BundleEncryption.newPassphrase(random);
                BundleEncryption.writePassphrase(dir.resolve("passphrase.txt"), name, passphrase);
                encrypted = BundleEncryption.encrypt(result.main(dir), encrypted, passphrase);
            }
            forSubject.add(MailSender.Attachment.of(name, encrypted));
        } else {
            result.attachments(dir).forEach(f -> forSubject.add(MailSender.Attachment.of(f.getFileName().toString(), f)));
        }
        try {
            send(request, result, passphrase, dir, forSubject);
        } catch (MailSender.MailFailure e) {
            boolean givingUp = attempt >= maxAttempts;
            jdbc.update("UPDATE dsr_delivery SET state = ?, updated_at = ? WHERE request_id = ? AND state = 'SENDING'",
                    givingUp ? "GAVE_UP" : "FAILED", OffsetDateTime.now(clock), requestId);
            // the timeline tells the officer at the first failure and when the hub gives up, not at every round
            if (attempt == 1 || givingUp) {
                events.record(requestId, null, "delivery-failed", e.getMessage() + (givingUp
                        ? "; gave up after " + attempt + " attempt(s): the officer hands over the result in the outbox"
                        : "; tried again every " + retryAfter.toSeconds() + " s, at most " + maxAttempts + " times"));
            }
            LOG.warn("request {}: delivery by mail failed (attempt {} of {}): {}", requestId, attempt, maxAttempts, e.getMessage());
            return false;
        }
        jdbc.inTransaction(tx -> {
            tx.update("UPDATE dsr_delivery SET state = 'SENT', updated_at = ? WHERE request_id = ?", OffsetDateTime.now(clock), requestId);
            boolean encrypted = result.holdsPersonalData();
            events.record(tx, requestId, null, "delivered", (encrypted ? "encrypted " + result.title() + " (AES-256)" : result.title())
                    + " mailed to the verified delivery address; receipt" + (encrypted ? " and passphrase" : "") + " to the officer"
                    + (attempt > 1 ? " (attempt " + attempt + ")" : ""));
            return null;
        });
        LOG.info("request {} delivered by mail", requestId);
        return true;
    }

    /**
     * Makes this hub the one sender of the request's result: a pending result, or a failed or cut-off send whose
     * wait is over; else (a result written before intents were stored) the first claim. False: another send holds it.
     */
    private boolean claimSending(String requestId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.update("UPDATE dsr_delivery SET state = 'SENDING', attempts = attempts + 1, updated_at = ? "
                        + "WHERE request_id = ? AND (state = 'PENDING' OR (state IN ('FAILED', 'SENDING') AND updated_at < ?))",
                now, requestId, now.minus(retryAfter)) == 1
                || jdbc.update("INSERT INTO dsr_delivery (request_id, state, attempts, updated_at) SELECT ?, 'SENDING', 1, ? "
                + "WHERE NOT EXISTS (SELECT 1 FROM dsr_delivery WHERE request_id = ?)", requestId, now, requestId) == 1;
    }

    /**
     * Art. 12(3): an extended deadline is announced to the subject. Mails the extension letter of every
     * extended, open request not yet notified (to the verified delivery address, else the known address the
     * request came with) and records {@code extension-notified}; with delivery off, nothing is sent and the
     * letter in the outbox is the officer's to pass on. Run by a schedule, so an extension made from the
     * command line, or one interrupted by a restart, is announced too. Returns how many were mailed.
     */
    public int notifyExtensions() {
        if (!settings.deliveryEnabled() || !settings.enabled()) {
            return 0;
        }
        List<String> due = jdbc.query("SELECT r.id FROM dsr_request r WHERE r.extended_at IS NOT NULL AND r.purged_at IS NULL"
                + " AND r.document IS NOT NULL AND NOT EXISTS (SELECT 1 FROM dsr_event e WHERE e.request_id = r.id"
                + " AND e.kind = 'extension-notified') ORDER BY r.extended_at", rs -> rs.getString(1));
        int sent = 0;
        for (String requestId : due) {
            Path letter = outbox.resolve(requestId).resolve(nl.dsrhub.plan.DeadlineExtension.LETTER);
            if (!Files.isRegularFile(letter)) {
                continue;
            }
            DsrRequest request = requests.get(requestId);
            String to = request.subjectMailAddress();
            try {
                SubjectMails.Mail notice = SubjectMails.extension().to(request);
                sender.send(to, notice.subject(), notice.text(), Map.of(),
                        MailSender.Attachment.of(nl.dsrhub.plan.DeadlineExtension.LETTER, letter));
            } catch (MailSender.MailFailure e) {
                LOG.warn("request {}: the extension notice could not be mailed: {}", requestId, e.getMessage());
                continue;
            }
            events.record(requestId, null, "extension-notified", "extension letter mailed to the subject");
            sent++;
        }
        return sent;
    }

    /** Whether results are mailed to this request's subject: delivery on, mail on, and a verified delivery address. */
    public boolean deliversTo(DsrRequest request) {
        return settings.deliveryEnabled() && settings.enabled() && request.hasDeliveryAddress();
    }

    /**
     * Art. 12(3): mails a request's answer so far ({@link ResultService#interim}) to its verified delivery address, saying
     * that the complete answer follows: the interim bundle AES-256 encrypted (a passphrase of its own, written to
     * {@code interim/passphrase.txt} and mailed to the officer, never to the subject), or the confirmation so far.
     *
     * @return false when the result is not mailed to this subject ({@link #deliversTo}): the officer passes it on
     * @throws MailSender.MailFailure when the mail server does not take it; the interim check tries again later
     */
    public boolean deliverInterim(ResultService.Interim interim) throws IOException {
        DsrRequest request = interim.request();
        if (!deliversTo(request)) {
            return false;
        }
        ResultWriter result = ResultWriters.installed().of(request.type());
        boolean encrypted = result.holdsPersonalData();
        Path dir = interim.files().get(0).getParent();
        List<MailSender.Attachment> attached = new ArrayList<>();
        String passphrase = null;
        if (encrypted) {
            String name = encryptedName(interim.files().get(0));
            passphrase = BundleEncryption.newPassphrase(random);
            BundleEncryption.writePassphrase(dir.resolve("passphrase.txt"), "interim-" + name, passphrase);
            attached.add(MailSender.Attachment.of("interim-" + name,
                    BundleEncryption.encrypt(interim.files().get(0), dir.resolve(name), passphrase)));
        } else {
            result.attachments(dir).forEach(f -> attached.add(MailSender.Attachment.of("interim-" + f.getFileName(), f)));
        }
        SubjectMails.Mail soFar = SubjectMails.interim(encrypted, request.dueDate()).to(request);
        sender.send(request.subjectMailAddress(), soFar.subject(), soFar.text(), Map.of(), attached.toArray(MailSender.Attachment[]::new));
        if (encrypted && !settings.officer().isEmpty()) {
            sender.send(settings.officer(), "dsr-hub: " + request.id() + " interim answer delivered", "Request " + request.id()
                    + ": the interim " + result.title() + " was mailed to the verified delivery address.\nPassphrase (hand it over by another way"
                    + " than e-mail): " + passphrase + "\n", Map.of());
        }
        LOG.info("request {}: interim answer delivered by mail", request.id());
        return true;
    }

    /** The encrypted copy's name: {@code bundle.zip} becomes {@code bundle-aes.zip}. */
    private static String encryptedName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + "-aes.zip";
    }

    private void send(DsrRequest request, ResultWriter writer, String passphrase, Path dir, List<MailSender.Attachment> forSubject) {
        String requestId = request.id();
        boolean encrypted = writer.holdsPersonalData();
        // a confirmation in which something was not done is not "your data have been erased" (or corrected, ...)
        SubjectMails.Mail result = writer.mail(jdbc.queryOne(
                "SELECT COUNT(*) FROM dsr_task WHERE request_id = ? AND outcome IN (?, ?)", rs -> rs.getLong(1), requestId,
                nl.dsrhub.model.Outcome.RETAINED, nl.dsrhub.model.Outcome.PARTIAL).orElse(0L) > 0).to(request);
        sender.send(request.subjectMailAddress(), result.subject(), result.text(), Map.of(),
                forSubject.toArray(MailSender.Attachment[]::new));
        if (!settings.officer().isEmpty()) {
            String text = "Request " + requestId + (request.reference() == null ? "" : " (" + SingleLine.of(request.reference()) + ")")
                    + ": the " + (encrypted ? "encrypted " : "") + writer.title() + " was mailed to the verified delivery address.\n"
                    + (encrypted ? "Passphrase (hand it over by another way than e-mail): " + passphrase + "\n" : "");
            sender.send(settings.officer(), "dsr-hub: " + requestId + " delivered", text, Map.of(),
                    MailSender.Attachment.of(ReceiptWriter.FILE_NAME, dir.resolve(ReceiptWriter.FILE_NAME)));
        }
    }
}
