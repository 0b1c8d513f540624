package nl.dsrhub.result;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import nl.dsrhub.connector.AuxiliarySteps;
import nl.dsrhub.connector.Connector;
import nl.dsrhub.connector.ConnectorCatalog;
import nl.dsrhub.connector.ConnectorDefinition.Channel;
import nl.dsrhub.connector.ProcessorFacts;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.Retention;
import nl.dsrhub.plan.Planner;
import nl.dsrhub.plan.Settlement;
import nl.dsrhub.store.CallJournal;
import nl.dsrhub.store.TaskStore;
import nl.dsrhub.store.TaskStore.TaskRow;

/**
 * Each processor's part of a request as the subject's answers show it (the bundle, the confirmation, a refusal's
 * letter): its facts, outcome and dates, what it sent, and what happened there in plain words ({@link PlainWords}).
 */
final class ProcessorResults {

    private final TaskStore tasks;
    private final ConnectorCatalog catalog;
    private final CallJournal journal;
    private final BiFunction<String, String, Path> dataDirs;

    /**
     * @param journal  the data-changing calls that took effect: what the answer says was done
     * @param dataDirs where an export keeps a processor's files, by request id and connector
     */
    ProcessorResults(TaskStore tasks, ConnectorCatalog catalog, CallJournal journal, BiFunction<String, String, Path> dataDirs) {
        this.tasks = tasks;
        this.catalog = catalog;
        this.journal = journal;
        this.dataDirs = dataDirs;
    }

    List<ProcessorResult> of(DsrRequest request) {
        List<ProcessorResult> out = new ArrayList<>();
        for (TaskRow t : tasks.forRequest(request.id())) {
            Connector c = catalog.find(t.connector()).orElse(null);
            String title = c == null ? t.connector() : c.title();
            ProcessorFacts facts = c == null ? ProcessorFacts.minimal(t.connector()) : c.facts();
            Path data = dataDirs.apply(request.id(), t.connector());
            boolean hasData = t.outcome() == Outcome.EXPORTED && Files.isDirectory(data);
            PlainWords.Path path = path(t, c);
            Retention.Words summary = PlainWords.summary(t.outcome(), path, done(request, t, c),
                    request.type(), AuxiliarySteps.incomplete(t.detail()), t.notifiedAt());
            out.add(new ProcessorResult(t.connector(), title, facts, t.outcome(), t.notifiedAt(), t.finishedAt(),
                    t.detail(), t.retained(), hasData ? data : null, summary, path != PlainWords.Path.NOT_ASKED));
        }
        return out;
    }

    /** How the task came to its outcome, as its plain summary tells it. */
    private static PlainWords.Path path(TaskRow t, Connector c) {
        String detail = t.detail() == null ? "" : t.detail();
        if (detail.startsWith(Planner.NOT_ASKED) || t.notifiedAt() == null) {
            return PlainWords.Path.NOT_ASKED;
        }
        if (detail.startsWith(Settlement.BY_HAND)) {
            return PlainWords.Path.BY_HAND;
        }
        return c != null && c.channel() == Channel.MAIL ? PlainWords.Path.LETTER : PlainWords.Path.API;
    }

    /**
     * What the task's data-changing calls did, in the connector's own plain sentences: the steps that took effect, as
     * the call journal has them (also those of an earlier, interrupted run), in the connector's order.
     */
    private List<Retention.Words> done(DsrRequest request, TaskRow t, Connector c) {
        if (c == null) {
            return List.of();
        }
        Set<String> steps = new HashSet<>();
        journal.effective(t.id()).forEach(key -> steps.add(key.substring(0, key.indexOf(' '))));
        return c.definition().changes(request.type()).stream().filter(s -> steps.contains(s.id()) && s.says() != null)
                .map(s -> new Retention.Words(s.says().nl(), s.says().en())).toList();
    }
}
