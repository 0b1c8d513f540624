package nl.dsrhub.result;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.dsrhub.mail.MailSender;
import nl.dsrhub.mail.MailSettings;
import nl.dsrhub.request.DsrRequest;
import nl.dsrhub.request.RequestType;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.Jdbc;
import nl.dsrhub.store.RequestStore;
import net.lingala.zip4j.ZipFile;
import net.lingala.zip4j.model.ZipParameters;
import net.lingala.zip4j.model.enums.AesKeyStrength;
import net.lingala.zip4j.model.enums.EncryptionMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivery by mail ({@code dsr.delivery.enabled}): the result goes to the request's verified delivery
 * address only (the validator accepts an address other than the subject's own only with an id-document
 * check). A bundle goes AES-256 encrypted; its passphrase is written for the officer into
 * {@code outbox/<id>/passphrase.txt} and mailed to the officer with the receipt, never in the subject's
 * mail. Claimed in {@code dsr_delivery} before sending, so a result is mailed once.
 */
public final class MailDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);
    private static final String WORDS = "abcdefghijkmnpqrstuvwxyz23456789";

    private final MailSettings settings;
    private final MailSender sender;
    private final RequestStore requests;
    private final EventLog events;
    private final Jdbc jdbc;
    private final Path outbox;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public MailDelivery(MailSettings settings, MailSender sender, RequestStore requests, EventLog events, Jdbc jdbc,
                        Path outbox, Clock clock) {
        this.settings = settings;
        this.sender = sender;
        this.requests = requests;
        this.events = events;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Mails the completed request's result; returns true when it went out now. */
    public boolean deliver(String requestId) throws IOException {
        if (!settings.deliveryEnabled() || !settings.enabled()) {
            return false;
        }
        DsrRequest request = requests.get(requestId);
        if (request.delivery() == null || request.delivery().email() == null || request.delivery().email().isBlank()) {
            events.record(requestId, null, "delivery-skipped", "no verified delivery address: the officer hands the result over");
            return false;
        }
        Path dir = outbox.resolve(requestId);
        if (jdbc.update("INSERT INTO dsr_delivery (request_id, state, updated_at) SELECT ?, 'SENDING', ? "
                + "WHERE NOT EXISTS (SELECT 1 FROM dsr_delivery WHERE request_id = ?)", requestId, OffsetDateTime.now(clock), requestId) != 1) {
            return false;
        }
        List<MailSender.Attachment> forSubject = new ArrayList<>();
        String passphrase = null;
        if (request.type() == RequestType.EXPORT) {
            passphrase = passphrase();
            Path encrypted = encrypt(dir.resolve("bundle.zip"), dir, passphrase);
            Files.writeString(dir.resolve("passphrase.txt"), "Passphrase of bundle-aes.zip (give it to the subject by another way "
                    + "than the mail with the bundle, e.g. by phone):\n" + passphrase + "\n");
            forSubject.add(MailSender.Attachment.of("bundle-aes.zip", encrypted));
        } else {
            forSubject.add(MailSender.Attachment.of("confirmation.html", dir.resolve("confirmation.html")));
            forSubject.add(MailSender.Attachment.of("confirmation.json", dir.resolve("confirmation.json")));
        }
        boolean export = request.type() == RequestType.EXPORT;
        try {
            send(request, export, passphrase, dir, forSubject);
        } catch (MailSender.MailFailure e) {
            // nothing left: the claim is released and the officer sees why in the timeline
            jdbc.update("DELETE FROM dsr_delivery WHERE request_id = ? AND state = 'SENDING'", requestId);
            events.record(requestId, null, "delivery-failed", e.getMessage() + "; the result is in the outbox");
            LOG.warn("request {}: delivery by mail failed: {}", requestId, e.getMessage());
            return false;
        }
        jdbc.inTransaction(tx -> {
            tx.update("UPDATE dsr_delivery SET state = 'SENT', updated_at = ? WHERE request_id = ?", OffsetDateTime.now(clock), requestId);
            events.record(tx, requestId, null, "delivered", (export ? "encrypted bundle (AES-256)" : "erasure confirmation")
                    + " mailed to the verified delivery address; receipt" + (export ? " and passphrase" : "") + " to the officer");
            return null;
        });
        LOG.info("request {} delivered by mail", requestId);
        return true;
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
            String to = request.delivery() != null && request.delivery().email() != null && !request.delivery().email().isBlank()
                    ? request.delivery().email() : request.subject().email();
            try {
                sender.send(to, "Verlenging van de termijn / Extension of the time limit",
                        "In de bijlage leest u waarom wij meer tijd nodig hebben om uw verzoek af te handelen, en tot wanneer.\n"
                                + "Attached you will find why we need more time to handle your request, and until when.\n",
                        Map.of(), MailSender.Attachment.of(nl.dsrhub.plan.DeadlineExtension.LETTER, letter));
            } catch (MailSender.MailFailure e) {
                LOG.warn("request {}: the extension notice could not be mailed: {}", requestId, e.getMessage());
                continue;
            }
            events.record(requestId, null, "extension-notified", "extension letter mailed to the subject");
            sent++;
        }
        return sent;
    }

    private void send(DsrRequest request, boolean export, String passphrase, Path dir, List<MailSender.Attachment> forSubject) {
        String requestId = request.id();
        sender.send(request.delivery().email(), export ? "Uw gegevens / Your data" : "Bevestiging van wissen / Erasure confirmation",
                export ? "In de bijlage vindt u een kopie van uw gegevens, versleuteld (AES-256). Het wachtwoord krijgt u apart van ons.\n"
                        + "Attached is a copy of your data, encrypted (AES-256). You will receive the passphrase from us separately.\n"
                        : "In de bijlage vindt u de bevestiging van het wissen van uw gegevens.\n"
                        + "Attached is the confirmation that your data have been erased.\n",
                Map.of(), forSubject.toArray(MailSender.Attachment[]::new));
        if (!settings.officer().isEmpty()) {
            String text = "Request " + requestId + (request.reference() == null ? "" : " (" + request.reference() + ")")
                    + ": the " + (export ? "encrypted bundle" : "erasure confirmation") + " was mailed to the verified delivery address.\n"
                    + (export ? "Passphrase (hand it over by another way than e-mail): " + passphrase + "\n" : "");
            sender.send(settings.officer(), "dsr-hub: " + requestId + " delivered", text, Map.of(),
                    MailSender.Attachment.of(ReceiptWriter.FILE_NAME, dir.resolve(ReceiptWriter.FILE_NAME)));
        }
    }

    private Path encrypt(Path bundle, Path dir, String passphrase) throws IOException {
        Path target = dir.resolve("bundle-aes.zip");
        Files.deleteIfExists(target);
        ZipParameters p = new ZipParameters();
        p.setEncryptFiles(true);
        p.setEncryptionMethod(EncryptionMethod.AES);
        p.setAesKeyStrength(AesKeyStrength.KEY_STRENGTH_256);
        try (ZipFile zip = new ZipFile(target.toFile(), passphrase.toCharArray())) {
            zip.addFile(bundle.toFile(), p);
        }
        return target;
    }

    private String passphrase() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            if (i > 0 && i % 6 == 0) {
                sb.append('-');
            }
            sb.append(WORDS.charAt(random.nextInt(WORDS.length())));
        }
        return sb.toString();
    }
}
