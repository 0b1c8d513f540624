package nl.dsrhub.result;

import java.time.LocalDate;

/**
 * Data a processor keeps despite an erasure request, because a law requires it.
 *
 * @param what       e.g. "orders and invoices"
 * @param legalBasis e.g. "AWR art. 52 (fiscal record-keeping)"
 * @param until      end of the retention period
 */
public record Retention(String what, String legalBasis, LocalDate until) {
}
