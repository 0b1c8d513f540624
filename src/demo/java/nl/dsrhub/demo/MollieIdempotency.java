package nl.dsrhub.demo;

import static nl.dsrhub.demo.MollieJson.halError;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import nl.dsrhub.demo.SimulatorServer.Request;
import nl.dsrhub.demo.SimulatorServer.Response;

/**
 * Mollie's {@code Idempotency-Key}: a write ({@code POST}, {@code PATCH}, {@code DELETE}) with a key is carried out
 * once; a repeat with the same key gets the stored first answer (also when the resource is gone by then), the same
 * key on another method or path is 422. Answers of 500 and over are not stored, so a retry runs again. Every sighting
 * of a key is counted.
 */
final class MollieIdempotency {

    private record Stored(String method, String path, Response response) {
    }

    private final Map<String, Stored> answers = new ConcurrentHashMap<>();
    private final Map<String, Integer> keysSeen = new ConcurrentHashMap<>();

    /** The answer to {@code req}: {@code handle}'s, or the one stored under its key. */
    Response answer(Request req, Function<Request, Response> handle) {
        boolean write = !req.method().equals("GET") && !req.method().equals("HEAD");
        String key = req.header("idempotency-key");
        if (!write || key == null || key.isBlank()) {
            return handle.apply(req);
        }
        keysSeen.merge(key, 1, Integer::sum);
        Stored first = answers.get(key);
        if (first != null) {
            return sameRequest(first, req) ? first.response() : reused();
        }
        synchronized (this) {
            Stored again = answers.get(key);
            if (again != null) {
                return sameRequest(again, req) ? again.response() : reused();
            }
            Response r = handle.apply(req);
            if (r.status() < 500) {
                answers.put(key, new Stored(req.method(), req.path(), r));
            }
            return r;
        }
    }

    /** How often each key was seen on a write. */
    Map<String, Integer> keysSeen() {
        return Map.copyOf(keysSeen);
    }

    private static boolean sameRequest(Stored first, Request req) {
        return first.method().equals(req.method()) && first.path().equals(req.path());
    }

    private static Response reused() {
        return halError(422, "Unprocessable Entity", "The idempotency key was already used for a different request.",
                null, MollieSimulator.ERROR_DOCS);
    }
}
