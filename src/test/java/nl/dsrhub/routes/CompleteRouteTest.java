package nl.dsrhub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import nl.dsrhub.testing.RouteTestSupport;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** routes/complete.yaml: a result written now goes on to delivery, once. */
class CompleteRouteTest extends RouteTestSupport {

    private final RecordingResults results = new RecordingResults();

    @Override
    protected List<String> routeFiles() {
        return List.of("complete.yaml");
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("results", results);
    }

    @BeforeEach
    void deliveryIsAMock() throws Exception {
        // delivery (delivery.yaml) is a mock: what arrives there is what would be mailed to the subject
        adviceAndStart("complete", a -> a.mockEndpointsAndSkip("direct:deliver"));
    }

    @Test
    void aResultWrittenNowGoesToDelivery() throws Exception {
        results.writtenNow = Path.of("outbox", "r-1", "confirmation.pdf");
        MockEndpoint deliver = getMockEndpoint("mock:direct:deliver");
        deliver.expectedBodiesReceived("r-1");

        template.sendBody("seda:complete", "r-1");

        deliver.assertIsSatisfied();
        assertThat(results.completed).containsExactly("r-1");
    }

    @Test
    void aResultWrittenBeforeIsNotDeliveredAgain() throws Exception {
        // another worker claimed the writing, or it was written before a restart: complete(...) returns null
        results.writtenNow = null;
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("complete").whenDone(1).create();
        MockEndpoint deliver = getMockEndpoint("mock:direct:deliver");
        deliver.expectedMessageCount(0);

        template.sendBody("seda:complete", "r-1");

        assertThat(done.matches(10, TimeUnit.SECONDS)).isTrue();
        deliver.assertIsSatisfied();
        assertThat(results.completed).containsExactly("r-1");
    }

    @Test
    void aProvisionalConfirmationIsWrittenAndNotDelivered() throws Exception {
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("provisional").whenDone(1).create();
        MockEndpoint deliver = getMockEndpoint("mock:direct:deliver");
        deliver.expectedMessageCount(0);

        template.sendBody("seda:provisional", "r-1");

        assertThat(done.matches(10, TimeUnit.SECONDS)).isTrue();
        deliver.assertIsSatisfied();
        assertThat(results.provisional).containsExactly("r-1");
        assertThat(results.completed).isEmpty();
    }

    /** Stands in for {@code ResultService}, which writes files from the database: records what it was asked to write. */
    public static final class RecordingResults {
        volatile Path writtenNow;
        final List<String> completed = new CopyOnWriteArrayList<>();
        final List<String> provisional = new CopyOnWriteArrayList<>();

        public Path complete(String requestId) {
            completed.add(requestId);
            return writtenNow;
        }

        public Path provisional(String requestId) {
            provisional.add(requestId);
            return Path.of("outbox", requestId, "confirmation.pdf");
        }
    }
}
