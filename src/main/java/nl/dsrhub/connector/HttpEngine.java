package nl.dsrhub.connector;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import nl.dsrhub.connector.ConnectorDefinition.Call;
import nl.dsrhub.connector.ConnectorDefinition.Step;
import nl.dsrhub.model.TaskResult;
import nl.dsrhub.store.CallJournal;
import org.apache.camel.CamelContext;

/**
 * Runs a connector file's steps against the processor's HTTP API through Camel's http component: a task's
 * {@link TaskRun} (its lookups, its journaled data-changing calls, its outcome), a connector's check, and the
 * retention calendar's erasure of one record. The parts: {@link RunValues} (templating), {@link ProcessorCalls}
 * with an {@link Authentication}, {@link Paging} with a {@link PageStyle}, {@link JournaledErasure},
 * {@link RunOutcome} and {@link Retained}.
 */
public final class HttpEngine implements ConnectorEngine {

    private final CallJournal journal;
    private final ProcessorCalls.Means means;

    /** @param limits each connector's {@link AnswerLimits}, by connector name */
    public HttpEngine(Supplier<CamelContext> camel, CallJournal journal, Clock clock, Function<String, AnswerLimits> limits) {
        this.journal = journal;
        this.means = new ProcessorCalls.Means(new CallRoutes(camel), new ProcessorPace(clock), limits, clock);
    }

    /**
     * Makes the connector's call route, {@code direct:call-<connector>} (route id {@code call-<connector>}), from the
     * {@code processor-call} template: the hub does so at start-up beside the task routes, so that every route
     * shows in the metrics from the start (a context without it makes it at its first call).
     */
    public void addCallRoute(Connector connector) {
        RunValues values = new RunValues(connector, null, new Retained(connector, means.clock()));
        means.routes().ensure(connector.name(), new ProcessorCalls(means, connector, values, null).endpoint());
    }

    /** Prepares a Camel context's http components and call routes for the engine (see {@link HttpCall#prepare}). */
    public static void prepare(CamelContext context) {
        HttpCall.prepare(context);
    }

    @Override
    public TaskResult run(Connector connector, TaskContext task) {
        return new TaskRun(connector, task, journal, means).run();
    }

    /**
     * {@code connectors --check}: sends the connector's {@code check} call (or its first lookup's path)
     * and says whether the processor answered and accepted the credentials. Empty when all is well.
     */
    public Optional<String> check(Connector connector) {
        Call call = connector.definition().check();
        if (call == null) {
            return Optional.of("no check call declared");
        }
        RunValues values = new RunValues(connector, null, new Retained(connector, means.clock()));
        ProcessorCalls calls = new ProcessorCalls(means, connector, values, null);
        try (Answer answer = calls.send(Step.call("check", call), call, values.url(call, null, Map.of()), null, null)) {
            if (answer.status() == 401 || answer.status() == 403) {
                return Optional.of("reachable, but the credentials were refused (HTTP " + answer.status() + ")");
            }
            // a 404 from a lookup of a made-up id: the processor authenticated us before looking
            if (!answer.ok() && answer.status() != 404) {
                return Optional.of("reachable, but the check answered HTTP " + answer.status());
            }
            return Optional.empty();
        } catch (TransientFailure | PermanentFailure e) {
            return Optional.of("not reachable: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return Optional.of("cannot check: " + e.getMessage());
        }
    }

    /**
     * The addresses subscribed now at the processor, by list: the connector's {@code subscribers} lookups, run without
     * a subject like a check, for the suppression register's re-subscription check. Answers are read in memory; none
     * is kept. Empty for a connector without such a section.
     *
     * @throws TransientFailure when the processor could not be reached or answered 5xx/429
     * @throws PermanentFailure for any other error answer (the list would be incomplete)
     */
    public List<Subscriber> subscribers(Connector connector) {
        return SubscriberLists.read(connector, means);
    }

    /** How the processor answered the retention calendar's erasure of a record. */
    public enum EndAnswer { ERASED, GONE, REFUSED }

    /**
     * The retention calendar's call once a record's retention has ended: the connector's erase {@code step} for
     * the record {@code recordId} (its {@code ${each}}). No subject is known by then, only the record's id and the
     * connector's settings; the answer is read in memory, like a check's.
     */
    public EndAnswer eraseAtEnd(Connector connector, Step step, String recordId) {
        RunValues values = new RunValues(connector, null, new Retained(connector, means.clock()));
        ProcessorCalls calls = new ProcessorCalls(means, connector, values, null);
        try (Answer answer = calls.send(step, step.request(), values.url(step.request(), recordId, Map.of()), recordId, null)) {
            if (JournaledErasure.refusal(step, answer)) {
                return EndAnswer.REFUSED;
            }
            if (AnswerJson.absent(step, answer)) {
                return EndAnswer.GONE;
            }
            calls.failUnlessOk(step, answer);
            return EndAnswer.ERASED;
        }
    }
}
