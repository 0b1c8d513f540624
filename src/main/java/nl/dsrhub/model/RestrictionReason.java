package nl.dsrhub.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Why processing is restricted (GDPR art. 18(1)(a)-(d)): the reason the restriction register keeps with each
 * restriction ("the restriction is recorded with its reason"). The wire name is what a request, the register and the
 * officer's views use.
 */
public enum RestrictionReason {

    /** The subject contests the accuracy of the data, for the time the controller needs to verify it (art. 18(1)(a)). */
    ACCURACY_CONTESTED("accuracy-contested", "art. 18(1)(a) GDPR"),
    /** The processing is unlawful and the subject asks for restriction instead of erasure (art. 18(1)(b)). */
    UNLAWFUL_PROCESSING("unlawful-processing", "art. 18(1)(b) GDPR"),
    /** The controller no longer needs the data, but the subject needs them for legal claims (art. 18(1)(c)). */
    LEGAL_CLAIMS("legal-claims", "art. 18(1)(c) GDPR"),
    /** The subject objected (art. 21(1)) and the weighing of grounds is pending (art. 18(1)(d)). */
    OBJECTION_PENDING("objection-pending", "art. 18(1)(d) GDPR");

    private final String wire;
    private final String article;

    RestrictionReason(String wire, String article) {
        this.wire = wire;
        this.article = article;
    }

    /** {@code accuracy-contested}, {@code unlawful-processing}, {@code legal-claims}, {@code objection-pending}. */
    public String wire() {
        return wire;
    }

    /** The point of art. 18(1) the reason is. */
    public String article() {
        return article;
    }

    /** The wire names of all reasons, for messages and schemas. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(RestrictionReason::wire).toList();
    }

    /** The reason of this wire name; empty for any other text. */
    public static Optional<RestrictionReason> of(String wire) {
        String w = wire == null ? "" : wire.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.wire.equals(w)).findFirst();
    }
}
