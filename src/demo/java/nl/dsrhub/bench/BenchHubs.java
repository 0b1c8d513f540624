package nl.dsrhub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import nl.dsrhub.connector.Connector;
import nl.dsrhub.connector.ConnectorCatalog;
import nl.dsrhub.connector.SettingsSource;

/**
 * What every phase of the bench does to set up a hub of its own and feed it: its settings (data dir, connectors,
 * a free HTTP port), a properties file for a hub in a child JVM, and requests written as the officer would.
 */
final class BenchHubs {

    private BenchHubs() {
    }

    /** Data dir, connectors dir, and every shipped connector off unless a run turns it on. */
    static Map<String, String> baseSettings(Path dir, Path connectors, boolean demoStack) throws IOException {
        Files.createDirectories(connectors);
        Map<String, String> s = new LinkedHashMap<>();
        s.put("dsr.data-dir", dir.resolve("data").toString());
        s.put("dsr.connectors.dir", connectors.toString());
        s.put("dsr.intake.poll-ms", "50");
        // each hub's HTTP server (dashboard, /observe) on a port of its own
        s.put("camel.server.port", String.valueOf(freePort()));
        ConnectorCatalog shipped = ConnectorCatalog.load(null, new SettingsSource(k -> java.util.Optional.empty(), Map.of()),
                false);
        for (Connector c : shipped.all()) {
            s.put("dsr.connector." + c.name() + ".enabled", "false");
        }
        for (String name : Bench.HTTP_CONNECTORS) {
            s.put("dsr.connector." + name + ".enabled", String.valueOf(demoStack));
        }
        return s;
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static java.net.URI health(Map<String, String> settings) {
        return java.net.URI.create("http://127.0.0.1:" + settings.get("camel.server.port") + "/observe/health");
    }

    static Path writeConfig(Path dir, Map<String, String> settings) throws IOException {
        Properties p = new Properties();
        p.putAll(settings);
        Path file = dir.resolve("bench.properties");
        Files.createDirectories(dir);
        try (var w = Files.newBufferedWriter(file)) {
            p.store(w, "written by dsr-hub bench");
        }
        return file;
    }

    static void drop(Path inbox, String name, String content) throws IOException {
        Path tmp = inbox.resolve("." + name + ".tmp");
        Files.writeString(tmp, content);
        Files.move(tmp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    static String requestJson(String type, String email, List<String> processors, String reference) {
        return requestJson(type, email, processors, reference, timestamp());
    }

    static String requestJson(String type, String email, List<String> processors, String reference, String at) {
        String procs = processors == null ? "\"all\""
                : "[" + String.join(", ", processors.stream().map(p -> "\"" + p + "\"").toList()) + "]";
        return """
                { "type": "%s", "receivedAt": "%s",
                  "subject": { "email": "%s", "name": "Bench Persoon" },
                  "verification": { "method": "known-email", "verifiedBy": "privacy@shop.example.nl", "verifiedAt": "%s" },
                  "delivery": { "email": "%s" },
                  "processors": %s, "reference": "%s" }
                """.formatted(type, at, email, at, email, procs, reference);
    }

    static String timestamp() {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(ZoneOffset.ofHours(1)).truncatedTo(ChronoUnit.SECONDS));
    }
}
