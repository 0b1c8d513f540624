package nl.dsrhub.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Health, metrics and the REST API on the hub's HTTP server, as an operator's tools see them. */
class ObserveTest {

    @TempDir
    Path dataDir;

    HubFixture fixture;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() {
        fixture = HubFixture.start(dataDir);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void connectorHealthGoesDownWhileItsProcessorIsAwayAndUpWhenItReturns() throws Exception {
        // ready once every route and consumer has started
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> healthy = get("observe/health", null);
            assertThat(healthy.statusCode()).as(healthy.body()).isEqualTo(200);
            assertThat(healthy.body()).contains("connector-mailchimp").contains("\"UP\"");
        });

        fixture.mailchimp.stop();
        fixture.drop("away.json", Requests.file("erasure", DemoPeople.KEES.email(), Requests.now(), "HEALTH-1"));
        String id = fixture.awaitRequest("HEALTH-1");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> down = get("observe/health", null);
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).containsPattern("connector-mailchimp\"[^}]*\"status\"\\s*:\\s*\"DOWN\"");
        });
        // the other connectors stay up, and health shows no personal data
        assertThat(get("observe/health", null).body()).doesNotContain(DemoPeople.KEES.email())
                .containsPattern("connector-woocommerce\"[^}]*\"status\"\\s*:\\s*\"UP\"");

        fixture.mailchimp.restart();
        fixture.awaitCompleted(id);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> up = get("observe/health", null);
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.body()).containsPattern("connector-mailchimp\"[^}]*\"status\"\\s*:\\s*\"UP\"");
        });
    }

    @Test
    void metricsCountTheRequestsAndTasksRun() throws Exception {
        fixture.drop("m1.json", Requests.file("export", DemoPeople.JAN.email(), Requests.now(), "METRICS-1"));
        fixture.drop("m2.json", Requests.file("erasure", DemoPeople.ANNA.email(), Requests.now(), "METRICS-2"));
        fixture.awaitCompleted(fixture.awaitRequest("METRICS-1"));
        fixture.awaitCompleted(fixture.awaitRequest("METRICS-2"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String m = get("observe/metrics", null).body();
            assertThat(m).contains("dsr_requests{status=\"COMPLETED\",type=\"export\"} 1.0")
                    .contains("dsr_requests{status=\"COMPLETED\",type=\"erasure\"} 1.0")
                    .contains("dsr_requests_open 0.0")
                    .contains("dsr_requests_overdue 0.0")
                    .contains("dsr_tasks{connector=\"woocommerce\",outcome=\"EXPORTED\",type=\"export\"} 1.0")
                    .containsPattern("dsr_task_duration_seconds_count\\{connector=\"woocommerce\",result=\"success\"} 2")
                    .contains("dsr_retries_total{connector=\"woocommerce\"} 0.0")
                    .contains("dsr_oldest_open_request_days_left NaN");
        });
    }

    @Test
    void apiRefusesWithoutTheTokenAndServesWithIt() throws Exception {
        assertThat(get("api/requests", null).statusCode()).isEqualTo(401);
        assertThat(get("api/requests", "not-the-token").statusCode()).isEqualTo(401);
        HttpResponse<String> dashboard = get("", null);
        assertThat(dashboard.statusCode()).isEqualTo(303);
        assertThat(dashboard.headers().firstValue("Location")).hasValue("/login");

        HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(URI.create(fixture.baseUrl() + "api/requests"))
                .header("Authorization", "Bearer " + fixture.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Requests.file("export", DemoPeople.JAN.email(), Requests.now(), "API-1")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String id = submitted.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        fixture.awaitCompleted(id);

        HttpResponse<String> one = get("api/requests/" + id, fixture.token());
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("\"status\":\"COMPLETED\"").contains("\"connector\":\"woocommerce\"")
                .contains("\"outcome\":\"EXPORTED\"").doesNotContain(DemoPeople.JAN.email());
        assertThat(get("api/requests?all=true", fixture.token()).body()).contains(id);
        // the token never travels back in a response
        assertThat(one.headers().map().toString()).doesNotContain(fixture.token());
    }

    @Test
    void apiSettlesATaskByHandAndTheRequestCompletesAndExtendsOnlyOnce() throws Exception {
        fixture.woo.setCredentials("ck_rotated", "cs_rotated");
        fixture.drop("settle.json", Requests.file("erasure", DemoPeople.KEES.email(), Requests.now(), "API-SETTLE"));
        String id = fixture.awaitRequest("API-SETTLE");
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.hub().services().tasks.forRequest(id).stream()
                .anyMatch(t -> "woocommerce".equals(t.connector()) && t.outcome() == nl.dsrhub.model.Outcome.NEEDS_ATTENTION));

        assertThat(post("api/requests/" + id + "/extend", "{\"months\":1,\"reason\":\"archive restore\"}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> twice = post("api/requests/" + id + "/extend", "{\"months\":1,\"reason\":\"again\"}");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("already extended once");
        HttpResponse<String> noReason = post("api/requests/" + id + "/settle", "{\"connector\":\"woocommerce\",\"outcome\":\"ERASED\"}");
        assertThat(noReason.statusCode()).isEqualTo(409);
        assertThat(noReason.body()).contains("reason is required");

        HttpResponse<String> settled = post("api/requests/" + id + "/settle",
                "{\"connector\":\"woocommerce\",\"outcome\":\"ERASED\",\"reason\":\"deleted by the shop owner in wp-admin\"}");
        assertThat(settled.statusCode()).as(settled.body()).isEqualTo(200);
        fixture.awaitCompleted(id);
        assertThat(fixture.outbox(id).resolve("confirmation.json")).content().contains("woocommerce");
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(fixture.baseUrl() + path))
                .header("Authorization", "Bearer " + fixture.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fixture.baseUrl() + path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
