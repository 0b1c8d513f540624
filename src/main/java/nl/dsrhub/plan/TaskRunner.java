package nl.dsrhub.plan;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import nl.dsrhub.connector.Connector;
import nl.dsrhub.connector.ConnectorCatalog;
import nl.dsrhub.connector.ConnectorDefinition.Channel;
import nl.dsrhub.connector.ConnectorEngine;
import nl.dsrhub.connector.PermanentFailure;
import nl.dsrhub.connector.TaskContext;
import nl.dsrhub.connector.TransientFailure;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.TaskResult;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.store.TaskStore;
import nl.dsrhub.store.TaskStore.TaskRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one task: claims it, hands it to its channel's engine, and stores the outcome before the
 * route moves on. Transient failures are thrown on, for the route's error handler to redeliver;
 * when those attempts are spent the task is stored as RETRY with its next attempt time, or, once its
 * {@link RetryPolicy} says so, as NEEDS_ATTENTION. Any other failure needs attention at once.
 */
public final class TaskRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

    private final ConnectorCatalog catalog;
    private final RequestStore requests;
    private final TaskStore tasks;
    private final Map<Channel, ConnectorEngine> engines;
    private final Path workDir;
    private final Clock clock;
    private final RetryPolicy retry;
    private volatile nl.dsrhub.connector.ConnectorBreakers breakers;
    /** Claimed tasks whose engine ran in this claim (so a later "breaker open" still counts the attempt). */
    private final java.util.Set<Long> calledInClaim = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public TaskRunner(ConnectorCatalog catalog, RequestStore requests, TaskStore tasks,
                      Map<Channel, ConnectorEngine> engines, Path workDir, Clock clock, RetryPolicy retry) {
        this.catalog = catalog;
        this.requests = requests;
        this.tasks = tasks;
        this.engines = engines;
        this.workDir = workDir;
        this.clock = clock;
        this.retry = retry;
    }

    /** Runs every engine call under the connector's circuit breaker (none when not set). */
    public TaskRunner withBreakers(nl.dsrhub.connector.ConnectorBreakers breakers) {
        this.breakers = breakers;
        return this;
    }

    /** True for the one worker that may run the task now. */
    public boolean claim(long taskId) {
        calledInClaim.remove(taskId);
        return tasks.claim(taskId);
    }

    /** Runs a claimed task and stores its outcome; returns the request id for the next step. */
    public String execute(long taskId) {
        TaskRow task = tasks.find(taskId).orElseThrow();
        Connector connector = catalog.find(task.connector()).filter(Connector::enabled).orElse(null);
        if (connector == null) {
            tasks.finish(task, attention("connector '" + task.connector() + "' is not configured or disabled"));
            return task.requestId();
        }
        ConnectorEngine engine = engines.get(connector.channel());
        if (engine == null) {
            tasks.finish(task, attention("no engine for channel " + connector.channel() + " yet: settle by hand"));
            return task.requestId();
        }
        TaskContext context = new TaskContext(taskId, requests.get(task.requestId()),
                requests.identifiers(task.requestId()), dataDir(task.requestId(), task.connector()));
        try {
            nl.dsrhub.connector.ConnectorBreakers b = breakers;
            TaskResult finish = b == null ? engine.run(connector, context)
                    : b.call(connector.name(), () -> {
                        calledInClaim.add(taskId);
                        return engine.run(connector, context);
                    });
            calledInClaim.remove(taskId);
            tasks.finish(task, finish);
            LOG.info("request {} {}: {}", task.requestId(), task.connector(), finish.outcome());
        } catch (PermanentFailure e) {
            needsAttention(task, e.getMessage());
        } catch (RuntimeException e) {
            if (RetryPolicy.retries(e)) {
                throw e;
            }
            needsAttention(task, RetryPolicy.describe(e));
        }
        return task.requestId();
    }

    private void needsAttention(TaskRow task, String why) {
        calledInClaim.remove(task.id());
        tasks.finish(task, attention(why));
        LOG.warn("request {} {}: needs attention: {}", task.requestId(), task.connector(), why);
    }

    /**
     * The in-route attempts are spent: store the task as RETRY, due after an exponential backoff with
     * jitter, or after the processor's own hint when it gave one; the retry route picks it up. When the
     * policy says its retries end (attempts spent, deadline near), it is stored as NEEDS_ATTENTION instead.
     *
     * @return null when the task waits for its next attempt; else why its retries ended, for the officer
     */
    public RetriesEnded scheduleRetry(long taskId, Exception failure) {
        TaskRow task = tasks.find(taskId).orElseThrow();
        Duration delay = failure instanceof TransientFailure t && t.retryAfter() != null
                ? t.retryAfter() : retry.backoff(task.attempts());
        String message = failure instanceof TransientFailure ? failure.getMessage()
                : failure.getClass().getSimpleName();
        boolean called = calledInClaim.remove(taskId);
        // not run at all (circuit breaker open): its claim is no attempt
        boolean postponed = failure instanceof nl.dsrhub.connector.CircuitOpen && !called;
        OffsetDateTime next = OffsetDateTime.now(clock).plus(delay);
        java.util.Optional<String> stop = retry.stop(postponed ? task.attempts() - 1 : task.attempts(), next,
                requests.row(task.requestId()).map(RequestStore.RequestRow::deadline).orElse(null));
        if (stop.isPresent()) {
            String why = stop.get() + "; last error: " + message;
            needsAttention(task, why);
            return new RetriesEnded(task.requestId(), taskId, task.connector(), why);
        }
        if (postponed) {
            tasks.postpone(task, message, next);
            LOG.info("request {} {}: not run, circuit breaker open; next attempt in {}s", task.requestId(),
                    task.connector(), delay.toSeconds());
            return null;
        }
        tasks.scheduleRetry(task, message, next);
        LOG.warn("request {} {}: attempt {} failed ({}), retry in {}s", task.requestId(), task.connector(),
                task.attempts(), message, delay.toSeconds());
        return null;
    }

    /** A task whose retries ended: it needs attention, and the officer is told (ids and the error, no personal data). */
    public record RetriesEnded(String requestId, long taskId, String connector, String why) {
    }

    /** Where an export keeps what this processor sent: personal data, removed with the request's purge. */
    public Path dataDir(String requestId, String connector) {
        return workDir.resolve(requestId).resolve(connector);
    }

    private static TaskResult attention(String why) {
        return new TaskResult(Outcome.NEEDS_ATTENTION, why, List.of(), Map.of());
    }
}
