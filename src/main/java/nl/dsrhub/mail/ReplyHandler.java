package nl.dsrhub.mail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.BiFunction;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.request.RequestValidator;
import nl.dsrhub.store.RequestStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A processor's reply, matched to its letter by the token: data attachments are stored as that
 * processor's export (under the task's data folder, where the bundle takes them from) before the task
 * is settled, so a crash in between only stores them again. A reply from anyone but the processor
 * (see {@link ReplySenders}) settles nothing: its task needs the officer's attention, its attachments are
 * kept aside where the bundle never reads them, and the officer is told.
 * <p>The token is logged at DEBUG only: whoever reads an INFO log must not be able to answer a letter with it.
 */
public final class ReplyHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyHandler.class);

    /** Beside the connectors' data folders under {@code work/<request>/}; no connector can be named so. */
    static final String KEPT_ASIDE = "_unexpected-replies";
    public static final String UNEXPECTED = "reply from an unexpected sender";

    private final MailStore store;
    private final RequestStore requests;
    private final ReplySenders senders;
    private final ReplyClassifier classifier = new ReplyClassifier();
    private final BiFunction<String, String, Path> dataDirs;

    public ReplyHandler(MailStore store, RequestStore requests, ReplySenders senders, BiFunction<String, String, Path> dataDirs) {
        this.store = store;
        this.requests = requests;
        this.senders = senders;
        this.dataDirs = dataDirs;
    }

    /** Settles the letter's task, or flags an unexpected sender; says which request to move on and what to tell the officer. */
    public MailInbox.Next handle(MailStore.Letter letter, IncomingMail mail) throws IOException {
        var unexpected = senders.unexpected(letter.connector(), mail);
        if (unexpected.isPresent()) {
            return unexpected(letter, mail, unexpected.get());
        }
        if (!requests.row(letter.requestId()).map(r -> RequestStore.isOpen(r.status())).orElse(false)) {
            // completed, discarded or closed for inactivity (its data may be purged): it settles nothing, and stays in the
            // mailbox until the purge
            LOG.info("request {} {}: a reply after the request was closed: not processed", letter.requestId(), letter.connector());
            return MailInbox.Next.nothing();
        }
        var request = requests.get(letter.requestId());
        var data = mail.attachments().stream().filter(f -> !f.truncated()).toList();
        ReplyClassifier.Verdict verdict = classifier.classify(request.type(), mail.text(), data.size());
        if (mail.attachments().size() > data.size()) {
            verdict = new ReplyClassifier.Verdict(Outcome.NEEDS_ATTENTION, "reply received with an attachment over the size limit: settle by hand");
        }
        if (verdict.outcome() == Outcome.EXPORTED) {
            write(dataDirs.apply(letter.requestId(), letter.connector()), data);
        }
        String detail = verdict.outcome() == Outcome.NEEDS_ATTENTION
                // where the officer finds the reply: the token, in the hub's mailbox
                ? verdict.detail() + " (reply to letter " + letter.token() + " in the hub's mailbox)" : verdict.detail();
        boolean changed = store.settle(letter, verdict.outcome(), detail);
        LOG.info("request {} {}: reply from the processor: {}", letter.requestId(), letter.connector(),
                changed ? verdict.outcome() : "task already settled, reply kept as seen");
        LOG.debug("request {} {}: the reply answered letter {}", letter.requestId(), letter.connector(), letter.token());
        // kept where it belongs once it settled its task: an unclear reply stays in the mailbox, where the detail points
        return new MailInbox.Next(List.of(), changed ? List.of(letter.requestId()) : List.of(), List.of(),
                changed && verdict.outcome() != Outcome.NEEDS_ATTENTION);
    }

    /**
     * Settles nothing. Attachments go to {@code work/<request>/_unexpected-replies/<connector>/<mail>/}, outside the
     * connector's data folder that the bundle reads (and deleted with the request's work files by the purge).
     */
    private MailInbox.Next unexpected(MailStore.Letter letter, IncomingMail mail, String why) throws IOException {
        boolean open = requests.row(letter.requestId()).map(r -> RequestStore.isOpen(r.status())).orElse(false);
        if (!open) {
            // its data are purged or about to be: nothing is kept, nothing changes
            LOG.warn("request {} {}: a reply from an unexpected sender after completion: ignored", letter.requestId(), letter.connector());
            return MailInbox.Next.nothing();
        }
        Path workDir = dataDirs.apply(letter.requestId(), letter.connector()).getParent();
        Path aside = workDir.resolve(KEPT_ASIDE).resolve(letter.connector()).resolve(mail.key().substring(0, 12));
        write(aside, mail.attachments());
        String where = mail.attachments().isEmpty() ? "no attachments"
                : mail.attachments().size() + " attachment(s) kept aside in work/" + letter.requestId() + "/" + KEPT_ASIDE + "/"
                + letter.connector() + "/" + aside.getFileName() + "/";
        String detail = UNEXPECTED + " (" + why + "): it settles nothing; " + where
                + "; settle by hand if it is genuine, or wait for the processor's own reply";
        boolean changed = store.unexpectedReply(letter, detail);
        // the officer's notice (notify-officer) is the warning; this line says what changed
        LOG.info("request {} {}: a reply from an unexpected sender settles nothing{}", letter.requestId(), letter.connector(),
                changed ? "; the task needs attention" : "");
        String message = "Request " + letter.requestId() + ", " + letter.connector() + ": a reply carrying the letter's token came from "
                + "an unexpected sender; it settled nothing (" + (mail.attachments().isEmpty() ? "no attachments" : "its attachments are kept aside")
                + "). See the task's detail; settle it by hand only if the reply is genuine.";
        // not kept: the officer judges it, with the mail itself at hand until the purge
        return new MailInbox.Next(List.of(), List.of(), List.of(new MailInbox.Notice(letter.requestId(),
                "unexpected-reply " + letter.connector(), message)), false);
    }

    /** Each file under a safe name, written to a temporary name first and moved in whole. */
    private static void write(Path dir, List<IncomingMail.FilePart> files) throws IOException {
        if (files.isEmpty()) {
            return;
        }
        nl.dsrhub.files.PrivateFiles.folder(dir);
        int i = 0;
        for (IncomingMail.FilePart f : files) {
            String name = RequestValidator.safeFileName(f.name());
            Path tmp = dir.resolve("." + (++i) + ".part");
            nl.dsrhub.files.PrivateFiles.write(tmp, f.content());
            Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
