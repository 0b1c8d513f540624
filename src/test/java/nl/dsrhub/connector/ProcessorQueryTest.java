package nl.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.demo.RecordedCall;
import nl.dsrhub.demo.SimulatorServer;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A processor sees the query its connector file writes, and nothing of the hub's own: no option of Camel's
 * http endpoint (once, {@code cookieManagementDisabled=true} went out with every call) reaches its URL.
 */
class ProcessorQueryTest {

    /** The options of the engine's http endpoint: none may reach a processor. */
    private static final List<String> ENDPOINT_OPTIONS = List.of("throwExceptionOnFailure", "followRedirects",
            "disableStreamCache", "connectTimeout", "responseTimeout", "connectionRequestTimeout", "cookieManagementDisabled");

    @TempDir
    Path dataDir;

    private HubFixture fixture;

    @BeforeEach
    void start() {
        fixture = HubFixture.start(dataDir);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void eachProcessorReceivesExactlyTheQueryOfItsConnectorFile() {
        fixture.drop("jan.json", Requests.file("erasure", DemoPeople.JAN.email(), Requests.now(), "QUERY-JAN"));
        String id = fixture.awaitRequest("QUERY-JAN");
        fixture.awaitCompleted(id);

        // a GET with a query, a DELETE with one, and a POST without
        assertThat(fixture.woo.callsMatching("GET", ".*/customers")).first()
                .satisfies(c -> assertThat(c.rawQuery()).isEqualTo("email=jan%40example.nl&role=all"));
        assertThat(fixture.woo.callsMatching("DELETE", ".*/customers/42")).singleElement()
                .satisfies(c -> assertThat(c.rawQuery()).isEqualTo("force=true"));
        assertThat(fixture.mailchimp.callsMatching("POST", ".*/actions/delete-permanent")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.rawQuery()).isNull());
        // and on no call to any processor an option of the hub's
        List<RecordedCall> all = fixture.simulators.all().stream().map(SimulatorServer::calls).flatMap(List::stream).toList();
        assertThat(all).hasSizeGreaterThan(10).allSatisfy(c -> ENDPOINT_OPTIONS.forEach(option ->
                assertThat(c.rawQuery() == null ? "" : c.rawQuery()).as(c.method() + " " + c.path()).doesNotContain(option)));
    }
}
