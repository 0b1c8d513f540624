package nl.dsrhub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import nl.dsrhub.connector.PermanentFailure;
import nl.dsrhub.connector.TransientFailure;
import nl.dsrhub.plan.Progress;
import nl.dsrhub.plan.TaskRef;
import nl.dsrhub.plan.TaskRunner;
import nl.dsrhub.testing.RouteTestSupport;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * routes/task.yaml with its error handling (routes/error-handling.yaml, {@code task-errors}): one connector's task
 * route, made from the template as the hub makes it, with the task runner standing in.
 */
class TaskRouteTest extends RouteTestSupport {

    /** In-route redelivery, small: two more attempts, 100 ms apart at first. */
    private static final int REDELIVERIES = 2;
    private static final long DELAY_MS = 100;

    private final ScriptedTaskRunner runner = new ScriptedTaskRunner();
    private final NextStepPlanner planner = new NextStepPlanner();

    @Override
    protected List<String> routeFiles() {
        return List.of("task.yaml", "error-handling.yaml");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("dsr.retry.in-route-attempts", String.valueOf(REDELIVERIES),
                "dsr.retry.in-route-delay-ms", String.valueOf(DELAY_MS));
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("taskRunner", runner);
        registry.bind("planner", planner);
    }

    @BeforeEach
    void shopTaskRoute() throws Exception {
        // as Hub.addTaskRoutes does for every enabled connector
        TemplatedRouteBuilder.builder(context, "task-runner").routeId("task-woocommerce")
                .parameter("connector", "woocommerce").parameter("concurrency", "1").add();
        // what follows a task (progress.yaml) and the officer's notice (retries-ended.yaml) are mocks
        adviceAndStart("task-woocommerce", a -> a.mockEndpointsAndSkip("direct:progress", "direct:retries-ended"));
    }

    @Test
    void aClaimedTaskRunsOnceAndItsRequestMovesOn() throws Exception {
        MockEndpoint progress = getMockEndpoint("mock:direct:progress");
        progress.expectedBodiesReceived(planner.next);

        template.sendBody("seda:task-woocommerce", 7L);

        progress.assertIsSatisfied();
        assertThat(runner.claimed).containsExactly(7L);
        assertThat(runner.attempts()).isEqualTo(1);
        assertThat(planner.afterTask).containsExactly("r-1");
        assertThat(runner.scheduled).isEmpty();
    }

    @Test
    void aTaskAnotherWorkerClaimedIsNotRun() throws Exception {
        runner.claimGranted = false;
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("task-woocommerce").whenDone(1).create();
        MockEndpoint progress = getMockEndpoint("mock:direct:progress");
        progress.expectedMessageCount(0);

        template.sendBody("seda:task-woocommerce", 7L);

        assertThat(done.matches(10, TimeUnit.SECONDS)).isTrue();
        progress.assertIsSatisfied();
        assertThat(runner.claimed).containsExactly(7L);
        assertThat(runner.attempts()).isZero();
        assertThat(planner.afterTask).isEmpty();
    }

    @Test
    void aTransientFailureWithRetryAfterIsStoredForThenWithoutRedelivery() throws Exception {
        TransientFailure tooMany = new TransientFailure("HTTP 429", Duration.ofSeconds(30));
        runner.failure = tooMany;
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("task-woocommerce").whenDone(1).create();
        MockEndpoint progress = getMockEndpoint("mock:direct:progress");
        progress.expectedMessageCount(0);

        template.sendBody("seda:task-woocommerce", 7L);

        assertThat(done.matches(10, TimeUnit.SECONDS)).isTrue();
        progress.assertIsSatisfied();
        // asking again now would only earn another refusal: one attempt, stored for the time the processor gave
        assertThat(runner.attempts()).isEqualTo(1);
        assertThat(runner.scheduled).containsExactly(tooMany);
    }

