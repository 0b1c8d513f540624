package nl.dsrhub.store;

import java.sql.SQLException;

/** A database failure; the step that hit it did not happen and will be retried or resumed. */
public class StoreException extends RuntimeException {
    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
