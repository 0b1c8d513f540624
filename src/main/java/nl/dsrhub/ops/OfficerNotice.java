package nl.dsrhub.ops;

import java.time.OffsetDateTime;

/**
 * Something the privacy officer must know, e.g. a deadline close or passed. Never personal data:
 * request ids, connectors, dates. The body of {@code direct:notify-officer}.
 *
 * @param level {@code due-soon} or {@code overdue} for deadlines, {@code unexpected-reply <connector>} for a reply from
 *              an unexpected sender; the pair (request, level) is raised once
 */
public record OfficerNotice(String requestId, String level, OffsetDateTime at, String message) {
}
