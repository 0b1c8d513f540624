package nl.dsrhub.web;

/** A dashboard form without its session's CSRF token: answered 403 by the {@code web-errors} route configuration. */
public final class Forbidden extends RuntimeException {
    public Forbidden(String why) {
        super(why, null, false, false);
    }
}
