package nl.dsrhub.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A processor gone wrong, or someone answering in its name, on a free loopback port: the test says what each
 * path answers (endless, trickling, not JSON, links elsewhere). Every request it receives is recorded with its
 * credentials; an answer it could not finish because the client closed the connection is noted.
 */
public final class HostileServer implements AutoCloseable {

    /** One request as received. */
    public record Received(String method, String path, String rawQuery, String authorization, Instant at) {
    }

    /** What a path answers. */
    public interface Answer {
        void write(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hostile-server");
        t.setDaemon(true);
        return t;
    });
    private final String host;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicReference<Instant> clientWentAway = new AtomicReference<>();

    private HostileServer(String host) {
        this.host = host;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.start();
    }

    /** On 127.0.0.1. */
    public static HostileServer start() {
        return new HostileServer("127.0.0.1");
    }

    /** On the address the name resolves to first, so that a URL with this host name reaches it. */
    public static HostileServer start(String host) {
        return new HostileServer(host);
    }

    /** What the path (and everything under it) answers; every request is recorded first. */
    public HostileServer on(String path, Answer answer) {
        server.createContext(path, ex -> {
            received.add(new Received(ex.getRequestMethod(), ex.getRequestURI().getPath(), ex.getRequestURI().getRawQuery(),
                    ex.getRequestHeaders().getFirst("Authorization"), Instant.now()));
            try (ex) {
                answer.write(ex);
            } catch (IOException e) {
                clientWentAway.compareAndSet(null, Instant.now());
            }
        });
        return this;
    }

    /** E.g. {@code http://127.0.0.1:PORT}. */
    public String origin() {
        return "http://" + host + ":" + server.getAddress().getPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Bytes of body written by the streaming answers before the client closed the connection. */
    public long bytesSent() {
        return bytesSent.get();
    }

    /** When an answer broke off because the client closed the connection; null while none did. */
    public Instant clientWentAway() {
        return clientWentAway.get();
    }

    // ---- answers

    /** A JSON answer with extra headers (e.g. a Link header). */
    public static Answer json(int status, String body, Map<String, String> headers) {
        return ex -> {
            headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            text(ex, status, "application/json", body);
        };
    }

    public static Answer json(String body) {
        return json(200, body, Map.of());
    }

    /** A 200 whose body is not JSON. */
    public static Answer html(String body) {
        return ex -> text(ex, 200, "text/html", body);
    }

    /** A JSON array that never ends, as fast as the client reads it, with no length: chunk after chunk. */
    public Answer endless() {
        byte[] chunk = ("{\"id\": 1, \"note\": \"" + "x".repeat(1000) + "\"}, ").repeat(64).getBytes(StandardCharsets.UTF_8);
        return ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write('[');
            while (true) {
                out.write(chunk);
                bytesSent.addAndGet(chunk.length);
            }
        };
    }

    /** Headers at once, then one byte of a JSON array every {@code every}, for ever: each byte well within a timeout. */
    public Answer trickle(Duration every) {
        return ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write('[');
            while (true) {
                out.write(' ');
                out.flush();
                bytesSent.incrementAndGet();
                try {
                    Thread.sleep(every.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        };
    }

    private static void text(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
    }

    /**
     * The connector file of a processor named {@code hostile} at this server, under {@code /api}: a bearer token
     * the test can look for, a {@code list-id} setting left unset, and the given find steps.
     */
    public String connector(String findSteps) {
        return """
                name: hostile
                title: Hostile processor
                channel: http
                facts:
                  legalName: "Hostile B.V."
                  automatedDecisions: { nl: "Nee.", en: "No." }
                settings:
                  base-url: { default: "%s/api" }
                  token: { default: "%s", secret: true }
                  list-id: { description: "never set" }
                http:
                  auth: { type: bearer, token: "${settings.token}" }
                  timeout: 30s
                needs: { anyOf: [email] }
                find:
                %s
                """.formatted(origin(), TOKEN, findSteps.indent(2).stripTrailing());
    }

    /** The connector's credential: it must reach this server, and no other. */
    public static final String TOKEN = "hostile-token-8f2c";

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
