package nl.dsrhub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import nl.dsrhub.plan.Progress;
import nl.dsrhub.plan.TaskRef;
import nl.dsrhub.testing.RouteTestSupport;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** routes/retry.yaml: the Quartz sweep, fired by hand instead of by its timer. */
class RetryRouteTest extends RouteTestSupport {

    private final SweepResults recovery = new SweepResults();

    @Override
    protected List<String> routeFiles() {
        return List.of("retry.yaml");
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("recovery", recovery);
    }

    @BeforeEach
    void fireByHand() throws Exception {
        adviceAndStart("retry", a -> {
            // the sweep runs when the test says, not when Quartz's timer comes round
            a.replaceFromWith("direct:sweep");
            a.mockEndpointsAndSkip("direct:progress");
        });
    }

    @Test
    void everyProgressTheSweepFindsGoesToProgressInItsOrder() throws Exception {
        Progress dueRetry = new Progress("r-1", List.of(new TaskRef(11, "mollie")), false);
        Progress submitted = new Progress("r-2", List.of(new TaskRef(12, "woocommerce")), false);
        recovery.found.addAll(List.of(dueRetry, submitted));
        MockEndpoint progress = getMockEndpoint("mock:direct:progress");
        progress.expectedBodiesReceived(dueRetry, submitted);

        template.sendBody("direct:sweep", null);

        progress.assertIsSatisfied();
        assertThat(recovery.sweeps).hasValue(1);
    }

    @Test
    void aSweepThatFindsNothingSendsNothing() throws Exception {
        MockEndpoint progress = getMockEndpoint("mock:direct:progress");
        progress.expectedMessageCount(0);

        // direct: the sweep is over when the send returns
        template.sendBody("direct:sweep", null);

        progress.assertIsSatisfied();
        assertThat(recovery.sweeps).hasValue(1);
    }

    /** Stands in for {@code Recovery}, which reads the database: returns what the test put in, and counts the sweeps. */
    public static final class SweepResults {
        final List<Progress> found = new CopyOnWriteArrayList<>();
        final AtomicInteger sweeps = new AtomicInteger();

        public List<Progress> sweep() {
            sweeps.incrementAndGet();
            return found;
        }
    }
}
