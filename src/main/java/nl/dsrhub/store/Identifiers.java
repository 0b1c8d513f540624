package nl.dsrhub.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the request's identity graph: the identifiers found for it (an order number, a customer id), each once,
 * whichever task or step found it first. {@link RequestStore#identifiers} reads them.
 */
public final class Identifiers {

    /** One identifier, unless the request has it already. */
    private static final String INSERT_NEW = "INSERT INTO dsr_identifier (request_id, name, id_value, source) SELECT ?, ?, ?, ? "
            + "WHERE NOT EXISTS (SELECT 1 FROM dsr_identifier WHERE request_id = ? AND name = ? AND id_value = ?)";

    private Identifiers() {
    }

    /** One identifier, in the caller's transaction. */
    public static void add(Jdbc tx, String requestId, String name, String value, String source) {
        tx.update(INSERT_NEW, requestId, name, value, source, requestId, name, value);
    }

    /** Many identifiers, in transactions of {@code chunk} rows each, sent as JDBC batches. */
    public static void addAll(Jdbc jdbc, String requestId, Map<String, List<String>> byName, String source, int chunk) {
        List<Object[]> rows = new ArrayList<>(chunk);
        for (Map.Entry<String, List<String>> e : byName.entrySet()) {
            for (String value : e.getValue()) {
                rows.add(new Object[] {requestId, e.getKey(), value, source, requestId, e.getKey(), value});
                if (rows.size() == chunk) {
                    insert(jdbc, rows);
                    rows.clear();
                }
            }
        }
        if (!rows.isEmpty()) {
            insert(jdbc, rows);
        }
    }

    private static void insert(Jdbc jdbc, List<Object[]> rows) {
        jdbc.inTransaction(tx -> tx.batch(INSERT_NEW, rows));
    }
}
