package nl.dsrhub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import nl.dsrhub.store.SuppressionRegister;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Officer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/registers} on a running hub, behind the API's bearer token: the registers as {@code registers} prints
 * them, a finding marked handled (200), an unknown one (404), one resolved already (409), no reason (400); and the
 * {@code registers} command beside the running hub, which goes through this API.
 */
class RegistersApiTest {

    private static final String OBJECTED = "bea.bezwaar@example.com";

    @TempDir
    Path dataDir;

    HubFixture fixture;
    long finding;

    /**
     * A finding at a processor the re-subscription check does not read (the shop lists no subscribers): the check leaves
     * it open while the test runs.
     */
    @BeforeEach
    void start() {
        fixture = HubFixture.start(dataDir);
        SuppressionRegister register = fixture.hub().services().suppression;
        register.add("R-OBJ-API", OBJECTED, OffsetDateTime.now());
        finding = register.reconcile("woocommerce", List.of(new SuppressionRegister.Match(register.entry(OBJECTED)
                .orElseThrow(), null)), OffsetDateTime.now()).get(0).id();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void theRegistersAreListedAsTextAndAsJsonWithoutTheAddress() throws Exception {
        HttpResponse<String> text = send("GET", "api/registers", null, true);
        HttpResponse<String> json = send("GET", "api/registers?format=json", null, true);

        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(text.body()).contains("RE-SUBSCRIPTIONS OPEN: 1").containsPattern(finding + "\\s+woocommerce\\s+-\\s+R-OBJ-API")
                .doesNotContain(OBJECTED);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(json.body()).path("openFindings").get(0).path("id").asLong()).isEqualTo(finding);
        assertThat(json.body()).doesNotContain(OBJECTED);
    }

    @Test
    void aCallWithoutTheTokenIsRefusedAndResolvesNothing() throws Exception {
        assertThat(send("GET", "api/registers", null, false).statusCode()).isEqualTo(401);
        assertThat(send("POST", "api/registers/findings/" + finding + "/resolve", "{\"reason\": \"x\"}", false).statusCode())
                .isEqualTo(401);

        assertThat(fixture.hub().services().suppression.openFindingCount()).isEqualTo(1);
    }

    @Test
    void aFindingMarkedHandledIs200AndNoLongerOpen() throws Exception {
        HttpResponse<String> answer = send("POST", "api/registers/findings/" + finding + "/resolve",
                "{\"reason\": \"the shop's newsletter flag cleared\"}", true);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"finding\":" + finding + ",\"message\":\"finding " + finding
                + " (woocommerce, request R-OBJ-API) marked handled\"}");
        assertThat(fixture.hub().services().suppression.openFindingCount()).isZero();
        assertThat(fixture.hub().services().events.timeline("R-OBJ-API")).singleElement()
                .satisfies(e -> assertThat(e.detail()).endsWith("by the officer by the API: the shop's newsletter flag cleared"));
    }

    @Test
    void aFindingResolvedAlreadyIs409() throws Exception {
        send("POST", "api/registers/findings/" + finding + "/resolve", "{\"reason\": \"cleared\"}", true);

        HttpResponse<String> again = send("POST", "api/registers/findings/" + finding + "/resolve", "{\"reason\": \"again\"}", true);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("\"error\":\"finding " + finding + " was resolved already (by the officer");
    }

    @Test
    void anUnknownFindingIs404() throws Exception {
        HttpResponse<String> answer = send("POST", "api/registers/findings/999999/resolve", "{\"reason\": \"cleared\"}", true);

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).isEqualTo("{\"finding\":999999,\"error\":\"no re-subscription finding 999999\"}");
    }

    @Test
    void aResolveWithoutAReasonIs400AndResolvesNothing() throws Exception {
        HttpResponse<String> answer = send("POST", "api/registers/findings/" + finding + "/resolve", "{}", true);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("a reason is required");
        assertThat(fixture.hub().services().suppression.openFindingCount()).isEqualTo(1);
    }

    @Test
    void theRegistersCommandBesideTheRunningHubListsAndResolvesThroughTheApi() {
        Officer officer = new Officer(fixture);

        assertThat(officer.run("registers")).as(() -> officer.err.toString()).isZero();
        assertThat(officer.out.toString()).contains("RE-SUBSCRIPTIONS OPEN: 1").doesNotContain(OBJECTED);
        assertThat(officer.run("registers", "resolve", String.valueOf(finding), "--reason", "flag cleared")).isZero();
        assertThat(officer.out.toString()).contains("finding " + finding + " (woocommerce, request R-OBJ-API) marked handled");
        assertThat(officer.run("registers", "resolve", String.valueOf(finding), "--reason", "again")).isEqualTo(1);
        assertThat(officer.run("registers", "resolve", "999999", "--reason", "x")).isEqualTo(1);
        assertThat(officer.err.toString()).contains("no re-subscription finding 999999");

        // through the API: the running hub's timeline says how
        assertThat(fixture.hub().services().events.timeline("R-OBJ-API")).singleElement()
                .satisfies(e -> assertThat(e.detail()).endsWith("by the API: flag cleared"));
    }

    private HttpResponse<String> send(String method, String path, String body, boolean withToken) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fixture.baseUrl() + path))
                .header("Content-Type", "application/json");
        if (withToken) {
            b.header("Authorization", "Bearer " + fixture.token());
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
