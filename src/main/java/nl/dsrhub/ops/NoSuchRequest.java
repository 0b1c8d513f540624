package nl.dsrhub.ops;

/** A page asked for a request the hub does not have: the dashboard's error handler answers 404 with this message. */
public final class NoSuchRequest extends RuntimeException {

    public NoSuchRequest(String id) {
        super("No request " + id + ".");
    }
}
