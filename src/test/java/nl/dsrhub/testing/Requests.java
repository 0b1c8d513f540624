package nl.dsrhub.testing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.model.Subject;
import nl.dsrhub.model.Verification;

/** Requests about invented people, for tests. */
public final class Requests {

    private Requests() {
    }

    /** Now, as request files write it: the hub refuses requests received in the future or over a year ago. */
    public static String now() {
        // ISO formatter: toString() drops ":00" seconds, which RFC 3339 requires
        return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(java.time.ZoneOffset.ofHours(1))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minusMinutes(10));
    }

    public static DsrRequest erasure(String email) {
        return of(RequestType.ERASURE, email, Map.of());
    }

    public static DsrRequest export(String email) {
        return of(RequestType.EXPORT, email, Map.of());
    }

    /**
     * A rectification with these corrections, verified by account login (a new e-mail address needs more than the known
     * mailbox).
     */
    public static DsrRequest rectification(String email, nl.dsrhub.model.Particulars.Changes changes) {
        return rectification(email, Map.of(), changes);
    }

    /** A rectification with identifiers the officer already knows (e.g. {@code mollie.customerId}). */
    public static DsrRequest rectification(String email, Map<String, String> identifiers,
                                           nl.dsrhub.model.Particulars.Changes changes) {
        DsrRequest r = of(RequestType.RECTIFICATION, email, identifiers);
        return new DsrRequest(r.id(), r.type(), r.receivedAt(), r.deadline(), r.subject(),
                new Verification(Verification.ACCOUNT_LOGIN, "privacy@shop.example.nl", r.receivedAt().plusHours(1)),
                null, List.of(), r.reference(), r.source(), r.fingerprint(), null,
                new nl.dsrhub.model.Particulars(changes, null, null, null));
    }

    public static DsrRequest of(RequestType type, String email, Map<String, String> identifiers) {
        OffsetDateTime received = OffsetDateTime.parse("2026-11-20T09:12:00+01:00");
        return new DsrRequest(null, type, received, DsrRequest.deadlineFor(received),
                new Subject(email, "Test Persoon", identifiers),
                new Verification(Verification.KNOWN_EMAIL, "privacy@shop.example.nl", received.plusHours(1)),
                null, List.of(), "T-1", "test.json", UUID.randomUUID().toString().replace("-", ""));
    }

    /**
     * A JSON request file's content for some processors only, with identifiers the officer already knows (e.g.
     * {@code mollie.customerId}).
     */
    public static String file(String type, String email, String reference, List<String> processors,
                              Map<String, String> identifiers) {
        String receivedAt = now();
        StringBuilder ids = new StringBuilder();
        identifiers.forEach((k, v) -> ids.append(ids.length() == 0 ? "" : ", ").append('"').append(k).append("\": \"")
                .append(v).append('"'));
        String names = String.join(", ", processors.stream().map(p -> '"' + p + '"').toList());
        return """
                {
                  "type": "%s",
                  "receivedAt": "%s",
                  "subject": { "email": "%s", "name": "Test Persoon", "identifiers": { %s } },
                  "verification": { "method": "known-email", "verifiedBy": "privacy@shop.example.nl", "verifiedAt": "%s" },
                  "processors": [ %s ],
                  "reference": "%s"
                }
                """.formatted(type, receivedAt, email, ids, receivedAt, names, reference);
    }

    /** A JSON request file's content, with the reference the test finds it by. */
    public static String file(String type, String email, String receivedAt, String reference) {
        return """
                {
                  "type": "%s",
                  "receivedAt": "%s",
                  "subject": { "email": "%s", "name": "Test Persoon" },
                  "verification": { "method": "known-email", "verifiedBy": "privacy@shop.example.nl", "verifiedAt": "%s" },
                  "processors": "all",
                  "reference": "%s"
                }
                """.formatted(type, receivedAt, email, receivedAt, reference);
    }
}
