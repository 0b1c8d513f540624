package nl.dsrhub.connector;

import java.net.URI;
import java.util.Map;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.HttpHost;

/**
 * A call's credentials sent in headers (a bearer token, a session token, Basic in a header of its own): added to
 * the HTTP request by the component's HttpClient, never put on the exchange, so neither Camel's tracer, its message
 * history nor a route dump can show them. They go to the connector's own origin only, checked once more here
 * (the engine checks every URL before the call, see {@link NextLink}).
 *
 * <p>camel-http runs a call in the thread that sends it; {@link #interceptor()}, installed in the component's
 * HttpClient, adds the headers that thread set for its call.
 */
final class SecretHeaders implements AutoCloseable {

    private static final ThreadLocal<SecretHeaders> CURRENT = new ThreadLocal<>();

    private final HttpHost origin;
    private final Map<String, String> headers;

    private SecretHeaders(HttpHost origin, Map<String, String> headers) {
        this.origin = origin;
        this.headers = Map.copyOf(headers);
    }

    /** Sends {@code headers} with this thread's calls to {@code baseUrl}'s origin until {@link #close()}. */
    static SecretHeaders use(String baseUrl, Map<String, String> headers) {
        URI base = URI.create(baseUrl);
        SecretHeaders secrets = new SecretHeaders(new HttpHost(base.getScheme(), base.getHost(), port(base)), headers);
        CURRENT.set(secrets);
        return secrets;
    }

    /** The HttpClient exec interceptor that adds the sending thread's secret headers, for their origin only. */
    static ExecChainHandler interceptor() {
        return (request, scope, chain) -> {
            SecretHeaders secrets = CURRENT.get();
            if (secrets != null && secrets.isFor(scope.route.getTargetHost())) {
                secrets.headers.forEach(request::setHeader);
            }
            return chain.proceed(request, scope);
        };
    }

    private boolean isFor(HttpHost target) {
        return target != null && origin.getSchemeName().equalsIgnoreCase(target.getSchemeName())
                && origin.getHostName().equalsIgnoreCase(target.getHostName())
                && origin.getPort() == port(target.getSchemeName(), target.getPort());
    }

    private static int port(String scheme, int port) {
        return port >= 0 ? port : "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }

    private static int port(URI uri) {
        return port(uri.getScheme(), uri.getPort());
    }

    @Override
    public void close() {
        CURRENT.remove();
    }
}
