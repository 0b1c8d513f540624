package nl.dsrhub.request;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

/** Shared fixtures: a fixed clock, the configured connectors, and the request files under test resources. */
final class TestRequests {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Set<String> CONNECTORS = Set.of("woocommerce", "mollie", "mailchimp", "sendcloud", "moneybird");

    private TestRequests() {
    }

    static RequestValidator validator() {
        return new RequestValidator(new RequestParser(), CLOCK, CONNECTORS);
    }

    static byte[] resource(String path) {
        try (InputStream in = TestRequests.class.getResourceAsStream("/requests/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource requests/" + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
