package nl.dsrhub.connector;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.dsrhub.connector.ConnectorDefinition.Call;
import nl.dsrhub.connector.ConnectorDefinition.Step;
import nl.dsrhub.store.CallJournal;

/**
 * A run's data-changing steps ({@code erase}, {@code rectify}, ...), each data-changing call guarded by the {@link CallJournal}: a call that took effect
 * (in this run or an earlier, interrupted one) is never sent again; one sent before a crash is verified first
 * where the step can ({@code verify}); a refusal the connector declares the law's ({@code retainOn}) is a finding
 * for {@link Retained}, not a failure.
 */
final class JournaledErasure {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JournaledErasure.class);

    private final TaskContext task;
    private final String connector;
    private final CallJournal journal;
    private final RunValues values;
    private final ProcessorCalls calls;
    private final Retained stillHeld;
    /** the journal keys of the calls this run would send: the others in the journal no lookup finds any more */
    private final Set<String> visited = new HashSet<>();
    /** the steps whose call had nothing to send: what they change, the request does not */
    private final Set<String> untouched = new java.util.TreeSet<>();

    JournaledErasure(TaskContext task, CallJournal journal, RunValues values, ProcessorCalls calls, Retained stillHeld) {
        this.task = task;
        this.connector = calls.connectorName();
        this.journal = journal;
        this.values = values;
        this.calls = calls;
        this.stillHeld = stillHeld;
    }

    void run(Step step) {
        for (String each : values.eachOf(step)) {
            call(step, each);
        }
    }

    /** The steps not sent because the request changes nothing they carry, by id. */
    Set<String> untouched() {
        return java.util.Collections.unmodifiableSet(untouched);
    }

    /**
     * Calls sent before a crash whose target the lookup no longer finds: they are what removed it (unless a lookup
     * failed: then not finding it proves nothing).
     */
    void settleUnanswered(boolean lookupsComplete) {
        for (String key : journal.unanswered(task.taskId())) {
            if (!visited.contains(key) && lookupsComplete) {
                journal.done(task.taskId(), key, 0, true);
            }
        }
    }

    private void call(Step step, String each) {
        Call call = step.request();
        if (RequestBody.nothingToSend(call, values, each)) {
            // the processor holds none of what the request changes (a rectification of the address at a payment
            // provider that keeps only a name and an e-mail address): nothing to send, nothing to journal
            untouched.add(step.id());
            return;
        }
        String url = values.url(call, each, Map.of());
        String callKey = callKey(step, url, each);
        visited.add(callKey);
        Optional<CallJournal.Entry> prior = journal.find(task.taskId(), callKey);
        if (prior.isPresent() && prior.get().state() == CallJournal.State.DONE) {
            if (step.retainOn() != null && !prior.get().tookEffect()
                    && step.retainOn().status().contains(prior.get().httpStatus())) {
                stillHeld.refused(step.retainOn(), step.forEach(), each);
            }
            return;
        }
        boolean sentBefore = prior.isPresent();
        if (sentBefore && step.verify() != null && verifiedDone(step, each, callKey)) {
            // The hub stopped between sending this call and recording its answer, and the processor
            // says it took effect: no second call.
            LOG.info("request {} {}: step {} was sent before the hub stopped and took effect; not sent again",
                    task.request().id(), connector, step.id());
            return;
        }
        String key = journal.sending(task.taskId(), callKey);
        try (Answer answer = calls.send(step, call, url, each, call.sendsIdempotencyKey() ? key : null)) {
            record(step, each, callKey, sentBefore, answer);
        }
    }

    /** The answer to a data-changing call, in the journal: took effect, was refused by law, or found nothing. */
    private void record(Step step, String each, String callKey, boolean sentBefore, Answer answer) {
        if (refusal(step, answer)) {
            // refused because the law makes the processor keep it: a finding, not a failure
            Call then = step.retainOn().then();
            if (then != null) {
                try (Answer lesser = calls.send(step, then, values.url(then, each, Map.of()), each, null)) {
                    calls.failUnlessOk(step, lesser);
                }
            }
            journal.done(task.taskId(), callKey, answer.status(), false);
            stillHeld.refused(step.retainOn(), step.forEach(), each);
        } else if (answer.ok()) {
            ConnectorDefinition.BodySays wanted = step.doneWhen();
            if (wanted != null && !AnswerJson.firstValueIn(answer, wanted.path(), wanted.values())) {
                throw new PermanentFailure(connector + " step " + step.id() + ": HTTP " + answer.status()
                        + " without saying the change was made (" + wanted.path() + " is none of " + wanted.values() + ")");
            }
            journal.done(task.taskId(), callKey, answer.status(), true);
        } else if (AnswerJson.absent(step, answer)) {
            // gone already: if our own earlier call was lost in a crash, it is what erased it (or moved it: a member
            // whose corrected address gave it another hash)
            journal.done(task.taskId(), callKey, answer.status(), sentBefore);
        } else if (step.attentionOn() != null && step.attentionOn().matches(answer)) {
            // a case for the officer, in the connector's words; the call stays unanswered in the journal, so a retry
            // after the officer's fix sends it again
            throw new PermanentFailure(connector + " step " + step.id() + ": HTTP " + answer.status() + answer.errorTitle()
                    + ": " + step.attentionOn().means());
        } else {
            calls.failUnlessOk(step, answer);
        }
    }

    /** Asks the processor ({@code verify}) whether a call sent before a crash took effect; journals it if so. */
    private boolean verifiedDone(Step step, String each, String callKey) {
        try (Answer check = calls.send(step, step.verify(), values.url(step.verify(), each, Map.of()), each, null)) {
            if (AnswerJson.absent(step, check) || check.status() == 404 || check.status() == 410) {
                journal.done(task.taskId(), callKey, check.status(), true);
                return true;
            }
            calls.failUnlessOk(step, check);
            return false;
        }
    }

    /** The answer is the processor keeping the data: a status (and body value) the connector declares so. */
    static boolean refusal(Step step, Answer answer) {
        ConnectorDefinition.RetainOn r = step.retainOn();
        if (r == null || !r.status().contains(answer.status())) {
            return false;
        }
        return r.path() == null || AnswerJson.firstValueIn(answer, r.path(), r.values());
    }

    /**
     * How the journal names a call: its step, method, path and query, and its {@code ${each}} when only its body carries
     * it (Laposta names the list in the form body, so one step's calls for two lists have the same URL). Decided on the
     * file's templates: a step whose path or query names {@code ${each}} (or a part of it, such as an id picked with its
     * name) keeps the key it always had, and a name never goes into the key.
     */
    static String callKey(Step step, String url, String each) {
        Call call = step.request();
        String key = step.id() + " " + call.method().toUpperCase(Locale.ROOT) + " " + pathAndQuery(url);
        boolean hasBody = call.form() != null || call.json() != null || call.body() != null;
        boolean urlNamesEach = call.path().contains("${each") || call.query().values().stream().anyMatch(v -> v.contains("${each"));
        return each != null && hasBody && !urlNamesEach ? key + " [" + each + "]" : key;
    }

    static String pathAndQuery(String url) {
        java.net.URI u = java.net.URI.create(url);
        return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }
}
