package nl.dsrhub.connector;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import nl.dsrhub.connector.ConnectorDefinition.Step;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.model.Retention;
import nl.dsrhub.model.TaskResult;
import nl.dsrhub.store.CallJournal;

/**
 * One task's run of a connector file: its {@link Lookups}, then for an erasure its {@link JournaledErasure},
 * each step guarded by {@link AuxiliarySteps}, and the {@link RunOutcome}. A failure's message names the
 * data-changing calls that took effect before it.
 */
final class TaskRun {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TaskRun.class);

    private final Connector connector;
    private final TaskContext task;
    private final CallJournal journal;
    private final boolean keepsAnswers;
    private final RunValues values;
    private final Retained stillHeld;
    private final AnswerFiles kept;
    private final AuxiliarySteps auxiliaries;
    private final Lookups lookups;
    private final JournaledErasure erasure;

    TaskRun(Connector connector, TaskContext task, CallJournal journal, ProcessorCalls.Means means) {
        this.connector = connector;
        this.task = task;
        this.journal = journal;
        // a type that changes nothing hands the processors' answers to the subject
        this.keepsAnswers = task.request().type().keepsAnswers();
        this.stillHeld = new Retained(connector, means.clock(), task.request().type(),
                task.request().particulars().changes());
        this.values = new RunValues(connector, task, stillHeld);
        this.kept = new AnswerFiles(task.dataDir(), keepsAnswers, connector.name());
        this.auxiliaries = new AuxiliarySteps(task.request().id(), connector.name(), !keepsAnswers);
        ProcessorCalls calls = new ProcessorCalls(means, connector, values, task.dataDir());
        this.lookups = new Lookups(connector, values, calls, stillHeld, kept, keepsAnswers);
        this.erasure = new JournaledErasure(task, journal, values, calls, stillHeld);
    }

    /**
     * @throws TransientFailure when the processor could not be reached or answered 5xx/429
     * @throws PermanentFailure when retrying will not help
     */
    TaskResult run() {
        TaskResult soFar;
        try {
            soFar = steps();
        } catch (PermanentFailure e) {
            throw new PermanentFailure(e.getMessage() + doneBefore());
        } catch (TransientFailure e) {
            throw new TransientFailure(e.getMessage() + doneBefore(), e.retryAfter());
        }
        return auxiliaries.outcome(soFar);
    }

    private TaskResult steps() {
        kept.reset();
        RequestType type = task.request().type();
        if (!keepsAnswers && connector.definition().changes(type).isEmpty()) {
            // art. 19: the recipient must be told all the same, by the officer, who then settles the task
            throw new PermanentFailure(connector.name() + " has no " + type.changes().orElseThrow() + " steps: tell this"
                    + " recipient of the " + type.wire() + " by hand, then settle the task with what it did");
        }
        for (Step step : connector.definition().find()) {
            if (appliesTo(step)) {
                auxiliaries.run(step, true, () -> lookups.run(step));
            }
        }
        Map<String, List<String>> provided = values.foundBeyond(connector.definition().provides());
        if (keepsAnswers) {
            return RunOutcome.export(type.done(), kept.count(), provided);
        }
        for (Step step : connector.definition().changes(type)) {
            if (appliesTo(step)) {
                auxiliaries.run(step, false, () -> erasure.run(step));
            }
        }
        removeEmptyDataDir();
        erasure.settleUnanswered(!auxiliaries.anyFailed());
        // whatever of the person the processor still holds, of any kind: never ERASED then
        List<Retention> retained = stillHeld.all(values::values);
        return RunOutcome.erasure(type.done(), connector.definition().changes(type), RunOutcome.effective(journal, task.taskId()),
                retained, erasure.untouched(), provided);
    }

    private String doneBefore() {
        return keepsAnswers ? "" : RunOutcome.doneBefore(journal, task.taskId());
    }

    private boolean appliesTo(Step step) {
        return step.runsFor(task.request().type())
                && (step.ifSetting() == null || Boolean.parseBoolean(connector.settings().get(step.ifSetting())));
    }

    /** An erasure's answers were read to temporary files, each deleted when read: the folder they used goes too. */
    private void removeEmptyDataDir() {
        try {
            Files.deleteIfExists(task.dataDir());
        } catch (DirectoryNotEmptyException e) {
            // the officer's settled-by-hand files
        } catch (IOException e) {
            LOG.debug("{}: its empty data folder stays ({})", connector.name(), e.getClass().getSimpleName());
        }
    }
}
