package nl.dsrhub.demo;

import java.util.Map;

/**
 * The failures a test orders from a simulator: the next {@code count} requests answered with an error status (and
 * extra headers, e.g. {@code Retry-After}), whatever they ask.
 */
final class ForcedFailures {

    /** One forced failure: the status and the headers to answer with. */
    record Failure(int status, Map<String, String> headers) {
    }

    private int count;                              // guarded by this
    private int status;                             // guarded by this
    private Map<String, String> headers = Map.of(); // guarded by this

    synchronized void failNext(int count, int status, Map<String, String> headers) {
        if (count < 0 || status < 400 || status > 599) {
            throw new IllegalArgumentException("count >= 0 and an error status 4xx/5xx expected");
        }
        this.count = count;
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    synchronized void clear() {
        count = 0;
    }

    /** The failure for this request, counted, or {@code null} when none is due. */
    synchronized Failure take() {
        if (count > 0) {
            count--;
            return new Failure(status, headers);
        }
        return null;
    }
}
