package nl.dsrhub.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A processor's simulator answering as the same API may answer elsewhere: on a free loopback port, every call is
 * passed on to the simulator, unless a rule answers it itself (a 404 for a feature the account lacks, a 500 of
 * one resource) or rewrites the simulator's JSON answer (another value the spec allows). Every call is recorded
 * with the status it got, in the order it was answered.
 */
public final class ProcessorProxy implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PASSED_ON = Set.of("authorization", "accept", "content-type", "idempotency-key");

    /** A call as answered: method, path (without query) and status. */
    public record Call(String method, String path, int status) {
    }

    private record Rule(String method, Pattern path, AtomicInteger times, int status, String contentType, String body,
                        UnaryOperator<JsonNode> rewrite) {
        boolean matches(String m, String p) {
            return method.equalsIgnoreCase(m) && path.matcher(p).matches() && (times.get() < 0 || times.get() > 0);
        }
    }

    private final String target;
    private final String basePath;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "processor-proxy");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();

    /**
     * @param simulatorBaseUrl e.g. {@code http://127.0.0.1:PORT/3.0}; the proxy's own base URL has the same path
     */
    public static ProcessorProxy of(String simulatorBaseUrl) {
        return new ProcessorProxy(simulatorBaseUrl);
    }

    private ProcessorProxy(String simulatorBaseUrl) {
        URI uri = URI.create(simulatorBaseUrl);
        this.target = uri.getScheme() + "://" + uri.getAuthority();
        this.basePath = uri.getRawPath();
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 32);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::exchange);
        server.start();
    }

    /** The base URL to give the connector. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + basePath;
    }

    /** From now on, calls of this method to a path (full path, regex) are answered with this, not passed on. */
    public ProcessorProxy answer(String method, String pathRegex, int status, String contentType, String body) {
        return answer(method, pathRegex, -1, status, contentType, body);
    }

    /** As {@link #answer(String, String, int, String, String)}, for the next {@code times} such calls only. */
    public ProcessorProxy answer(String method, String pathRegex, int times, int status, String contentType, String body) {
        rules.add(new Rule(method, Pattern.compile(pathRegex), new AtomicInteger(times), status, contentType, body, null));
        return this;
    }

    /** From now on, the simulator's JSON answers to such calls are rewritten before the connector sees them. */
    public ProcessorProxy rewrite(String method, String pathRegex, UnaryOperator<JsonNode> rewrite) {
        rules.add(new Rule(method, Pattern.compile(pathRegex), new AtomicInteger(-1), 0, null, null, rewrite));
        return this;
    }

    /** Back to passing every call on. */
    public void reset() {
        rules.clear();
        calls.clear();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    private void exchange(HttpExchange ex) {
        try (ex) {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getRawPath();
            byte[] body = ex.getRequestBody().readAllBytes();
            Rule rule = rules.stream().filter(r -> r.matches(method, path)).findFirst().orElse(null);
            if (rule != null && rule.rewrite() == null) {
                if (rule.times().get() > 0) {
                    rule.times().decrementAndGet();
                }
                write(ex, method, path, rule.status(), rule.contentType(), rule.body());
                return;
            }
            HttpRequest.Builder rq = HttpRequest.newBuilder(URI.create(target + ex.getRequestURI().toString()))
                    .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            ex.getRequestHeaders().forEach((name, values) -> {
                if (PASSED_ON.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    values.forEach(v -> rq.header(name, v));
                }
            });
            HttpResponse<String> rs = client.send(rq.build(), HttpResponse.BodyHandlers.ofString());
            String answer = rs.body();
            if (rule != null && !answer.isEmpty()) {
                answer = JSON.writeValueAsString(rule.rewrite().apply(JSON.readTree(answer)));
            }
            write(ex, method, path, rs.statusCode(), rs.headers().firstValue("Content-Type").orElse(null), answer);
        } catch (IOException e) {
            // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(HttpExchange ex, String method, String path, int status, String contentType, String body)
            throws IOException {
        calls.add(new Call(method, path, status));
        byte[] bytes = body == null ? new byte[0] : body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (contentType != null && bytes.length > 0) {
            ex.getResponseHeaders().set("Content-Type", contentType);
        }
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
