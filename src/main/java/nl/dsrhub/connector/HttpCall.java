package nl.dsrhub.connector;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.component.http.HttpComponent;

/**
 * One call to a processor, sent as an exchange through the connector's call route ({@link CallRoutes}): camel-http
 * makes it, the route's {@link AnswerReader} reads its answer under the connector's {@link AnswerLimits} before the
 * exchange is done (once done, camel-http would read the rest of an endless answer for ever). Credentials sent in a
 * header travel beside the exchange ({@link SecretHeaders}), never on it.
 *
 * @param method  GET, POST, ...
 * @param url     the full URL, query included
 * @param headers the call's headers, without credentials
 * @param secrets the call's credential headers (a token), empty for none
 * @param body    the body (JSON unless the headers give a Content-Type), or null
 */
record HttpCall(String method, String url, Map<String, String> headers, Map<String, String> secrets, String body) {

    /**
     * Prepares a Camel context's http components for the engine: HttpClient 5.5 would retry 503s and sleep
     * through a 429's Retry-After on its own, unseen; the engine classifies every answer itself and the routes
     * schedule retries (honouring the hint), so the client must never retry. Cookies are off: a processor's
     * session is the engine's business. Each call is handed to its {@link CallWatch}, its credential headers added
     * ({@link SecretHeaders}). And the call routes' template is loaded where routes/ was not.
     */
    static void prepare(CamelContext context) {
        CallRoutes.loadTemplate(context);
        for (String scheme : List.of("http", "https")) {
            HttpComponent http = context.getComponent(scheme, HttpComponent.class);
            http.setAutomaticRetriesDisabled(true);
            // a component option: given on the endpoint, camel-http passed it on in every call's query string
            http.setCookieManagementDisabled(true);
            if (!(http.getHttpClientConfigurer() instanceof Watched)) {
                http.setHttpClientConfigurer(new Watched(http.getHttpClientConfigurer()));
            }
        }
    }

    /** The component's HttpClients, with the engine's calls watched (and what was configured before, kept). */
    private record Watched(HttpClientConfigurer before) implements HttpClientConfigurer {
        @Override
        public void configureHttpClient(org.apache.hc.client5.http.impl.classic.HttpClientBuilder builder) {
            if (before != null) {
                before.configureHttpClient(builder);
            }
            builder.addExecInterceptorFirst("dsr-call-watch", CallWatch.interceptor());
            builder.addExecInterceptorFirst("dsr-secret-headers", SecretHeaders.interceptor());
        }
    }

    /**
     * The endpoint of a processor: its origin and the client's options, none of which reaches the processor
     * (the call's own URL and query go in headers). Redirects are not followed: they would take the credentials along.
     */
    static String endpoint(String baseUrl, Duration timeout) {
        URI base = URI.create(baseUrl);
        long ms = timeout.toMillis();
        return base.getScheme() + "://" + base.getAuthority() + "?throwExceptionOnFailure=false&followRedirects=false"
                + "&disableStreamCache=true&connectTimeout=" + ms + "&responseTimeout=" + ms
                + "&connectionRequestTimeout=" + ms;
    }

    /**
     * Sends the call through the connector's route and reads its answer: at most {@code limits.maxBytes()}, all
     * within {@code limits.maxTime()}.
     *
     * @param origin   the connector's base URL: its credential headers go there only
     * @param endpoint the connector's camel-http endpoint ({@link #endpoint} and its Basic options)
     * @param folder   where the answer is written (the task's data folder); null: kept in memory
     * @param what     the connector and step, for messages (never the URL: its query may hold an e-mail address)
     */
    Answer send(CallRoutes routes, String connector, String origin, String endpoint, AnswerLimits limits, Path folder,
                String what) {
        try (CallWatch watch = CallWatch.start(limits.maxTime());
             SecretHeaders sent = SecretHeaders.use(origin, secrets)) {
            Exchange done = routes.send(connector, endpoint, exchange -> {
                fill(exchange.getIn());
                exchange.setProperty(AnswerReader.LIMITS, limits);
                exchange.setProperty(AnswerReader.FOLDER, folder);
                exchange.setProperty(AnswerReader.WHAT, what);
                exchange.setProperty(AnswerReader.WATCH, watch);
            });
            if (done.getException() != null) {
                throw failed(done.getException(), watch, limits, what);
            }
            Message out = done.getMessage();
            Integer status = out.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
            AnswerBody body = out.getBody(AnswerBody.class);
            return new Answer(status == null ? 0 : status, out.getHeaders(), body == null ? AnswerBody.empty() : body);
        }
    }

    private void fill(Message m) {
        m.setHeader(Exchange.HTTP_METHOD, method);
        // camel-http takes the query from its own header (else from the endpoint), not from the URI
        int q = url.indexOf('?');
        m.setHeader(Exchange.HTTP_URI, q < 0 ? url : url.substring(0, q));
        if (q >= 0) {
            m.setHeader(Exchange.HTTP_QUERY, url.substring(q + 1));
        }
        headers.forEach(m::setHeader);
        if (body != null && !headers.containsKey(Exchange.CONTENT_TYPE)) {
            m.setHeader(Exchange.CONTENT_TYPE, RequestBody.JSON);
        }
        m.setBody(body);
    }

    private static RuntimeException failed(Exception e, CallWatch watch, AnswerLimits limits, String what) {
        // the answer's own verdict (too large, too slow, not bounded), as the route's reader gave it
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PermanentFailure || t instanceof TransientFailure || t instanceof AnswerReader.Unbounded) {
                return (RuntimeException) t;
            }
        }
        if (watch.expired()) {
            return limits.tooSlow(what);
        }
        // the exception text can carry the URL (with an e-mail in a query): name only its kind
        return new TransientFailure(what + ": " + e.getClass().getSimpleName(), null);
    }
}
