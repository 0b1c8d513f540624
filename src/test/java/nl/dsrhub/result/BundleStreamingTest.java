package nl.dsrhub.result;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.RequestType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A large export goes through the bundle without being held in memory. */
class BundleStreamingTest {

    private static final int ROWS = 250_000;

    @TempDir
    Path tmp;

    @Test
    void fiftyMegabyteJsonIsBundledWithTheRightHashAndCsv() throws Exception {
        Path dataDir = Files.createDirectories(tmp.resolve("data/woocommerce"));
        Path big = generate(dataDir.resolve("orders.json"));
        assertThat(Files.size(big)).isGreaterThan(50_000_000L);
        String expected = Fixtures.sha256(big);

        Path zip = new BundleWriter().write(Fixtures.request(RequestType.EXPORT),
                List.of(Fixtures.result("woocommerce", "WooCommerce", Fixtures.facts("Webwinkel Voorbeeld B.V.", "NL", "processor"),
                        Outcome.EXPORTED, dataDir, List.of(), null)),
                Fixtures.COMPLETED, tmp.resolve("outbox/bundle.zip"));

        String manifestHash = null;
        String entryHash = null;
        long csvLines = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                switch (e.getName()) {
                    case "woocommerce/orders.json" -> entryHash = streamedSha256(in);
                    case "woocommerce/orders.csv" -> csvLines = countLines(in);
                    case "manifest.json" -> {
                        JsonNode m = new ObjectMapper().readTree(in.readAllBytes());
                        manifestHash = m.get("processors").get(0).get("files").get(0).get("sha256").asText();
                    }
                    default -> { }
                }
            }
        }
        assertThat(entryHash).isEqualTo(expected);
        assertThat(manifestHash).isEqualTo(expected);
        assertThat(csvLines).isEqualTo(ROWS + 1);
    }

    /**
     * Proof that nothing is held whole: a JVM whose heap (40 MB) is smaller than the 50 MB file still
     * writes the bundle, CSV included.
     */
    @Test
    void fiftyMegabyteJsonIsBundledByAJvmWithASmallerHeap() throws Exception {
        Path dataDir = Files.createDirectories(tmp.resolve("data/woocommerce"));
        Path big = generate(dataDir.resolve("orders.json"));
        Path zip = tmp.resolve("outbox/bundle.zip");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx40m", "-cp", System.getProperty("java.class.path"),
                SmallHeapBundle.class.getName(), dataDir.toString(), zip.toString()));

        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("child.log"))).isZero();
        JsonNode manifest = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals("manifest.json")) {
                    manifest = new ObjectMapper().readTree(in.readAllBytes());
                }
            }
        }
        assertThat(manifest).isNotNull();
        assertThat(manifest.get("processors").get(0).get("files").get(0).get("sha256").asText()).isEqualTo(Fixtures.sha256(big));
        assertThat(manifest.get("processors").get(0).get("files").get(1).get("path").asText()).isEqualTo("woocommerce/orders.csv");
    }

    /** Entry point of the small-heap child JVM. */
    static final class SmallHeapBundle {
        public static void main(String[] args) throws IOException {
            new BundleWriter().write(Fixtures.request(RequestType.EXPORT),
                    List.of(Fixtures.result("woocommerce", "WooCommerce", Fixtures.facts("Webwinkel Voorbeeld B.V.", "NL", "processor"),
                            Outcome.EXPORTED, Path.of(args[0]), List.of(), null)),
                    Instant.parse("2026-12-03T14:30:00Z"), Path.of(args[1]));
        }
    }

    private static Path generate(Path file) throws IOException {
        String padding = "x".repeat(120);
        try (BufferedWriter w = Files.newBufferedWriter(file, UTF_8)) {
            w.write("[\n");
            for (int i = 0; i < ROWS; i++) {
                if (i > 0) {
                    w.write(",\n");
                }
                w.write("{\"id\":" + i + ",\"email\":\"klant" + i + "@example.nl\",\"total\":\"" + (i % 100) + ".95\","
                        + "\"note\":\"levering, graag \\\"achterom\\\" " + padding + "\",\"lines\":[{\"sku\":\"A-" + i + "\",\"qty\":2}]}");
            }
            w.write("\n]\n");
        }
        return file;
    }

    private static String streamedSha256(ZipInputStream in) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[64 * 1024];
        for (int n; (n = in.read(buf)) >= 0; ) {
            md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static long countLines(ZipInputStream in) throws IOException {
        // no field holds a line break here, so every CRLF ends a row
        BufferedReader r = new BufferedReader(new InputStreamReader(in, UTF_8));
        long n = 0;
        while (r.readLine() != null) {
            n++;
        }
        return n;
    }
}
