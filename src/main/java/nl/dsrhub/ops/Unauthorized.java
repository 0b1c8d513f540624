package nl.dsrhub.ops;

/** A dashboard or API call without a valid token: answered 401 by the {@code web-errors} route configuration. */
public final class Unauthorized extends RuntimeException {
    public Unauthorized() {
        super("a valid token is required", null, false, false);
    }
}
