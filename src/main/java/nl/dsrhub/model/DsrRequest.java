package nl.dsrhub.model;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A verified data-subject request as the hub keeps it.
 *
 * @param id          assigned when stored; {@code null} for a request that was only validated
 * @param receivedAt  when the subject asked: the legal clock starts here
 * @param deadline    the end of the due date in Dutch time (see {@link Deadlines}); the stored request's is its current
 *                    one, extension included
 * @param processors  connector names to involve; empty means all applicable connectors
 * @param source      where it came from (file name, mail, api), never personal data
 * @param fingerprint SHA-256 of the request's canonical content: the same file dropped twice is one request
 * @param representative who made the request on the subject's behalf, or {@code null} when the subject made it
 * @param particulars what a rectification, restriction, lifting or objection asks in particular; {@link Particulars#NONE}
 *                    for an export or an erasure
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
        String fingerprint,
        Representative representative,
        Particulars particulars) {

    public DsrRequest {
        processors = processors == null ? List.of() : List.copyOf(processors);
        particulars = particulars == null ? Particulars.NONE : particulars;
    }

    /** A request without particulars (an export or an erasure), possibly by a representative. */
    public DsrRequest(String id, RequestType type, OffsetDateTime receivedAt, OffsetDateTime deadline, Subject subject,
                      Verification verification, Delivery delivery, List<String> processors, String reference, String source,
                      String fingerprint, Representative representative) {
        this(id, type, receivedAt, deadline, subject, verification, delivery, processors, reference, source, fingerprint,
                representative, Particulars.NONE);
    }

    /** A request the subject made themselves. */
    public DsrRequest(String id, RequestType type, OffsetDateTime receivedAt, OffsetDateTime deadline, Subject subject,
                      Verification verification, Delivery delivery, List<String> processors, String reference, String source,
                      String fingerprint) {
        this(id, type, receivedAt, deadline, subject, verification, delivery, processors, reference, source, fingerprint, null, Particulars.NONE);
    }

    /** The law's deadline (one month, {@link Deadlines}): the end of that day in Dutch time. */
    public static OffsetDateTime deadlineFor(OffsetDateTime receivedAt) {
        return Deadlines.endOf(Deadlines.law().dueDate(receivedAt));
    }

    /** The due date: the Dutch date of {@link #deadline()}. */
    public java.time.LocalDate dueDate() {
        return Deadlines.dateOf(deadline != null ? deadline : deadlineFor(receivedAt));
    }

    public boolean involves(String connector) {
        return processors.isEmpty() || processors.contains(connector);
    }

    public DsrRequest withDeadline(OffsetDateTime newDeadline) {
        return new DsrRequest(id, type, receivedAt, newDeadline, subject, verification, delivery,
                processors, reference, source, fingerprint, representative, particulars);
    }

    public DsrRequest withId(String newId) {
        return new DsrRequest(newId, type, receivedAt, deadline, subject, verification, delivery,
                processors, reference, source, fingerprint, representative, particulars);
    }

    /** The source of an erasure that carries out an objection the officer upheld, before the objection's id. */
    public static final String UPHELD_OBJECTION = "upheld objection ";

    /**
     * The objection this request carries out, when it is the erasure the hub made of an objection the officer upheld
     * (art. 21(1) and 17(1)(c)): what the subject asked was the objection, and the receipt and confirmation say so.
     */
    public java.util.Optional<String> carriesOutObjection() {
        return source != null && source.startsWith(UPHELD_OBJECTION)
                ? java.util.Optional.of(source.substring(UPHELD_OBJECTION.length())) : java.util.Optional.empty();
    }

    /** Whether a representative made the request on the subject's behalf. */
    public boolean byRepresentative() {
        return representative != null && representative.email() != null && !representative.email().isBlank();
    }

    /**
     * Whether the request names a verified address for its answer: the representative's, or delivery.email (the
     * validator accepts either, other than the subject's own, only with an id-document verification).
     */
    public boolean hasDeliveryAddress() {
        return byRepresentative() || delivery != null && delivery.email() != null && !delivery.email().isBlank();
    }

    /**
     * Where the answer and every letter to the subject go, whoever receives it: the representative's address when a
     * representative made the request (never the child's), else the verified delivery address, else the address the
     * request came with.
     */
    public String subjectMailAddress() {
        if (byRepresentative()) {
            return representative.email();
        }
        return hasDeliveryAddress() ? delivery.email() : subject.email();
    }
}
