package nl.dsrhub.connector;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Producer;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.service.ServiceHelper;

/**
 * One call to a processor through Camel's http component, its answer read under the connector's
 * {@link AnswerLimits}. The endpoint's producer is run directly, not through a ProducerTemplate: a template's
 * unit of work completes inside its send, and camel-http then reads a streamed answer to its end before the
 * engine sees it (for ever, for an endless one). Here the engine reads the stream itself, with bounds.
 *
 * @param method  GET, POST, ...
 * @param url     the full URL, query included
 * @param headers the call's headers, credentials included
 * @param body    a JSON body, or null
 */
record HttpCall(String method, String url, Map<String, String> headers, String body) {

    /**
     * Prepares a Camel context's http components for the engine: HttpClient 5.5 would retry 503s and sleep
     * through a 429's Retry-After on its own, unseen; the engine classifies every answer itself and the routes
     * schedule retries (honouring the hint), so the client must never retry. Cookies are off: a processor's
     * session is the engine's business. And each call is handed to its {@link CallWatch}.
     */
    static void prepare(CamelContext context) {
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
     * Sends the call and reads its answer: at most {@code limits.maxBytes()}, all within {@code limits.maxTime()}.
     *
     * @param folder where the answer is written (the task's data folder); null: kept in memory
     * @param what   the connector and step, for messages (never the URL: its query may hold an e-mail address)
     */
    Answer send(CamelContext camel, String endpointUri, AnswerLimits limits, Path folder, String what) {
        Endpoint endpoint = camel.getEndpoint(endpointUri);
        Exchange exchange = endpoint.createExchange();
        fill(exchange.getIn());
        Producer producer = null;
        try (CallWatch watch = CallWatch.start(limits.maxTime())) {
            try {
                producer = endpoint.createProducer();
                ServiceHelper.startService(producer);
                producer.process(exchange);
            } catch (Exception e) {
                throw failed(e, watch, limits, what);
            }
            if (exchange.getException() != null) {
                throw failed(exchange.getException(), watch, limits, what);
            }
            Message out = exchange.getMessage();
            InputStream in = out.getBody(InputStream.class);
            if (in != null && !watch.watching()) {
                throw new IllegalStateException("the http component was not prepared (HttpEngine.prepare): "
                        + "answers cannot be bounded");
            }
            Integer status = out.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
            return new Answer(status == null ? 0 : status, out.getHeaders(), AnswerBody.read(in, limits, watch, folder, what));
        } finally {
            done(exchange);
            ServiceHelper.stopAndShutdownService(producer);
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
        if (body != null) {
            m.setHeader(Exchange.CONTENT_TYPE, "application/json");
        }
        m.setBody(body);
    }

    private static RuntimeException failed(Exception e, CallWatch watch, AnswerLimits limits, String what) {
        if (watch.expired()) {
            return limits.tooSlow(what);
        }
        // the exception text can carry the URL (with an e-mail in a query): name only its kind
        return new TransientFailure(what + ": " + e.getClass().getSimpleName(), null);
    }

    /** What camel-http left to do when the exchange is done (release the connection): the answer is read by now. */
    private static void done(Exchange exchange) {
        List<Synchronization> completions = exchange.getExchangeExtension().handoverCompletions();
        if (completions == null) {
            return;
        }
        for (Synchronization s : completions) {
            try {
                s.onComplete(exchange);
            } catch (RuntimeException e) {
                // releasing a connection that is closed already
            }
        }
    }
}
