package nl.dsrhub.mail;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code direct:mail-officer}: a plain-text notice to the officer address (deadline warnings and the like).
 * Without mail configured it only logs that a notice was due: the text itself may name a request's
 * details and stays out of the log.
 */
public final class OfficerMail {

    private static final Logger LOG = LoggerFactory.getLogger(OfficerMail.class);

    private final MailSettings settings;
    private final MailSender sender;

    public OfficerMail(MailSettings settings, MailSender sender) {
        this.settings = settings;
        this.sender = sender;
    }

    /** Returns true when the mail went out. */
    public boolean send(String subject, String text) {
        if (!settings.enabled() || settings.officer().isEmpty()) {
            LOG.info("a notice for the officer was not mailed: mail is not configured (dsr.mail.enabled, dsr.mail.officer)");
            return false;
        }
        sender.send(settings.officer(), subject == null || subject.isBlank() ? "dsr-hub" : subject, text == null ? "" : text, Map.of());
        return true;
    }
}
