package nl.dsrhub.mail;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.dsrhub.connector.Connector;
import nl.dsrhub.connector.ConnectorEngine;
import nl.dsrhub.connector.PermanentFailure;
import nl.dsrhub.connector.SettingsSource;
import nl.dsrhub.connector.TaskContext;
import nl.dsrhub.connector.TransientFailure;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.TaskResult;

/**
 * The mail channel: sends the processor's privacy contact the formal letter with a correlation token,
 * and leaves the task AWAITING_REPLY; the reply route settles it. Crash-safe like the HTTP engine's
 * journal: the letter row is committed before the mail goes out, and a task that has one never sends
 * another (after a crash in between, the reminder covers a letter that may not have left).
 */
public final class MailEngine implements ConnectorEngine {

    /** The connector setting with the processor's privacy address. */
    public static final String CONTACT = "privacy-contact";

    private final MailSender sender;
    private final MailStore store;
    private final Letters letters;
    private final Clock clock;
    private final java.util.function.Function<String, LocalDate> answerBy;

    /** @param answerBy the processors' deadline of a request, by its id: the date the letter asks an answer by */
    public MailEngine(MailSender sender, MailStore store, Letters letters, Clock clock,
                      java.util.function.Function<String, LocalDate> answerBy) {
        this.sender = sender;
        this.store = store;
        this.letters = letters;
        this.clock = clock;
        this.answerBy = answerBy;
    }

    @Override
    public TaskResult run(Connector connector, TaskContext task) {
        if (task.request().particulars().changes() != null && Letters.corrections(connector, task.request()).isEmpty()) {
            // art. 19 asks to tell a recipient of the data corrected: this one holds none of what the request corrects
            return new TaskResult(Outcome.NOT_FOUND, "holds none of what the request changes (its letter corrects: "
                    + String.join(", ", corrects(connector)) + "); no letter sent", List.of(), Map.of());
        }
        if (!sender.settings().enabled()) {
            throw new PermanentFailure("mail is not configured (dsr.mail.enabled=false): configure dsr.mail.* and run retry, "
                    + "or write to the processor yourself and settle by hand");
        }
        String contact = connector.setting(CONTACT).filter(s -> !s.isBlank()).or(() -> java.util.Optional.ofNullable(
                connector.facts().privacyContact())).orElseThrow(() -> new PermanentFailure("connector " + connector.name()
                + " has no privacy-contact address: set " + SettingsSource.propertyName(connector.name(), CONTACT)));
        MailStore.Letter letter = store.letterOfTask(task.taskId()).orElse(null);
        if (letter != null) {
            // sent before (or maybe sent, when the hub stopped in between): never a second letter
            String when = letter.sentAt() == null ? "before a restart (delivery not confirmed; the reminder follows)"
                    : "on " + letter.sentAt().toLocalDate();
            // an unconfirmed letter counts as sent from now: the reminder is what re-sends it, once
            store.sent(task.taskId());
            return awaiting("letter " + letter.token() + " sent " + when + "; waiting for the reply");
        }
        letter = store.sending(task.taskId(), task.request().id(), connector.name());
        Letters.Mail mail = letters.letter(connector, task.request(), task.identifiers(), letter.token(),
                answerBy.apply(task.request().id()));
        try {
            sender.send(contact, mail.subject(), mail.text(), Map.of());
        } catch (MailSender.MailFailure e) {
            store.notSent(task.taskId());
            throw new TransientFailure(e.getMessage(), null);
        }
        store.sent(task.taskId());
        return awaiting("letter " + letter.token() + " sent on " + LocalDate.now(clock) + "; waiting for the reply");
    }

    private static List<String> corrects(Connector connector) {
        var letter = connector.definition().letter();
        return letter == null || letter.corrects() == null ? nl.dsrhub.model.Particulars.Changes.KINDS : letter.corrects();
    }

    private static TaskResult awaiting(String detail) {
        return new TaskResult(Outcome.AWAITING_REPLY, detail, List.of(), Map.of());
    }
}
