package nl.dsrhub.connector;

import java.util.Locale;
import java.util.Set;
import nl.dsrhub.model.Particulars.Changes;
import nl.dsrhub.model.Particulars.PostalAddress;

/**
 * The {@code ${changes.*}} placeholders of a rectification's steps: the corrected values the request names. A value
 * the request does not change has none, and {@link RequestBody} leaves its field out: a correction never blanks what
 * the subject did not ask to change.
 */
final class ChangeValues {

    static final String PREFIX = "changes.";

    /** Every {@code changes.*} placeholder a connector file may use. */
    static final Set<String> NAMES = Set.of("changes.email", "changes.emailHash", "changes.firstName", "changes.lastName",
            "changes.fullName", "changes.phone", "changes.address.street", "changes.address.houseNumber",
            "changes.address.line1", "changes.address.postalCode", "changes.address.city", "changes.address.country");

    private ChangeValues() {
    }

    static boolean isChange(String name) {
        return name.startsWith(PREFIX);
    }

    /** The value of {@code name} in {@code changes}, or null when the request does not change it (or is no rectification). */
    static String value(Changes changes, String name) {
        if (changes == null) {
            return null;
        }
        PostalAddress a = changes.address();
        return switch (name) {
            case "changes.email" -> changes.email();
            case "changes.emailHash" -> changes.email() == null ? null
                    : RunValues.md5(changes.email().trim().toLowerCase(Locale.ROOT));
            case "changes.firstName" -> changes.firstName();
            case "changes.lastName" -> changes.lastName();
            case "changes.fullName" -> changes.fullName();
            case "changes.phone" -> changes.phone();
            default -> a == null ? null : address(a, name);
        };
    }

    private static String address(PostalAddress a, String name) {
        return switch (name) {
            case "changes.address.street" -> a.street();
            case "changes.address.houseNumber" -> a.houseNumber();
            case "changes.address.line1" -> a.line1();
            case "changes.address.postalCode" -> a.postalCode();
            case "changes.address.city" -> a.city();
            case "changes.address.country" -> a.country();
            default -> null;
        };
    }
}
