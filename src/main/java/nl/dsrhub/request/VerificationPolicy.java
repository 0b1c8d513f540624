package nl.dsrhub.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import nl.dsrhub.model.Verification;

/**
 * The rules for a request beyond its schema: plausible dates and a verification that covers the
 * delivery. Works on the parsed document so every problem has its JSON pointer; it checks only the
 * fields that are present and of the right type (the schema reports the others).
 */
public final class VerificationPolicy {

    /** How far ahead of our clock a timestamp may be: the officer's clock may differ a little. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** A request received longer ago than this is not handled by the hub (its deadline passed long ago). */
    public static final Duration MAX_REQUEST_AGE = Duration.ofDays(365);
    /** A verification may precede the request (e.g. an earlier account check), but not by more than this. */
    public static final Duration MAX_VERIFICATION_BEFORE_RECEIPT = Duration.ofDays(30);

    private final Clock clock;

    public VerificationPolicy(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Every policy problem of the document, in the order receivedAt, verification, delivery. */
    public List<Problem> check(JsonNode doc) {
        List<Problem> problems = new ArrayList<>();
        if (doc == null || !doc.isObject()) {
            return problems;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime latest = now.plus(CLOCK_SKEW);

        OffsetDateTime receivedAt = dateTime(doc.path("receivedAt"), "/receivedAt", problems).orElse(null);
        if (receivedAt != null) {
            if (receivedAt.isAfter(latest)) {
                problems.add(new Problem("/receivedAt",
                        "is in the future; it must be the moment the subject made the request"));
            } else if (receivedAt.isBefore(now.minus(MAX_REQUEST_AGE))) {
                problems.add(new Problem("/receivedAt",
                        "is more than a year ago: the legal deadline has long passed; check the date, or handle this request by hand"));
            }
        }

        JsonNode verification = doc.path("verification");
        OffsetDateTime verifiedAt = dateTime(verification.path("verifiedAt"), "/verification/verifiedAt", problems).orElse(null);
        if (verifiedAt != null) {
            if (verifiedAt.isAfter(latest)) {
                problems.add(new Problem("/verification/verifiedAt", "is in the future"));
            } else if (receivedAt != null && verifiedAt.isBefore(receivedAt.minus(MAX_VERIFICATION_BEFORE_RECEIPT))) {
                problems.add(new Problem("/verification/verifiedAt",
                        "is more than 30 days before receivedAt; the verification must belong to this request"));
            }
        }

        JsonNode deliveryEmail = doc.path("delivery").path("email");
        JsonNode subjectEmail = doc.path("subject").path("email");
        if (deliveryEmail.isTextual() && subjectEmail.isTextual()
                && !sameAddress(deliveryEmail.asText(), subjectEmail.asText())) {
            JsonNode method = verification.path("method");
            if (!method.isTextual() || !Verification.ID_DOCUMENT.equals(method.asText())) {
                problems.add(new Problem("/delivery/email",
                        "differs from the subject's e-mail address; delivery to another address requires verification method id-document"));
            }
        }
        problems.addAll(representativeProblems(doc, latest));
        problems.addAll(newAddressProblems(doc, receivedAt, latest));
        problems.addAll(particularsOfAnotherType(doc));
        return problems;
    }

    /** Which request type each particulars field belongs to: the schema requires it there, this refuses it elsewhere. */
    private static final java.util.Map<String, String> PARTICULARS = java.util.Map.of("changes", "rectification",
            "restriction", "restriction", "lift", "lift-restriction", "objection", "objection");

    private static List<Problem> particularsOfAnotherType(JsonNode doc) {
        List<Problem> problems = new ArrayList<>();
        JsonNode type = doc.path("type");
        PARTICULARS.forEach((field, owner) -> {
            if (doc.has(field) && type.isTextual() && !owner.equals(type.asText())) {
                problems.add(new Problem("/" + field, "belongs to a " + owner + " request, not to this " + type.asText()
                        + " request: remove it, or correct the type"));
            }
        });
        problems.sort(RequestValidator.POINTER_ORDER);
        return problems;
    }

    /**
     * A rectification that moves the person to a new e-mail address moves their accounts at every processor: whoever
     * reads the old mailbox must not be able to do that on their own. So it needs a verification stronger than the
     * mailbox ({@code account-login} or {@code id-document}) and proof that the subject receives mail at the new address
     * ({@code newEmailVerifiedAt}, checked like a verification's date). The answer still goes to the known address.
     */
    private static List<Problem> newAddressProblems(JsonNode doc, OffsetDateTime receivedAt, OffsetDateTime latest) {
        List<Problem> problems = new ArrayList<>();
        JsonNode changes = doc.path("changes");
        JsonNode method = doc.path("verification").path("method");
        if (changes.path("email").isTextual() && method.isTextual() && Verification.KNOWN_EMAIL.equals(method.asText())) {
            problems.add(new Problem("/changes/email", "a new e-mail address needs verification method account-login or"
                    + " id-document: a request from the known mailbox alone does not prove who asks to move the person's"
                    + " accounts to another address"));
        }
        if (changes.path("email").isTextual() && doc.path("subject").path("email").isTextual()
                && sameAddress(changes.path("email").asText(), doc.path("subject").path("email").asText())) {
            problems.add(new Problem("/changes/email", "is the subject's present address: nothing to correct"));
        }
        OffsetDateTime checked = dateTime(changes.path("newEmailVerifiedAt"), "/changes/newEmailVerifiedAt", problems).orElse(null);
        if (checked != null && checked.isAfter(latest)) {
            problems.add(new Problem("/changes/newEmailVerifiedAt", "is in the future"));
        } else if (checked != null && receivedAt != null && checked.isBefore(receivedAt.minus(MAX_VERIFICATION_BEFORE_RECEIPT))) {
            problems.add(new Problem("/changes/newEmailVerifiedAt",
                    "is more than 30 days before receivedAt; the check of the new address must belong to this request"));
        }
        return problems;
    }

    /**
     * A representative's address is a delivery address: another than the subject's needs an id-document verification,
     * as {@code delivery.email} does; a delivery address beside it must be the same (the answer goes to the
     * representative only); the authority cannot have been checked in the future.
     */
    private static List<Problem> representativeProblems(JsonNode doc, OffsetDateTime latest) {
        List<Problem> problems = new ArrayList<>();
        JsonNode representative = doc.path("representative");
        JsonNode email = representative.path("email");
        JsonNode subjectEmail = doc.path("subject").path("email");
        JsonNode method = doc.path("verification").path("method");
        if (email.isTextual() && subjectEmail.isTextual() && !sameAddress(email.asText(), subjectEmail.asText())
                && (!method.isTextual() || !Verification.ID_DOCUMENT.equals(method.asText()))) {
            problems.add(new Problem("/representative/email", "differs from the subject's e-mail address; the answer goes to"
                    + " the representative's address, which, like any other delivery address, requires verification method id-document"));
        }
        JsonNode deliveryEmail = doc.path("delivery").path("email");
        if (email.isTextual() && deliveryEmail.isTextual() && !sameAddress(email.asText(), deliveryEmail.asText())) {
            problems.add(new Problem("/delivery/email", "differs from the representative's e-mail address; with a representative"
                    + " the answer goes to the representative only: leave delivery out or give the same address"));
        }
        OffsetDateTime checkedAt = dateTime(representative.path("authorityCheckedAt"), "/representative/authorityCheckedAt",
                problems).orElse(null);
        if (checkedAt != null && checkedAt.isAfter(latest)) {
            problems.add(new Problem("/representative/authorityCheckedAt", "is in the future"));
        }
        return problems;
    }

    /** E-mail addresses compared as the hub compares them: trimmed, case-insensitive. */
    public static boolean sameAddress(String a, String b) {
        return a.trim().toLowerCase(Locale.ROOT).equals(b.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * Parses an RFC 3339 date-time with offset strictly: impossible dates such as 2026-02-30 fail.
     *
     * @return empty when the text is not such a date-time
     */
    public static Optional<OffsetDateTime> parseDateTime(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            // RFC 3339 allows lower-case t and z; ISO_OFFSET_DATE_TIME resolves strictly (no 30 February)
            return Optional.of(OffsetDateTime.parse(text.trim().toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<OffsetDateTime> dateTime(JsonNode node, String pointer, List<Problem> problems) {
        if (!node.isTextual()) {
            return Optional.empty(); // missing or wrong type: the schema says so
        }
        Optional<OffsetDateTime> parsed = parseDateTime(node.asText());
        if (parsed.isEmpty()) {
            problems.add(new Problem(pointer, DATE_TIME_EXPECTED));
        }
        return parsed;
    }

    static final String DATE_TIME_EXPECTED =
            "is not a valid date-time; expected an existing date and time with offset, e.g. 2026-11-20T09:12:00+01:00";
}
