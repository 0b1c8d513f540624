package nl.dsrhub.mail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.dsrhub.connector.Connector;
import nl.dsrhub.connector.ConnectorCatalog;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.result.Refusal;
import nl.dsrhub.result.SubjectMails;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.Jdbc;
import nl.dsrhub.store.RequestStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What follows a refusal (GDPR art. 12(4)), on a schedule, so a refusal made from the command line or cut short by a
 * stop is followed up too: a letter missing from the outbox is written; with delivery on it is mailed to the subject
 * (the verified delivery address, else the address the request came with, as the extension notice) and
 * {@code refusal-notified} recorded; with mail on, every processor asked by letter is told the request is withdrawn
 * ({@code withdrawal-sent}), once. With delivery off the letter waits in the outbox for the officer to hand over.
 */
public final class RefusalNotices {

    private static final Logger LOG = LoggerFactory.getLogger(RefusalNotices.class);

    private final MailSettings settings;
    private final MailSender sender;
    private final MailStore letters;
    private final Letters texts;
    private final Refusal refusal;
    private final RequestStore requests;
    private final ConnectorCatalog catalog;
    private final EventLog events;
    private final Jdbc jdbc;
    private final Path outbox;

    public RefusalNotices(MailSettings settings, MailSender sender, MailStore letters, Letters texts, Refusal refusal,
                          RequestStore requests, ConnectorCatalog catalog, EventLog events, Jdbc jdbc, Path outbox) {
        this.settings = settings;
        this.sender = sender;
        this.letters = letters;
        this.texts = texts;
        this.refusal = refusal;
        this.requests = requests;
        this.catalog = catalog;
        this.events = events;
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /** One round: missing letters written, letters mailed, processors told. Returns how many mails went out. */
    public int notifyDue() {
        refusal.writeMissingLetters();
        if (!settings.enabled()) {
            return 0;
        }
        return withdrawals() + (settings.deliveryEnabled() ? lettersToSubjects() : 0);
    }

    private int lettersToSubjects() {
        List<String> due = jdbc.query("SELECT r.id FROM dsr_request r WHERE r.status = ? AND r.purged_at IS NULL AND r.document"
                + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM dsr_event e WHERE e.request_id = r.id AND e.kind = ?) ORDER BY r.id",
                rs -> rs.getString(1), RequestStore.REFUSED, NOTIFIED);
        int sent = 0;
        for (String requestId : due) {
            Path letter = outbox.resolve(requestId).resolve(Refusal.LETTER);
            if (!Files.isRegularFile(letter)) {
                continue;
            }
            DsrRequest request = requests.get(requestId);
            String to = request.subjectMailAddress();
            try {
                SubjectMails.Mail mail = SubjectMails.refusal().to(request);
                sender.send(to, mail.subject(), mail.text(), Map.of(), MailSender.Attachment.of(Refusal.LETTER, letter));
            } catch (MailSender.MailFailure e) {
                LOG.warn("request {}: the refusal letter could not be mailed: {}", requestId, e.getMessage());
                continue;
            }
            events.record(requestId, null, NOTIFIED, "refusal letter mailed to the subject");
            sent++;
        }
        return sent;
    }

    static final String NOTIFIED = "refusal-notified";
    static final String WITHDRAWN = "withdrawal-sent";

    private int withdrawals() {
        List<String[]> due = jdbc.query("SELECT t.id, t.request_id, t.connector, t.notified_at FROM dsr_task t JOIN dsr_request r ON r.id = "
                + "t.request_id WHERE r.status = ? AND r.purged_at IS NULL AND t.outcome = ? AND EXISTS (SELECT 1 FROM "
                + "dsr_mail_letter l WHERE l.task_id = t.id) AND NOT EXISTS (SELECT 1 FROM dsr_event e WHERE e.request_id = "
                + "t.request_id AND e.connector = t.connector AND e.kind = ?) ORDER BY t.id",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3),
                        String.valueOf(nl.dsrhub.model.Deadlines.dateOf(Jdbc.timestamp(rs, "notified_at")))},
                RequestStore.REFUSED, nl.dsrhub.model.Outcome.REFUSED, WITHDRAWN);
        int sent = 0;
        for (String[] task : due) {
            Optional<MailStore.Letter> letter = letters.letterOfTask(Long.parseLong(task[0]));
            Optional<String> contact = catalog.find(task[2]).flatMap(RefusalNotices::contact);
            if (letter.isEmpty() || contact.isEmpty()) {
                continue;
            }
            // the date the processor was first written to, in Dutch time, as the letter it is told about was dated
            LocalDate sentOn = letter.get().sentAt() != null ? nl.dsrhub.model.Deadlines.dateOf(letter.get().sentAt())
                    : LocalDate.parse(task[3]);
            Letters.Mail mail = texts.withdrawal(letter.get().token(), sentOn);
            try {
                sender.send(contact.get(), mail.subject(), mail.text(), Map.of());
            } catch (MailSender.MailFailure e) {
                LOG.warn("request {} {}: the withdrawal could not be mailed: {}", task[1], task[2], e.getMessage());
                continue;
            }
            events.record(task[1], task[2], WITHDRAWN, "the processor was told by mail that the request is withdrawn");
            sent++;
        }
        return sent;
    }

    private static Optional<String> contact(Connector c) {
        return c.setting(MailEngine.CONTACT).filter(s -> !s.isBlank()).or(() -> Optional.ofNullable(c.facts().privacyContact()));
    }
}
