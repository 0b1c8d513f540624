package nl.dsrhub.connector;

import java.time.Duration;

/** A failure that may pass: timeout, refused connection, 5xx, 429. Retried with backoff. */
public class TransientFailure extends RuntimeException {

    private final Duration retryAfter;

    public TransientFailure(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** The processor's own hint (Retry-After and the like), or {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
