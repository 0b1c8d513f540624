package nl.dsrhub.demo;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import nl.dsrhub.demo.SimulatorServer.Request;
import nl.dsrhub.demo.SimulatorServer.Response;

/**
 * The simulators' HTTP wire: a JDK {@link HttpExchange} read into a {@link Request} (headers lower-cased, the
 * query decoded, the API path found under the base path) and a {@link Response} written back; and the redaction
 * that keeps personal data out of the simulators' logs.
 */
final class SimulatorExchange {

    private static final Pattern SENSITIVE_SEGMENT = Pattern.compile("^([0-9a-fA-F]{32}|.*@.*)$");

    private static final int THREADS = 48;

    private SimulatorExchange() {
    }

    /**
     * The threads that answer a simulator's requests: enough that a hub's parallel calls are not queued by the
     * simulator itself (only by the processor's own limits), daemon so a forgotten simulator never holds a JVM.
     */
    static ExecutorService threads(String simulator) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "sim-" + simulator + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** The request of the exchange; its {@code apiPath} is {@code null} when the path is not under {@code basePath}. */
    static Request read(HttpExchange ex, String basePath) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(", ", v)));
        String path = ex.getRequestURI().getPath();
        String rawQuery = ex.getRequestURI().getRawQuery();
        String apiPath = path.equals(basePath) ? "/"
                : path.startsWith(basePath + "/") ? path.substring(basePath.length()) : null;
        return new Request(ex.getRequestMethod().toUpperCase(Locale.ROOT), path, apiPath, rawQuery,
                parseQuery(rawQuery), Collections.unmodifiableMap(headers), body);
    }

    static void write(HttpExchange ex, Response resp) throws IOException {
        resp.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        if (resp.body() == null || resp.status() == 204 || resp.status() == 304) {
            ex.sendResponseHeaders(resp.status(), -1);
            return;
        }
        byte[] bytes = resp.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", resp.contentType());
        ex.sendResponseHeaders(resp.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** The decoded query parameters in their order, each with all its values. */
    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return q;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return q;
    }

    /** The path with segments that could identify a person (e-mail, MD5 hash) replaced by {@code *}. */
    static String redact(String path) {
        return List.of(path.split("/", -1)).stream()
                .map(s -> SENSITIVE_SEGMENT.matcher(s).matches() ? "*" : s)
                .collect(Collectors.joining("/"));
    }

    /** user and password of a Basic Authorization header, or empty. */
    static Optional<String[]> basicAuth(String h) {
        if (h == null || !h.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty()
                    : Optional.of(new String[]{decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
