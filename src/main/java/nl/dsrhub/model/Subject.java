package nl.dsrhub.model;

import java.util.Map;

/**
 * The person the request is about. Personal data: never logged, purged after the delivery window.
 *
 * @param identifiers ids the officer already knows, keyed {@code connector.name}
 *                    (e.g. {@code mollie.customerId}); they seed the identity graph
 */
public record Subject(String email, String name, Map<String, String> identifiers) {
    public Subject {
        identifiers = identifiers == null ? Map.of() : Map.copyOf(identifiers);
    }
}
