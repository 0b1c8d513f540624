package nl.dsrhub.store;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a restriction (art. 18) changed what the processor cannot point out again when it is lifted: Laposta keeps no
 * mark, so the hub keeps the lists the restriction unsubscribed the person from, by the identifier a connector's
 * {@code lift} steps run over ({@code laposta.restrictedList}). Kept from the restriction request's completion (its own
 * identifiers are purged with it) until the restriction is lifted; request ids and the processor's ids only.
 */
public final class RestrictionScope {

    private RestrictionScope() {
    }

    /** Keeps the values, in the caller's transaction (the one completing the restriction request); each once. */
    public static void keep(Jdbc tx, String restrictionRequestId, Map<String, List<String>> byName) {
        byName.forEach((name, values) -> values.forEach(value -> tx.update(
                "INSERT INTO dsr_restriction_scope (restriction_request_id, name, id_value) SELECT ?, ?, ? WHERE NOT EXISTS "
                        + "(SELECT 1 FROM dsr_restriction_scope WHERE restriction_request_id = ? AND name = ? AND id_value = ?)",
                restrictionRequestId, name, value, restrictionRequestId, name, value)));
    }

    /** What the restriction changed, by identifier name (empty when nothing was kept); in a transaction or not. */
    public static Map<String, List<String>> of(Jdbc db, String restrictionRequestId) {
        Map<String, List<String>> out = new TreeMap<>();
        db.query("SELECT name, id_value FROM dsr_restriction_scope WHERE restriction_request_id = ? ORDER BY name, id_value",
                rs -> out.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>()).add(rs.getString(2)),
                restrictionRequestId);
        return out;
    }

    /** Forgets it once the restriction is lifted, in the caller's transaction. */
    public static void forget(Jdbc tx, String restrictionRequestId) {
        tx.update("DELETE FROM dsr_restriction_scope WHERE restriction_request_id = ?", restrictionRequestId);
    }
}
