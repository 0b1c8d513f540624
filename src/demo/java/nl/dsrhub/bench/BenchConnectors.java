package nl.dsrhub.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Connector files the benchmark writes to its own {@code dsr.connectors.dir}: the shipped connectors with
 * their declared rate windows divided by the time scale (so the hub obeys the same scaled limits the
 * simulators enforce), and the single-call connectors of the fan-out run.
 */
final class BenchConnectors {

    private static final Pattern PER = Pattern.compile("per:\\s*\"?([0-9]+)([smhd])\"?");

    private BenchConnectors() {
    }

    /** The shipped connector {@code name} with every {@code per:} window divided by {@code scale}. */
    static void writeScaled(Path dir, String name, double scale) throws IOException {
        String text;
        try (InputStream in = BenchConnectors.class.getClassLoader().getResourceAsStream("connectors/" + name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("no shipped connector " + name);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".yaml"), scaleWindows(text, scale));
    }

    static String scaleWindows(String yaml, double scale) {
        Matcher m = PER.matcher(yaml);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            Duration d = Duration.parse("PT" + m.group(1) + m.group(2).toUpperCase(Locale.ROOT));
            double seconds = d.toMillis() / scale / 1000.0;
            m.appendReplacement(sb, String.format(Locale.ROOT, "per: %.3fs", seconds));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** A declared window scaled, as the hub and the simulators use it. */
    static Duration scaled(Duration window, double scale) {
        return Duration.ofMillis(Math.max(1, Math.round(window.toMillis() / scale)));
    }

    /**
     * A shop connector that makes exactly one call (the customer look-up by e-mail, kept for the
     * export), so the fan-out run measures dispatch and not a chain of calls.
     */
    static void writeFanOut(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".yaml"), """
                # benchmark only: one WooCommerce customer look-up against its own simulator
                name: %s
                title: "Fan-out shop %s (benchmark)"
                channel: http
                facts:
                  legalName: "Benchmark shop"
                  automatedDecisions: { nl: "Nee.", en: "No." }
                  country: NL
                  role: processor
                  purposes: { nl: "Benchmark.", en: "Benchmark." }
                  dataCategories: { nl: "Klantaccount.", en: "Customer account." }
                  retention: { nl: "Geen.", en: "None." }
                  source: { nl: "Benchmark.", en: "Benchmark." }
                settings:
                  base-url: { description: "simulator", default: "http://127.0.0.1:9/wp-json/wc/v3" }
                  consumer-key: { description: "key", secret: true, required: true }
                  consumer-secret: { description: "secret", secret: true, required: true }
                http:
                  auth: { type: basic, username: "${settings.consumer-key}", password: "${settings.consumer-secret}" }
                  timeout: 30s
                limits:
                  concurrency: 1
                needs:
                  anyOf: [email]
                find:
                  - id: customer
                    request:
                      method: GET
                      path: /customers
                      query: { email: "${subject.email}", role: all }
                    keep: customer
                """.formatted(name, name.substring(name.lastIndexOf('-') + 1)));
    }
}
