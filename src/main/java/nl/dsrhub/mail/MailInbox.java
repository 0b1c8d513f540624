package nl.dsrhub.mail;

import jakarta.mail.Message;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.dsrhub.request.ConfirmationCodes;
import org.apache.camel.Exchange;
import org.apache.camel.component.mail.MailMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every mail read from the hub's mailbox comes here once: a reply carrying a known token settles its
 * task (when it comes from the processor); from an allow-listed officer, a mail carrying a confirmation
 * code confirms a held request, and any other mail is a request, planned at once when the officer's mail
 * server authenticated it and held for confirmation when not; anything else is recorded (without personal
 * data) and left alone, unanswered. A mail that cannot be read is recorded and skipped, so it never blocks
 * the mails behind it. Returns the request ids to move on (to plan or to progress) and notices for the officer.
 */
public final class MailInbox {

    private static final Logger LOG = LoggerFactory.getLogger("nl.dsrhub.mail");

    /**
     * What the route does next: plan new requests, move on requests whose task a reply settled, tell the officer.
     *
     * @param kept the mail's content is kept where it belongs (the request stored, the reply's task settled with its
     *             files): the route has it deleted from the mailbox. Any other mail stays there, read, for the officer,
     *             until the purge deletes it after {@code dsr.purge.after-days}
     */
    public record Next(List<String> plan, List<String> progress, List<Notice> notices, boolean kept) {

        static Next nothing() {
            return new Next(List.of(), List.of(), List.of(), false);
        }
    }

    /** A notice for {@code direct:notify-officer} (ids and connectors, no personal data, no token). */
    public record Notice(String requestId, String level, String message) {
    }

    private static final Next NOTHING = Next.nothing();
    private static final Next KEPT_BEFORE = new Next(List.of(), List.of(), List.of(), true);

    private final MailSettings settings;
    private final MailStore store;
    private final MailIntake intake;
    private final ReplyHandler replies;
    private final ConfirmationReplies confirmations;
    private final SenderAuthentication authentication;
    private final MailSender sender;

    public MailInbox(MailSettings settings, MailStore store, MailIntake intake, ReplyHandler replies,
                     ConfirmationReplies confirmations, SenderAuthentication authentication, MailSender sender) {
        this.settings = settings;
        this.store = store;
        this.intake = intake;
        this.replies = replies;
        this.confirmations = confirmations;
        this.authentication = authentication;
        this.sender = sender;
    }

    public Next handle(Exchange exchange) throws Exception {
        Message message = exchange.getIn(MailMessage.class).getOriginalMessage();
        IncomingMail mail;
        try {
            mail = IncomingMail.read(message, settings.maxBytes());
        } catch (Exception e) {
            // unreadable (broken MIME, bad encoding): recorded and skipped; the next mails still come in
            // by its Message-ID: the folder's numbering changes as handled mails are deleted from it
            String id = safeHeader(message);
            String key = IncomingMail.sha256("unreadable|" + (id.isEmpty() ? "#" + message.getMessageNumber() : id));
            store.markSeen(key, "unreadable", "could not be read: " + e.getClass().getSimpleName(), null);
            LOG.warn("skipped an unreadable mail ({})", e.getClass().getSimpleName());
            return NOTHING;
        }
        if (store.seen(mail.key())) {
            // read before: handled once only. Still here although kept: the hub stopped between keeping and deleting it
            return store.kept(mail.key()) ? KEPT_BEFORE : NOTHING;
        }
        if (mail.automatic() || (mail.from() != null && mail.from().equalsIgnoreCase(settings.from()))) {
            // an out-of-office answer settles nothing, and answering it (or our own mail) could loop
            store.markSeen(mail.key(), "ignored", "automatic reply or the hub's own mail: not processed, not answered", null);
            return NOTHING;
        }
        Optional<MailStore.Letter> letter = Tokens.find(mail.subject(), mail.text()).flatMap(store::letterWithToken);
        if (letter.isPresent()) {
            Next next = replies.handle(letter.get(), mail);
            store.markSeen(mail.key(), "reply", next.notices().isEmpty() ? "reply to a letter" : "reply from an unexpected sender",
                    letter.get().requestId(), next.kept());
            return next;
        }
        if (!settings.allows(mail.from())) {
            store.markSeen(mail.key(), "refused", "sender not on the allow-list: not processed, not answered", null);
            LOG.warn("ignored a mail from a sender not on dsr.mail.allow");
            return NOTHING;
        }
        List<String> codes = ConfirmationCodes.find(mail.subject(), mail.text());
        MailIntake.Answer answer = codes.isEmpty()
                ? intake.take(mail, authentication.check(mail.authenticationResults(), mail.from()))
                : confirmations.answer(codes);
        // the answer goes out before the mail is marked seen: after a crash it is read again and
        // answered again (intake recognises the same request), never left unanswered
        sender.send(mail.from(), answer.subject(), answer.text(), Map.of());
        // stored and answered (the answer lists any problem): kept, unless it was too large to be read at all
        boolean kept = !mail.tooLarge();
        store.markSeen(mail.key(), codes.isEmpty() ? "intake" : "confirmation", answer.outcome(),
                answer.toPlan().isEmpty() ? null : answer.toPlan().get(0), kept);
        LOG.info("officer mail: {}; request(s) to plan {}", answer.outcome(), answer.toPlan());
        return new Next(answer.toPlan(), List.of(), List.of(), kept);
    }

    private static String safeHeader(Message m) {
        try {
            String[] ids = m.getHeader("Message-ID");
            return ids == null || ids.length == 0 ? "" : ids[0];
        } catch (Exception e) {
            return "";
        }
    }
}
