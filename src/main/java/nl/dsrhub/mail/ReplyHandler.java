package nl.dsrhub.mail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.BiFunction;
import nl.dsrhub.plan.Outcome;
import nl.dsrhub.request.RequestValidator;
import nl.dsrhub.store.RequestStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A processor's reply, matched to its letter by the token: data attachments are stored as that
 * processor's export (under the task's data folder, where the bundle takes them from) before the task
 * is settled, so a crash in between only stores them again.
 */
public final class ReplyHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyHandler.class);

    private final MailStore store;
    private final RequestStore requests;
    private final ReplyClassifier classifier = new ReplyClassifier();
    private final BiFunction<String, String, Path> dataDirs;

    public ReplyHandler(MailStore store, RequestStore requests, BiFunction<String, String, Path> dataDirs) {
        this.store = store;
        this.requests = requests;
        this.dataDirs = dataDirs;
    }

    /** Settles the letter's task; returns the request id when the task changed (to move the request on). */
    public Optional<String> handle(MailStore.Letter letter, IncomingMail mail) throws IOException {
        var request = requests.get(letter.requestId());
        var data = mail.attachments().stream().filter(f -> !f.truncated()).toList();
        ReplyClassifier.Verdict verdict = classifier.classify(request.type(), mail.text(), data.size());
        if (mail.attachments().size() > data.size()) {
            verdict = new ReplyClassifier.Verdict(Outcome.NEEDS_ATTENTION, "reply received with an attachment over the size limit: settle by hand");
        }
        if (verdict.outcome() == Outcome.EXPORTED) {
            Path dir = dataDirs.apply(letter.requestId(), letter.connector());
            nl.dsrhub.files.PrivateFiles.folder(dir);
            int i = 0;
            for (IncomingMail.FilePart f : data) {
                String name = RequestValidator.safeFileName(f.name());
                Path tmp = dir.resolve("." + (++i) + ".part");
                nl.dsrhub.files.PrivateFiles.write(tmp, f.content());
                Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        String detail = verdict.outcome() == Outcome.NEEDS_ATTENTION
                // where the officer finds the reply: the token, in the hub's mailbox
                ? verdict.detail() + " (reply to letter " + letter.token() + " in the hub's mailbox)" : verdict.detail();
        boolean changed = store.settle(letter, verdict.outcome(), detail);
        LOG.info("request {} {}: reply to letter {}: {}", letter.requestId(), letter.connector(), letter.token(),
                changed ? verdict.outcome() : "task already settled, reply kept as seen");
        return changed ? Optional.of(letter.requestId()) : Optional.empty();
    }
}
