package nl.dsrhub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code bench}: measures, in one run, the four things issue 7 asks for, against the simulators on
 * loopback: fan-out latency, bulk erasure throughput under the processors' (time-scaled) limits, a large
 * export in a hub with a small heap, and the hub's own CPU per task and start-up time. Prints a table
 * and writes the same figures as JSON. Each measurement is a phase of its own ({@link FanOutPhase},
 * {@link BulkErasurePhase}, {@link LargeExportPhase}); this class runs them and reports.
 */
public final class Bench {

    /** The options of one run; {@link #quick()} is everything small. */
    public record Options(int latencyMs, int warmUp, double scale, int requests, int orders, int bulkLatencyMs,
                          String exportHeap, Path out, Path workDir, java.util.Set<String> only, boolean small) {

        /**
         * 40 warm-up requests before the fan-out is timed: a hub that has handled a few dozen requests runs
         * compiled code; the first requests of a fresh JVM run interpreted and take up to ~100 ms longer
         * (reported apart as the cold figure).
         */
        static Options defaults() {
            return new Options(200, 40, 60, 5000, 200_000, 5, "256m", Path.of("bench-result.json"), null,
                    java.util.Set.of("fanout", "bulk", "export"), false);
        }

        Options quick() {
            return new Options(50, 1, scale, 60, 5_000, bulkLatencyMs, exportHeap, out, workDir, only, true);
        }

        boolean runs(String part) {
            return only.contains(part);
        }
    }

    static final String[] HTTP_CONNECTORS = {"woocommerce", "mailchimp", "mollie", "sendcloud", "laposta", "moneybird",
            "eboekhouden"};
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintStream out;
    private final Options options;
    private final Path work;

    public Bench(PrintStream out, Options options) throws IOException {
        this.out = out;
        this.options = options;
        this.work = options.workDir() != null ? options.workDir() : Files.createTempDirectory("dsr-bench-");
    }

    /** Runs everything; returns the JSON report (also written to the output file). */
    public ObjectNode run() throws Exception {
        ObjectNode report = JSON.createObjectNode();
        ObjectNode machine = report.putObject("machine");
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("java", System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        ObjectNode opts = report.putObject("options");
        opts.put("latencyMs", options.latencyMs()).put("warmUp", options.warmUp()).put("scale", options.scale()).put("requests", options.requests())
                .put("orders", options.orders()).put("bulkLatencyMs", options.bulkLatencyMs())
                .put("exportHeap", options.exportHeap());
        report.put("startedAt", Instant.now().toString());

        out.println("dsr-hub bench: working in " + work);
        ObjectNode overhead = JSON.createObjectNode();
        if (options.runs("fanout")) {
            out.println("[1/3] fan-out over 10 connectors, latency " + options.latencyMs() + " ms ...");
            report.set("fanOut", new FanOutPhase(options, work).measure());
        }
        if (options.runs("bulk")) {
            out.println("[2/3] bulk: " + options.requests() + " erasure requests, limits' windows divided by "
                    + fmt(options.scale()) + " ...");
            report.set("bulk", new BulkErasurePhase(options, work, out).measure(overhead));
        }
        if (options.runs("export")) {
            out.println("[3/3] large export: " + options.orders() + " orders, hub with -Xmx" + options.exportHeap() + " ...");
            report.set("export", new LargeExportPhase(options, work).measure(overhead));
        }
        report.set("overhead", overhead);

        Files.writeString(options.out(), JSON.writeValueAsString(report));
        out.println();
        out.print(BenchTable.render(report));
        out.println();
        out.println("JSON: " + options.out().toAbsolutePath());
        return report;
    }

    static String ms(Duration d) {
        return d.toMillis() + " ms";
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    static double round1(double d) {
        return Math.round(d * 10) / 10.0;
    }

    static double round2(double d) {
        return Math.round(d * 100) / 100.0;
    }

    /** Removes the work folder (the bench's own temp folder only). */
    public void cleanUp() {
        if (options.workDir() != null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(work)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temp folder: left for the OS
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