    @Test
    void anotherTransientFailureIsRedeliveredAsConfiguredThenStoredForTheSweep() throws Exception {
        TransientFailure timeout = new TransientFailure("timeout", null);
        runner.failure = timeout;
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("task-woocommerce").whenDone(1).create();
        MockEndpoint progress = getMockEndpoint("mock:direct:progress");
        progress.expectedMessageCount(0);

        template.sendBody("seda:task-woocommerce", 7L);

        assertThat(done.matches(10, TimeUnit.SECONDS)).isTrue();
        progress.assertIsSatisfied();
        assertThat(runner.attempts()).isEqualTo(1 + REDELIVERIES);
        // each wait at least the configured delay, less its 15% jitter (and doubling after the first)
        List<Long> starts = runner.startedAtNanos;
        for (int i = 1; i < starts.size(); i++) {
            assertThat(TimeUnit.NANOSECONDS.toMillis(starts.get(i) - starts.get(i - 1)))
                    .isGreaterThanOrEqualTo(DELAY_MS * 85 / 100);
        }
        assertThat(runner.scheduled).containsExactly(timeout);
    }

    @Test
    void aTaskWhoseRetriesEndedIsHandedToTheOfficersNotice() throws Exception {
        runner.failure = new TransientFailure("HTTP 503", null);
        runner.retriesEnded = new TaskRunner.RetriesEnded("r-1", 7, "woocommerce", "24 attempts failed; last error: HTTP 503");
        MockEndpoint ended = getMockEndpoint("mock:direct:retries-ended");
        ended.expectedBodiesReceived(runner.retriesEnded);
        MockEndpoint progress = getMockEndpoint("mock:direct:progress");
        progress.expectedMessageCount(0);

        template.sendBody("seda:task-woocommerce", 7L);

        MockEndpoint.assertIsSatisfied(ended, progress);
        assertThat(runner.scheduled).hasSize(1);
    }

    @Test
    void aPermanentFailureIsNotRedelivered() throws Exception {
        runner.failure = new PermanentFailure("HTTP 401");
        MockEndpoint progress = getMockEndpoint("mock:direct:progress");
        progress.expectedBodiesReceived(planner.next);

        template.sendBody("seda:task-woocommerce", 7L);

        // stored as NEEDS_ATTENTION by the runner, once; the request moves on to its other tasks
        progress.assertIsSatisfied();
        assertThat(runner.attempts()).isEqualTo(1);
        assertThat(runner.needsAttention).containsExactly(7L);
        assertThat(runner.scheduled).isEmpty();
    }

    /**
     * Stands in for {@code TaskRunner}, which claims and stores tasks in the database: grants or refuses the claim,
     * fails each attempt with the failure the test set, and records every call. Like the runner, it stores a
     * permanent failure as NEEDS_ATTENTION and returns; any other failure is thrown on, to {@code task-errors}.
     */
    public static final class ScriptedTaskRunner {
        volatile boolean claimGranted = true;
        volatile RuntimeException failure;
        volatile TaskRunner.RetriesEnded retriesEnded;
        final List<Long> claimed = new CopyOnWriteArrayList<>();
        final List<Long> startedAtNanos = new CopyOnWriteArrayList<>();
        final List<Long> needsAttention = new CopyOnWriteArrayList<>();
        final List<Exception> scheduled = new CopyOnWriteArrayList<>();

        public boolean claim(long taskId) {
            claimed.add(taskId);
            return claimGranted;
        }

        public String execute(long taskId) {
            startedAtNanos.add(System.nanoTime());
            if (failure instanceof PermanentFailure) {
                needsAttention.add(taskId);
            } else if (failure != null) {
                throw failure;
            }
            return "r-1";
        }

        public TaskRunner.RetriesEnded scheduleRetry(long taskId, Exception why) {
            scheduled.add(why);
            return retriesEnded;
        }

        int attempts() {
            return startedAtNanos.size();
        }
    }

    /** Stands in for {@code Planner} after a task: the request's next step, one more task now ready. */
    public static final class NextStepPlanner {
        final Progress next = new Progress("r-1", List.of(new TaskRef(8, "mollie")), false);
        final List<String> afterTask = new CopyOnWriteArrayList<>();

        public Progress afterTask(String requestId) {
            afterTask.add(requestId);
            return next;
        }
    }
}
