package nl.dsrhub.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.store.TaskStore.TaskRow;
import nl.dsrhub.testing.HostileServer;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials go only to the processor: a processor's (or an impostor's) link to "the next page" is followed
 * only when it has the origin of the connector's base-url. camel-http sends a call to whatever host its URL
 * names, with the connector's Authorization header; so the other server here must receive nothing at all.
 */
class ForeignLinksTest {

    private static final String EMAIL = DemoPeople.KEES.email();

    @TempDir
    Path dataDir;

    private HubFixture fixture;
    private final HostileServer processor = HostileServer.start();
    private final HostileServer elsewhere = HostileServer.start();

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
        processor.close();
        elsewhere.close();
    }

    @Test
    void nextLinkToAnotherPortOfTheSameHostIsRefusedAndNothingIsSentThere() {
        elsewhere.on("/", HostileServer.json("[]"));
        processor.on("/api/items", HostileServer.json("{\"items\": [{\"id\": 1}], \"next\": \"" + elsewhere.origin()
                + "/api/items?page=2&email=" + EMAIL + "\"}"));
        start("""
                - id: items
                  request: { method: GET, path: /items, query: { email: "${subject.email}" } }
                  paginate: { type: next-link, nextPath: "$.next" }
                  keep: items
                """);

        String id = exportOfKees("LINK-PORT");

        TaskRow task = awaitNeedsAttention(id);
        assertThat(task.detail()).isEqualTo("hostile step items: the processor's link to the next page points to another "
                + "origin (" + elsewhere.origin() + ") than the connector's base-url: refused, nothing was sent there")
                .doesNotContain(EMAIL);
        assertThat(elsewhere.received()).isEmpty();
        assertThat(processor.received()).singleElement()
                .satisfies(r -> assertThat(r.authorization()).isEqualTo("Bearer " + HostileServer.TOKEN));
    }

    @Test
    void linkHeaderToAnotherHostIsRefusedAndNothingIsSentThere() throws Exception {
        try (HostileServer otherHost = HostileServer.start("localhost")) {
            otherHost.on("/", HostileServer.json("[]"));
            // the link really reaches that server: were it followed, the server would have seen it
            String foreign = otherHost.origin() + "/api/items?page=2";
            assertThat(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create(foreign)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            int before = otherHost.received().size();
            processor.on("/api/items", HostileServer.json(200, "[{\"id\": 1}]",
                    Map.of("Link", "<" + foreign + ">; rel=\"next\"")));
            start("""
                    - id: items
                      request: { method: GET, path: /items, query: { email: "${subject.email}" } }
                      paginate: { type: link-header }
                      keep: items
                    """);

            String id = exportOfKees("LINK-HOST");

            TaskRow task = awaitNeedsAttention(id);
            assertThat(task.detail()).startsWith("hostile step items: the processor's link to the next page points to "
                    + "another origin (" + otherHost.origin() + ")");
            assertThat(otherHost.received()).hasSize(before);
            assertThat(processor.received()).hasSize(1);
        }
    }

    @Test
    void relativeNextLinkIsFollowedOnTheProcessorsOwnOrigin() {
        processor.on("/api/items", ex -> {
            boolean first = ex.getRequestURI().getRawQuery().startsWith("email=");
            HostileServer.json(first ? "{\"items\": [{\"id\": 1}], \"next\": \"/api/items?cursor=2\"}"
                    : "{\"items\": [{\"id\": 2}], \"next\": null}").write(ex);
        });
        start("""
                - id: items
                  request: { method: GET, path: /items, query: { email: "${subject.email}" } }
                  paginate: { type: next-link, nextPath: "$.next" }
                  keep: items
                """);

        String id = exportOfKees("LINK-RELATIVE");

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> task(id).outcome() == Outcome.EXPORTED);
        assertThat(task(id).detail()).isEqualTo("2 file(s) received");
        assertThat(processor.received()).extracting(HostileServer.Received::rawQuery)
                .containsExactly("email=" + EMAIL.replace("@", "%40"), "cursor=2");
        assertThat(processor.received()).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + HostileServer.TOKEN));
    }

    @Test
    void linkHeaderPagesAreFollowedOnTheProcessorsOwnOrigin() {
        processor.on("/api/items", ex -> {
            String query = ex.getRequestURI().getRawQuery();
            if (query.startsWith("email=")) {
                HostileServer.json(200, "[{\"id\": 1}]", Map.of("Link",
                        "<" + processor.origin() + "/api/items?page=2>; rel=\"next\", </api/items?page=9>; rel=\"last\"")).write(ex);
            } else {
                HostileServer.json(200, "[{\"id\": 2}]", Map.of("Link", "</api/items?page=1>; rel=\"prev\"")).write(ex);
            }
        });
        start("""
                - id: items
                  request: { method: GET, path: /items, query: { email: "${subject.email}" } }
                  paginate: { type: link-header }
                  keep: items
                """);

        String id = exportOfKees("LINK-HEADER");

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> task(id).outcome() == Outcome.EXPORTED);
        assertThat(processor.received()).extracting(HostileServer.Received::rawQuery)
                .containsExactly("email=" + EMAIL.replace("@", "%40"), "page=2");
    }

    /** The hub with the hostile connector only (the simulators' connectors off), no retries to wait for. */
    private void start(String findSteps) {
        fixture = HubFixture.create(dataDir);
        try {
            Path connectors = Files.createDirectories(dataDir.resolve("connectors"));
            Files.writeString(connectors.resolve("hostile.yaml"), processor.connector(findSteps));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String off : List.of("woocommerce", "mailchimp", "laposta", "moneybird", "eboekhouden", "mollie", "sendcloud")) {
            fixture.set("dsr.connector." + off + ".enabled", "false");
        }
        fixture.set("dsr.retry.in-route-attempts", "0").set("dsr.retry.max-attempts", "1");
        fixture.startHub();
    }

    private String exportOfKees(String reference) {
        fixture.drop(reference + ".json", Requests.file("export", EMAIL, Requests.now(), reference));
        return fixture.awaitRequest(reference);
    }

    private TaskRow awaitNeedsAttention(String requestId) {
        // ignoreExceptions: the task row appears only once the request is planned
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> task(requestId).outcome() == Outcome.NEEDS_ATTENTION);
        return task(requestId);
    }

    private TaskRow task(String requestId) {
        return fixture.hub().services().tasks.forRequest(requestId).stream()
                .filter(t -> t.connector().equals("hostile")).findFirst().orElseThrow();
    }
}
