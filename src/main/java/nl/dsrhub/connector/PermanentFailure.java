package nl.dsrhub.connector;

/** A failure retrying will not fix (bad credentials, a refused request): the task needs an officer. */
public class PermanentFailure extends RuntimeException {
    public PermanentFailure(String message) {
        super(message);
    }
}
