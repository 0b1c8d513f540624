package nl.dsrhub.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.Map;
import java.util.function.Supplier;
import nl.dsrhub.text.SingleLine;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.attachment.AttachmentMessage;

/**
 * Sends one plain-text mail (optionally with attachments) through Camel's SMTP endpoint. A fresh
 * exchange per mail: camel-mail turns every exchange header into a mail header, and nothing of a
 * route's exchange (file names, ids) should travel to a processor or a subject.
 */
public final class MailSender {

    /** An attachment as it goes out. */
    public record Attachment(String name, jakarta.activation.DataSource content) {
        public static Attachment of(String name, String contentType, byte[] bytes) {
            return new Attachment(name, new ByteArrayDataSource(bytes, contentType));
        }

        /** Read from the file while sending, never held whole in memory. */
        public static Attachment of(String name, java.nio.file.Path file) {
            return new Attachment(name, new jakarta.activation.FileDataSource(file.toFile()));
        }
    }

    private final Supplier<ProducerTemplate> producer;
    private final MailSettings settings;

    public MailSender(Supplier<ProducerTemplate> producer, MailSettings settings) {
        this.producer = producer;
        this.settings = settings;
    }

    public MailSettings settings() {
        return settings;
    }

    /**
     * The subject and every extra header value are made one line here, the one place all the hub's mails go
     * through: a line break in them (a request's field, a processor's text) must not start a header of its own.
     *
     * @throws MailFailure when the SMTP server did not take the mail (it was then not sent)
     */
    public void send(String to, String subject, String text, Map<String, String> headers, Attachment... attachments) {
        Exchange result = producer.get().send(settings.smtpUri(), exchange -> {
            exchange.getIn().setHeader("To", to);
            exchange.getIn().setHeader("Subject", SingleLine.of(subject));
            exchange.getIn().setHeader("Content-Type", "text/plain; charset=UTF-8");
            headers.forEach((name, value) -> exchange.getIn().setHeader(name, SingleLine.of(value)));
            exchange.getIn().setBody(text);
            if (attachments.length > 0) {
                AttachmentMessage am = exchange.getIn(AttachmentMessage.class);
                for (Attachment a : attachments) {
                    // base64: an attachment arrives byte for byte (a text file sent 7bit gets CRLF line ends on the way),
                    // so the SHA-256 the hub records of what it sent is the recipient's file's
                    org.apache.camel.attachment.DefaultAttachment part =
                            new org.apache.camel.attachment.DefaultAttachment(new DataHandler(a.content()));
                    part.setHeader("Content-Transfer-Encoding", "base64");
                    am.addAttachmentObject(a.name(), part);
                }
            }
        });
        if (result.getException() != null) {
            // the cause names the recipients (SendFailedException): keep only its kind, so no log line
            // or stack trace of ours can carry an address
            throw new MailFailure("the SMTP server did not take the mail (" + rootKind(result.getException()) + ")");
        }
    }

    private static String rootKind(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    /** Sending failed; the mail did not leave. */
    public static final class MailFailure extends RuntimeException {
        public MailFailure(String message) {
            super(message, null, false, false);
        }
    }
}
