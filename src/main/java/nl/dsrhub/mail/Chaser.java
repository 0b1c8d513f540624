package nl.dsrhub.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import nl.dsrhub.connector.Connector;
import nl.dsrhub.connector.ConnectorCatalog;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.RequestStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the one reminder to a processor that has not answered our letter after {@code dsr.mail.reminder-days}.
 * The reminder is claimed in the database before it goes out: a crash in between means no reminder
 * rather than two (the deadline watch still raises the task to the officer).
 */
public final class Chaser {

    private static final Logger LOG = LoggerFactory.getLogger(Chaser.class);

    private final MailSettings settings;
    private final MailStore store;
    private final MailSender sender;
    private final Letters letters;
    private final RequestStore requests;
    private final ConnectorCatalog catalog;
    private final EventLog events;
    private final Clock clock;

    public Chaser(MailSettings settings, MailStore store, MailSender sender, Letters letters, RequestStore requests,
                  ConnectorCatalog catalog, EventLog events, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.sender = sender;
        this.letters = letters;
        this.requests = requests;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    /** Returns how many reminders went out. */
    public int remindDue() {
        if (!settings.enabled()) {
            return 0;
        }
        int sent = 0;
        OffsetDateTime before = OffsetDateTime.now(clock).minus(Duration.ofDays(settings.reminderDays()));
        for (MailStore.Letter letter : store.dueForReminder(before)) {
            Connector c = catalog.find(letter.connector()).orElse(null);
            String contact = c == null ? null : c.setting(MailEngine.CONTACT).orElse(c.facts().privacyContact());
            if (contact == null || !store.claimReminder(letter.taskId())) {
                continue;
            }
            var request = requests.get(letter.requestId());
            Letters.Mail mail = letters.reminder(request, letter.token(), letter.sentAt().toLocalDate(),
                    requests.row(letter.requestId()).orElseThrow().processorDueDate());
            try {
                sender.send(contact, mail.subject(), mail.text(), Map.of());
                events.record(letter.requestId(), letter.connector(), "reminder-sent", "reminder for letter " + letter.token());
                sent++;
            } catch (MailSender.MailFailure e) {
                LOG.warn("request {} {}: reminder not sent: {}", letter.requestId(), letter.connector(), e.getMessage());
                events.record(letter.requestId(), letter.connector(), "reminder-failed", e.getMessage());
            }
        }
        return sent;
    }
}
