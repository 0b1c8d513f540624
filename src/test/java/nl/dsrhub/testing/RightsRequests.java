package nl.dsrhub.testing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.model.Particulars;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.model.Subject;
import nl.dsrhub.model.Verification;

/** Restrictions, their liftings and objections of invented people, as stored requests and as request files. */
public final class RightsRequests {

    private RightsRequests() {
    }

    public static DsrRequest restriction(String email, String reason) {
        return of(RequestType.RESTRICTION, email, new Particulars(null, new Particulars.Restriction(reason, null), null, null));
    }

    public static DsrRequest lift(String email, String restrictionRequestId, String reason) {
        return of(RequestType.LIFT_RESTRICTION, email,
                new Particulars(null, null, new Particulars.Lift(restrictionRequestId, reason), null));
    }

    public static DsrRequest objection(String email, String kind, String grounds) {
        return of(RequestType.OBJECTION, email, new Particulars(null, null, null, new Particulars.Objection(kind, grounds)));
    }

    public static DsrRequest of(RequestType type, String email, Particulars particulars) {
        OffsetDateTime received = OffsetDateTime.now().minusMinutes(10);
        return new DsrRequest(null, type, received, DsrRequest.deadlineFor(received), new Subject(email, "Test Persoon", java.util.Map.of()),
                new Verification(Verification.KNOWN_EMAIL, "privacy@shop.example.nl", received.plusMinutes(1)),
                null, List.of(), "T-1", "test.json", UUID.randomUUID().toString().replace("-", ""), null, particulars);
    }

    /** A restriction's request file: {@code reason} one of art. 18(1)'s. */
    public static String restrictionFile(String email, String reference, String reason) {
        return file("restriction", email, reference, "\"restriction\": { \"reason\": \"" + reason + "\" }");
    }

    /** A lifting's request file, naming the restriction request it ends and why (the subject reads the reason). */
    public static String liftFile(String email, String reference, String restrictionRequestId, String reason) {
        return file("lift-restriction", email, reference, "\"lift\": { \"restrictionRequestId\": \"" + restrictionRequestId
                + "\", \"reason\": \"" + reason + "\" }");
    }

    /** An objection's request file: {@code direct-marketing}, or {@code particular-situation} with the grounds. */
    public static String objectionFile(String email, String reference, String kind, String grounds) {
        return file("objection", email, reference, "\"objection\": { \"kind\": \"" + kind + "\""
                + (grounds == null ? "" : ", \"grounds\": \"" + grounds + "\"") + " }");
    }

    private static String file(String type, String email, String reference, String particulars) {
        String at = Requests.now();
        return """
                {
                  "type": "%s",
                  "receivedAt": "%s",
                  "subject": { "email": "%s", "name": "Test Persoon" },
                  "verification": { "method": "known-email", "verifiedBy": "privacy@shop.example.nl", "verifiedAt": "%s" },
                  "processors": "all",
                  "reference": "%s",
                  %s
                }
                """.formatted(type, at, email, at, reference, particulars);
    }
}
