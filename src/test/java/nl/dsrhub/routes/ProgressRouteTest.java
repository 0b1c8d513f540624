package nl.dsrhub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import nl.dsrhub.plan.Progress;
import nl.dsrhub.plan.TaskRef;
import nl.dsrhub.testing.RouteTestSupport;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** routes/progress.yaml with plan.yaml: where a request's progress sends its work. */
class ProgressRouteTest extends RouteTestSupport {

    private final ScriptedPlanner planner = new ScriptedPlanner();

    @Override
    protected List<String> routeFiles() {
        return List.of("progress.yaml", "plan.yaml");
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("planner", planner);
    }

    @BeforeEach
    void queuesAreMocks() throws Exception {
        // the queues progress feeds are mocks: what arrives there is what the task, result and provisional routes would get
        adviceAndStart("progress", a -> a.mockEndpointsAndSkip("seda:task-*", "seda:complete", "seda:provisional"));
    }

    @Test
    void readyTasksGoToTheirConnectorsQueuesAsTaskIds() throws Exception {
        MockEndpoint shop = getMockEndpoint("mock:seda:task-woocommerce");
        shop.expectedBodiesReceived(7L);
        shop.expectedHeaderReceived("connector", "woocommerce");
        MockEndpoint mollie = getMockEndpoint("mock:seda:task-mollie");
        mollie.expectedBodiesReceived(8L);
        mollie.expectedHeaderReceived("connector", "mollie");
        MockEndpoint complete = getMockEndpoint("mock:seda:complete");
        complete.expectedMessageCount(0);

        template.sendBody("direct:progress",
                new Progress("r-1", List.of(new TaskRef(7, "woocommerce"), new TaskRef(8, "mollie")), false));

        MockEndpoint.assertIsSatisfied(shop, mollie, complete);
    }

    @Test
    void aRequestWithEveryTaskFinalGoesToTheResultStage() throws Exception {
        MockEndpoint complete = getMockEndpoint("mock:seda:complete");
        complete.expectedBodiesReceived("r-1");
        MockEndpoint provisional = getMockEndpoint("mock:seda:provisional");
        provisional.expectedMessageCount(0);

        template.sendBody("direct:progress", new Progress("r-1", List.of(), true));

        MockEndpoint.assertIsSatisfied(complete, provisional);
        assertThat(taskQueuesUsed()).isEmpty();
    }

    @Test
    void aRequestAwaitingOnlyMailedRepliesGoesToItsProvisionalConfirmation() throws Exception {
        MockEndpoint provisional = getMockEndpoint("mock:seda:provisional");
        provisional.expectedBodiesReceived("r-1");
        MockEndpoint complete = getMockEndpoint("mock:seda:complete");
        complete.expectedMessageCount(0);

        template.sendBody("direct:progress", new Progress("r-1", List.of(), false, true));

        MockEndpoint.assertIsSatisfied(provisional, complete);
        assertThat(taskQueuesUsed()).isEmpty();
    }

    @Test
    void aRequestWithNothingToDoYetGoesNowhere() throws Exception {
        MockEndpoint complete = getMockEndpoint("mock:seda:complete");
        complete.expectedMessageCount(0);
        MockEndpoint provisional = getMockEndpoint("mock:seda:provisional");
        provisional.expectedMessageCount(0);

        // tasks still running elsewhere: their own ends move the request on
        template.sendBody("direct:progress", new Progress("r-1", List.of(), false));

        MockEndpoint.assertIsSatisfied(complete, provisional);
        assertThat(taskQueuesUsed()).isEmpty();
    }

    @Test
    void aPlannedRequestsReadyTasksAreDispatched() throws Exception {
        planner.plans.put("r-2", new Progress("r-2", List.of(new TaskRef(9, "laposta")), false));
        NotifyBuilder planned = new NotifyBuilder(context).fromRoute("plan").whenDone(1).create();
        MockEndpoint laposta = getMockEndpoint("mock:seda:task-laposta");
        laposta.expectedBodiesReceived(9L);

        template.sendBody("seda:plan", "r-2");

        assertThat(planned.matches(10, TimeUnit.SECONDS)).isTrue();
        laposta.assertIsSatisfied();
        assertThat(planner.planned).containsExactly("r-2");
    }

    /** The connector queues a task was sent to (each is created on first use). */
    private List<String> taskQueuesUsed() {
        return context.getEndpoints().stream().map(Endpoint::getEndpointUri).filter(uri -> uri.contains("task-")).toList();
    }

    /** Stands in for {@code Planner}, which plans in the database: returns the progress the test set for a request. */
    public static final class ScriptedPlanner {
        final Map<String, Progress> plans = new ConcurrentHashMap<>();
        final List<String> planned = new CopyOnWriteArrayList<>();

        public Progress plan(String requestId) {
            planned.add(requestId);
            return plans.get(requestId);
        }
    }
}
