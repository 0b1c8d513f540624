package nl.dsrhub.request;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A verified data-subject request as the hub keeps it.
 *
 * @param id          assigned when stored; {@code null} for a request that was only validated
 * @param receivedAt  when the subject asked: the legal clock starts here
 * @param deadline    one month after {@code receivedAt} (GDPR art. 12(3)), possibly extended
 * @param processors  connector names to involve; empty means all applicable connectors
 * @param source      where it came from (file name, mail, api), never personal data
 * @param fingerprint SHA-256 of the request's canonical content: the same file dropped twice is one request
 */
public record DsrRequest(
        String id,
        RequestType type,
        OffsetDateTime receivedAt,
        OffsetDateTime deadline,
        Subject subject,
        Verification verification,
        Delivery delivery,
        List<String> processors,
        String reference,
        String source,
        String fingerprint) {

    public DsrRequest {
        processors = processors == null ? List.of() : List.copyOf(processors);
    }

    /** One month from receipt; {@code plusMonths} clamps to the month's last day (31 Jan gives 28/29 Feb). */
    public static OffsetDateTime deadlineFor(OffsetDateTime receivedAt) {
        return receivedAt.plusMonths(1);
    }

    public boolean involves(String connector) {
        return processors.isEmpty() || processors.contains(connector);
    }

    public DsrRequest withId(String newId) {
        return new DsrRequest(newId, type, receivedAt, deadline, subject, verification, delivery,
                processors, reference, source, fingerprint);
    }
}
