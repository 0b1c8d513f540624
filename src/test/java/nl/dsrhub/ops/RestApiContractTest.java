package nl.dsrhub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REST API's answers where the command line and scripts read them: status codes and JSON bodies for a new and a
 * repeated submission, an unknown request, a body that is not JSON and a refused action.
 */
class RestApiContractTest {

    @TempDir
    static Path dataDir;
    static HubFixture fixture;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        fixture = HubFixture.start(dataDir, Map.of());
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void aNewRequestFileIsCreatedAndTheSameOneAgainIsADuplicate() throws Exception {
        String file = Requests.file("erasure", DemoPeople.KEES.email(), Requests.now(), "API-CONTRACT-1");

        HttpResponse<String> first = send("POST", "requests", file);
        HttpResponse<String> again = send("POST", "requests", file);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.body()).contains("\"duplicate\":false").contains("\"id\":\"R");
        assertThat(first.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"duplicate\":true");
    }

    @Test
    void anInvalidRequestFileIsRefusedWithItsProblems() throws Exception {
        HttpResponse<String> answer = send("POST", "requests", "{\"type\": \"erasure\"}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).startsWith("{\"problems\":[");
    }

    @Test
    void anUnknownRequestIs404WithWhy() throws Exception {
        HttpResponse<String> answer = send("GET", "requests/R20990101-NOSUCH", null);

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).isEqualTo("{\"error\":\"no request R20990101-NOSUCH\"}");
    }

    @Test
    void aBodyThatIsNotJsonIs400WithWhyAsJson() throws Exception {
        HttpResponse<String> answer = send("POST", "requests/R20990101-NOSUCH/extend", "months=2");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(answer.body()).isEqualTo("{\"error\":\"the body is not JSON: unreadable\"}");
    }

    @Test
    void anExtensionWithoutAReasonIsRefusedAs409() throws Exception {
        fixture.drop("api-contract-2.json", Requests.file("erasure", DemoPeople.JAN.email(), Requests.now(), "API-CONTRACT-2"));
        String id = fixture.awaitRequest("API-CONTRACT-2");

        HttpResponse<String> answer = send("POST", "requests/" + id + "/extend", "{\"months\": 1}");

        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.body()).startsWith("{\"error\":");
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fixture.baseUrl() + "api/" + path))
                .header("Authorization", "Bearer " + fixture.token()).header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
