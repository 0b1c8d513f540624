package nl.dsrhub.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Base of the loopback HTTP simulators of processor APIs: a JDK {@link HttpServer} on {@code 127.0.0.1}
 * and a free port, a thread pool, a record of every interaction, and knobs a test can turn at run time
 * (latency, failures, credentials).
 *
 * <p>Order of processing a request: concurrency limit (if the processor has one) → latency →
 * {@link #failNext(int, int) forced failures} → path under the base path → authentication → the API itself.
 * A call is recorded before its response is written, so a client that has its response sees it in
 * {@link #calls()}.
 *
 * <p>Logs only method, status and a redacted path (no e-mail addresses, hashes, query strings or bodies).
 */
public abstract class SimulatorServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorServer.class);
    protected static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final String basePath;
    private final ConcurrentLinkedQueue<RecordedCall> calls = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile Duration latency = Duration.ZERO;
    private final ForcedFailures failures = new ForcedFailures();
    private HttpServer server;  // guarded by this
    private ExecutorService executor;
    private int lastPort;       // guarded by this; restart() binds it again

    protected SimulatorServer(String name, String basePath) {
        this.name = Objects.requireNonNull(name);
        this.basePath = Objects.requireNonNull(basePath);
    }

    // ------------------------------------------------------------------ lifecycle

    /** Starts the server on 127.0.0.1 and a free port. Starting a started server does nothing. */
    public synchronized SimulatorServer start() {
        return startOn(0);
    }

    /** Starts a stopped server again on the port it had, as a processor coming back would (health tests). */
    public synchronized SimulatorServer restart() {
        return startOn(lastPort);
    }

    private synchronized SimulatorServer startOn(int port) {
        if (server != null) {
            return this;
        }
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            ExecutorService pool = SimulatorExchange.threads(name);
            s.setExecutor(pool);
            s.createContext("/", this::exchange);
            s.start();
            server = s;
            executor = pool;
            lastPort = s.getAddress().getPort();
            LOG.info("{} simulator listening on {}", name, baseUrl());
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + " simulator", e);
        }
    }

    /** Stops the server; requests in progress are cut off. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
            executor = null;
            LOG.info("{} simulator stopped", name);
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException(name + " simulator is not started");
        }
        return server.getAddress().getPort();
    }

    /** E.g. {@code http://127.0.0.1:PORT/3.0}: the root the processor's API paths are relative to. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + basePath;
    }

    /** The API base path, e.g. {@code /3.0} or {@code /wp-json/wc/v3}. */
    public String basePath() {
        return basePath;
    }

    public String name() {
        return name;
    }

    // ------------------------------------------------------------------ recorded calls

    /** Snapshot of all recorded calls in the order they completed. */
    public List<RecordedCall> calls() {
        return List.copyOf(calls);
    }

    public void clearCalls() {
        calls.clear();
    }

    /** Calls with this method (any, when {@code null}) whose full path (with base path) matches the regex. */
    public List<RecordedCall> callsMatching(String method, String pathRegex) {
        Pattern p = Pattern.compile(pathRegex);
        return calls.stream()
                .filter(c -> method == null || c.method().equalsIgnoreCase(method))
                .filter(c -> p.matcher(c.path()).matches())
                .toList();
    }

    /** Requests currently being handled (admitted, not yet answered). */
    public int inFlight() {
        return inFlight.get();
    }

    // ------------------------------------------------------------------ knobs

    /** Every admitted request is answered only after this delay ({@link Duration#ZERO} to switch off). */
    public void latency(Duration latency) {
        this.latency = latency == null ? Duration.ZERO : latency;
    }

    /** The next {@code count} requests are answered with {@code status}, in the processor's error shape. */
    public void failNext(int count, int status) {
        failures.failNext(count, status, Map.of());
    }

    /** As {@link #failNext(int, int)}, with extra response headers, e.g. a {@code Retry-After} hint. */
    public void failNext(int count, int status, Map<String, String> headers) {
        failures.failNext(count, status, headers);
    }

    /** Switches off latency and pending forced failures (credentials and data stay). */
    public void resetBehaviour() {
        latency = Duration.ZERO;
        failures.clear();
    }

    // ------------------------------------------------------------------ what subclasses provide

    /** Handles an authenticated request whose path is under the base path. */
    protected abstract Response route(Request request);

    /** Empty when the request carries valid credentials, else the processor's 401 (or 403) answer. */
    protected abstract Optional<Response> authenticate(Request request);

    /** An error in the processor's own shape. */
    protected abstract Response error(int status, String detail, Request request);

    /** The processor's answer to a request that is not an API route. */
    protected abstract Response noRoute(Request request);

    /** Maximum of requests in flight at once; 0 means unlimited. */
    protected int maxConcurrentRequests() {
        return 0;
    }

    /** The answer to a request over {@link #maxConcurrentRequests()}. */
    protected Response tooManyRequests(Request request) {
        return error(429, "Too many concurrent requests.", request);
    }

    // ------------------------------------------------------------------ request / response

    /** A received request. {@code apiPath} is the path with the base path removed ({@code /lists}). */
    protected record Request(String method, String path, String apiPath, String rawQuery,
                             Map<String, List<String>> query, Map<String, String> headers, String body) {

        public String param(String name) {
            List<String> v = query.get(name);
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        public String param(String name, String fallback) {
            String v = param(name);
            return v == null ? fallback : v;
        }

        public boolean hasParam(String name) {
            return query.containsKey(name);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** user and password of a Basic Authorization header, or empty. */
        public Optional<String[]> basicAuth() {
            return SimulatorExchange.basicAuth(header("authorization"));
        }
    }

    /** A response; {@code body == null} means no body (e.g. 204). */
    protected record Response(int status, String contentType, String body, Map<String, String> headers) {

        public static Response of(int status, String contentType, String body) {
            return new Response(status, contentType, body, Map.of());
        }

        public static Response empty(int status) {
            return new Response(status, null, null, Map.of());
        }

        public Response withHeaders(Map<String, String> extra) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.putAll(extra);
            return new Response(status, contentType, body, all);
        }
    }

    protected static String toJson(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ the exchange

    private void exchange(HttpExchange ex) {
        Instant at = Instant.now();
        try (ex) {
            Request req = SimulatorExchange.read(ex, basePath);
            Response resp = respond(req);
            calls.add(new RecordedCall(req.method(), req.path(), req.rawQuery(), req.headers(), req.body(),
                    resp.status(), resp.body() == null ? null : resp.contentType(),
                    resp.body() == null ? "" : resp.body(), at));
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {} {} -> {}", name, req.method(), SimulatorExchange.redact(req.path()), resp.status());
            }
            SimulatorExchange.write(ex, resp);
        } catch (IOException e) {
            LOG.debug("{} simulator: client went away ({})", name, e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            LOG.warn("{} simulator: unexpected {}", name, e.getClass().getName());
        }
    }

    private Response respond(Request req) {
        int limit = maxConcurrentRequests();
        int now = inFlight.incrementAndGet();
        try {
            if (limit > 0 && now > limit) {
                return tooManyRequests(req);
            }
            Duration d = latency;
            if (!d.isZero() && !d.isNegative()) {
                try {
                    Thread.sleep(d.toMillis());   // simulated processing time of the remote API
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return error(503, "Simulator stopping.", req);
                }
            }
            ForcedFailures.Failure fail = failures.take();
            if (fail != null) {
                return error(fail.status(), "Simulated failure.", req).withHeaders(fail.headers());
            }
            if (req.apiPath() == null) {
                return noRoute(req);
            }
            return authenticate(req).orElseGet(() -> route(req));
        } catch (RuntimeException e) {
            LOG.warn("{} simulator: handler failed with {}", name, e.getClass().getName());
            return error(500, "Internal error.", req);
        } finally {
            inFlight.decrementAndGet();
        }
    }
}
