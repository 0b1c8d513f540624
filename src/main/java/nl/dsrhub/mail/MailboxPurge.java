package nl.dsrhub.mail;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mails the hub leaves in its mailbox, read but not kept elsewhere (automatic replies, mail from senders not
 * allowed, mail too large or unreadable, a reply it could not settle, which the officer is pointed to), hold people's
 * data too: they are deleted {@code dsr.purge.after-days} after they arrived. Only mails the hub has read (seen) go;
 * an unread one has not been handled yet. Mails it kept where they belong are deleted as soon as they are handled
 * (the {@code intake-mail} route).
 */
public final class MailboxPurge {

    private static final Logger LOG = LoggerFactory.getLogger("nl.dsrhub.mail");

    private final MailSettings settings;
    private final Clock clock;
    private final int afterDays;

    public MailboxPurge(MailSettings settings, Clock clock, int afterDays) {
        this.settings = settings;
        this.clock = clock;
        this.afterDays = afterDays;
    }

    /** Deletes the read mails that arrived more than the period ago; returns how many. Nothing when mail is off. */
    public int purge() {
        if (!settings.enabled()) {
            return 0;
        }
        Date before = Date.from(clock.instant().minus(Duration.ofDays(afterDays)));
        try {
            int deleted = deleteReadBefore(before);
            if (deleted > 0) {
                LOG.info("{} read mail(s) purged from the hub's mailbox, {} day(s) after they arrived", deleted, afterDays);
            }
            return deleted;
        } catch (MessagingException e) {
            // tried again at the next run
            LOG.warn("the hub's mailbox could not be purged now ({})", e.getClass().getSimpleName());
            return 0;
        }
    }

    private int deleteReadBefore(Date before) throws MessagingException {
        Properties p = new Properties();
        String protocol = settings.imapTls() ? "imaps" : "imap";
        p.put("mail." + protocol + ".connectiontimeout", "15000");
        p.put("mail." + protocol + ".timeout", "30000");
        Store store = Session.getInstance(p).getStore(protocol);
        store.connect(settings.imapHost(), settings.imapPort(), settings.imapUser(), settings.imapPassword());
        try {
            Folder folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_WRITE);
            int deleted = 0;
            try {
                for (Message m : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), true))) {
                    Date arrived = m.getReceivedDate();
                    if (arrived != null && arrived.before(before)) {
                        m.setFlag(Flags.Flag.DELETED, true);
                        deleted++;
                    }
                }
            } finally {
                folder.close(true);    // expunges the deleted ones
            }
            return deleted;
        } finally {
            store.close();
        }
    }
}
