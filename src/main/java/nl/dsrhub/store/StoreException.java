package nl.dsrhub.store;

import java.sql.SQLException;

/** A database operation failed; the message is the driver's (statements carry parameters, never values). */
public class StoreException extends RuntimeException {
    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    public StoreException(String message, SQLException cause) {
        super(message, cause);
    }
}
