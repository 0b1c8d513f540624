package nl.dsrhub.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import nl.dsrhub.cli.DsrHub;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.TaskStatus;
import nl.dsrhub.store.TaskStore.TaskRow;

/** What the officer does to a running test hub: through its REST API and its command line, and what a test reads back. */
public final class Officer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HubFixture fixture;
    /** What the last command printed, on stdout and stderr. */
    public final ByteArrayOutputStream out = new ByteArrayOutputStream();
    public final ByteArrayOutputStream err = new ByteArrayOutputStream();

    public Officer(HubFixture fixture) {
        this.fixture = fixture;
    }

    /** A POST to the API with a JSON body; the answer's JSON. */
    public JsonNode post(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fixture.baseUrl() + path))
                .header("Authorization", "Bearer " + fixture.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return JSON.readTree(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    /** Settles every task the hub cannot finish by itself (needs attention, awaits a mailed reply) with {@code outcome}. */
    public void settleTheRest(String requestId, Outcome outcome) throws Exception {
        for (TaskRow t : tasks(requestId)) {
            if (t.outcome() == Outcome.NEEDS_ATTENTION || t.outcome() == Outcome.AWAITING_REPLY) {
                JsonNode r = post("api/requests/" + requestId + "/settle", JSON.createObjectNode().put("connector", t.connector())
                        .put("outcome", outcome.name()).put("reason", "told by hand; confirmed by the processor").toString());
                if (!r.path("error").isMissingNode()) {
                    throw new AssertionError("settling " + t.connector() + ": " + r);
                }
            }
        }
    }

    /** The command line beside the running hub (it goes through the hub's API); its exit code. */
    public int run(String... args) {
        out.reset();
        err.reset();
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--data",
                fixture.dataDir.toString())).toArray(String[]::new);
        return new DsrHub(new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8)).execute(all);
    }

    public List<TaskRow> tasks(String requestId) {
        return fixture.hub().services().tasks.forRequest(requestId);
    }

    public TaskRow task(String requestId, String connector) {
        return tasks(requestId).stream().filter(t -> t.connector().equals(connector)).findFirst()
                .orElseThrow(() -> new AssertionError("no task of " + connector + " for " + requestId));
    }

    /** Waits until every task of the request has an outcome (final, or one the officer must settle). */
    public List<TaskRow> awaitAnswered(String requestId) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> tasks(requestId), ts -> !ts.isEmpty()
                && ts.stream().allMatch(t -> t.status() == TaskStatus.DONE && t.outcome() != null));
    }

    public String status(String requestId) {
        return fixture.requests().row(requestId).orElseThrow().status();
    }
}
