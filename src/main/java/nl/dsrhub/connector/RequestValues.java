package nl.dsrhub.connector;

import java.util.Set;
import nl.dsrhub.model.DsrRequest;

/**
 * The placeholders that name the request itself rather than the person: {@code ${request.id}} (the hub's own id, which
 * a processor-side mark can carry so the officer finds the request behind it) and {@code ${restriction.reason}} (why a
 * restriction's processing stops, art. 18(1): {@code accuracy-contested}, ...). Neither is personal data; the reason
 * has a value only in a restriction.
 */
final class RequestValues {

    /** Every placeholder of this kind a connector file may use. */
    static final Set<String> NAMES = Set.of("request.id", "restriction.reason");

    private RequestValues() {
    }

    static boolean isRequestValue(String name) {
        return NAMES.contains(name);
    }

    /** The value of {@code name} for the request, or null when it has none (a reason outside a restriction). */
    static String value(DsrRequest request, String name) {
        return switch (name) {
            case "request.id" -> request.id();
            case "restriction.reason" -> request.particulars().restriction() == null ? null
                    : request.particulars().restriction().reason();
            default -> null;
        };
    }
}
