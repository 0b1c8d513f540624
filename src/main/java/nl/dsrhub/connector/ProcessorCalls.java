package nl.dsrhub.connector;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import nl.dsrhub.connector.ConnectorDefinition.Call;
import nl.dsrhub.connector.ConnectorDefinition.Step;

/**
 * The calls of one run to one processor: each to the connector's own origin, at the processor's pace, with the
 * file's headers and the connector's {@link Authentication}, sent through the connector's call route
 * ({@link CallRoutes}, camel-http) and read under the connector's {@link AnswerLimits}.
 */
final class ProcessorCalls {

    /** What a run's calls share: the call routes, the pace and limits of every connector, the clock. */
    record Means(CallRoutes routes, ProcessorPace pace, java.util.function.Function<String, AnswerLimits> limits,
                 Clock clock) {
    }

    private final Means means;
    private final Connector connector;
    private final RunValues values;
    private final Authentication auth;
    /** where answers are written (the task's data folder); null: in memory */
    private final Path folder;

    ProcessorCalls(Means means, Connector connector, RunValues values, Path folder) {
        this.means = means;
        this.connector = connector;
        this.values = values;
        this.folder = folder;
        this.auth = Authentication.of(connector.definition().http().auth());
    }

    String connectorName() {
        return connector.name();
    }

    /** Sends a call of the step (authenticated); {@code each} fills the call's templates. */
    Answer send(Step step, Call call, String url, String each, String idempotencyKey) {
        return send(step, call, url, each, idempotencyKey, true);
    }

    /** Sends a call without credentials: a session's login. */
    Answer sendUnauthenticated(Step step, Call call, String url) {
        return send(step, call, url, null, null, false);
    }

    private Answer send(Step step, Call call, String url, String each, String idempotencyKey, boolean authenticated) {
        String what = connector.name() + " step " + step.id();
        // the connector's credentials go with every call: to its own origin only
        NextLink.requireOrigin(connector.baseUrl(), URI.create(url), what + ": the call's URL");
        String method = call.method().toUpperCase(Locale.ROOT);
        // the route is made (when the hub did not make it at start-up) before the permit: a call must leave at once
        // once permitted, or the next permit's call could follow it closer than the processor's window allows
        String endpoint = endpoint();
        means.routes().ensure(connector.name(), endpoint);
        means.pace().awaitPermit(connector, method);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        connector.definition().http().headers().forEach((k, v) -> headers.put(k, values.expand(v, null)));
        call.headers().forEach((k, v) -> headers.put(k, values.expand(v, each)));
        // credentials in a header travel beside the exchange, never on it (SecretHeaders)
        Map<String, String> secrets = new LinkedHashMap<>();
        if (authenticated) {
            auth.header(values, this).ifPresent(h -> secrets.put(h.getKey(), h.getValue()));
        }
        if (idempotencyKey != null) {
            headers.put("Idempotency-Key", idempotencyKey);
        }
        java.util.Optional<RequestBody.Sent> body = RequestBody.of(call, values, each);
        body.ifPresent(b -> headers.put("Content-Type", b.contentType()));
        Answer answer = new HttpCall(method, url, headers, secrets, body.map(RequestBody.Sent::text).orElse(null)).send(means.routes(), connector.name(),
                connector.baseUrl(), endpoint, means.limits().apply(connector.name()), folder, what);
        means.pace().note(connector, answer);
        return answer;
    }

    /**
     * @throws TransientFailure for an answer that may pass (5xx, 429), with the processor's hint when to retry
     * @throws PermanentFailure for any other error answer
     */
    void failUnlessOk(Step step, Answer answer) {
        if (answer.ok()) {
            return;
        }
        String what = connector.name() + " step " + step.id() + ": HTTP " + answer.status() + answer.errorTitle();
        if (answer.isTransient()) {
            throw new TransientFailure(what, answer.retryAfter(means.clock()));
        }
        throw new PermanentFailure(what);
    }

    /**
     * The connector's camel-http endpoint, which its call route is made with: the origin, the client's timeouts and
     * the style's Basic options (Camel masks them wherever it shows an endpoint). An unauthenticated call (a
     * session's login) goes through the same route: the styles with such a call have no endpoint options.
     */
    String endpoint() {
        return HttpCall.endpoint(connector.baseUrl(), timeout()) + auth.endpointOptions(values);
    }

    private Duration timeout() {
        String t = connector.definition().http().timeout();
        return t == null ? Duration.ofSeconds(30) : Duration.parse("PT" + t.toUpperCase(Locale.ROOT));
    }
}
