package nl.dsrhub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import nl.dsrhub.hub.Hub;
import nl.dsrhub.config.HubConfig;
import nl.dsrhub.hub.Services;
import nl.dsrhub.connector.Connector;
import nl.dsrhub.connector.ConnectorCatalog;
import nl.dsrhub.connector.SettingsSource;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.demo.GeneratedOrdersShopSimulator;
import nl.dsrhub.demo.LapostaSimulator;
import nl.dsrhub.demo.MoneybirdSimulator;
import nl.dsrhub.demo.RecordedCall;
import nl.dsrhub.demo.SendCloudSimulator;
import nl.dsrhub.demo.SimulatorServer;
import nl.dsrhub.demo.Simulators;
import nl.dsrhub.demo.WooCommerceSimulator;
import nl.dsrhub.request.Intake;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.RequestStore;

/**
 * {@code bench}: measures, in one run, the four things issue 7 asks for, against the simulators on
 * loopback: fan-out latency, bulk erasure throughput under the processors' (time-scaled) limits, a large
 * export in a hub with a small heap, and the hub's own CPU per task and start-up time. Prints a table
 * and writes the same figures as JSON.
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
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Duration BULK_TIMEOUT = Duration.ofMinutes(30);

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
            report.set("fanOut", fanOut());
        }
        if (options.runs("bulk")) {
            out.println("[2/3] bulk: " + options.requests() + " erasure requests, limits' windows divided by "
                    + fmt(options.scale()) + " ...");
            report.set("bulk", bulk(overhead));
        }
        if (options.runs("export")) {
            out.println("[3/3] large export: " + options.orders() + " orders, hub with -Xmx" + options.exportHeap() + " ...");
            report.set("export", export(overhead));
        }
        report.set("overhead", overhead);

        Files.writeString(options.out(), JSON.writeValueAsString(report));
        out.println();
        out.print(BenchTable.render(report));
        out.println();
        out.println("JSON: " + options.out().toAbsolutePath());
        return report;
    }

    // ------------------------------------------------------------------ 1. fan-out

    private ObjectNode fanOut() throws Exception {
        Path dir = work.resolve("fanout");
        Path connectors = dir.resolve("connectors");
        List<WooCommerceSimulator> shops = new ArrayList<>();
        Map<String, String> settings = baseSettings(dir, connectors, false);
        List<String> names = new ArrayList<>();
        try {
            for (int i = 1; i <= 10; i++) {
                String name = String.format("fanout-%02d", i);
                names.add(name);
                BenchConnectors.writeFanOut(connectors, name);
                WooCommerceSimulator shop = new WooCommerceSimulator(DemoPeople.WOO_CONSUMER_KEY, DemoPeople.WOO_CONSUMER_SECRET);
                shop.start();
                DemoPeople.seed(shop);
                shop.latency(Duration.ofMillis(options.latencyMs()));
                shops.add(shop);
                settings.put("dsr.connector." + name + ".base-url", shop.baseUrl());
                settings.put("dsr.connector." + name + ".consumer-key", DemoPeople.WOO_CONSUMER_KEY);
                settings.put("dsr.connector." + name + ".consumer-secret", DemoPeople.WOO_CONSUMER_SECRET);
            }
            settings.put("camel.main.name", "dsr-hub-bench-fanout");
            settings.put("camel.main.shutdown-timeout", "2");
            HubConfig config = HubConfig.load(null, settings, Map.of());
            double latency = options.latencyMs();
            try (Hub hub = Hub.start(config)) {
                String email = DemoPeople.JAN.email();
                int warmUp = options.warmUp();
                int runs = options.small() ? 3 : 5;
                Double cold = null;
                for (int run = 1; run <= warmUp; run++) {
                    // JIT, connection pools: a hub that has run a few dozen requests is warm; not counted,
                    // but the very first one is reported: what a freshly started hub does
                    double ms = timeRequest(hub, "export", email, names, "FANOUT-WARMUP-" + run).toNanos() / 1e6;
                    cold = cold == null ? ms : cold;
                }
                List<Double> parallel = new ArrayList<>();
                for (int run = 1; run <= runs; run++) {
                    parallel.add(timeRequest(hub, "export", email, names, "FANOUT-" + run).toNanos() / 1e6);
                }
                double sequential = 0;
                for (String name : names) {
                    sequential += timeRequest(hub, "export", email, List.of(name), "FANOUT-SEQ-" + name).toNanos() / 1e6;
                }
                double median = parallel.stream().sorted().toList().get(runs / 2);
                ObjectNode r = JSON.createObjectNode();
                r.put("what", "one export request over 10 single-call connectors fanout-01..10: each a WooCommerce "
                        + "customer look-up (GET customers?email=) against its own WooCommerce simulator answering after "
                        + options.latencyMs() + " ms; time from the hub's receipt of the request to its bundle "
                        + "(received -> completed in the request's timeline), median of " + runs + " after " + warmUp + " warm-up request(s); sequential: "
                        + "the same 10 connectors as 10 requests of one connector each, one after another, summed");
                r.putPOJO("connectors", names);
                r.put("latencyMs", latency);
                r.putPOJO("parallelRunsMs", parallel.stream().map(Bench::round1).toList());
                r.put("parallelMs", round1(median));
                r.put("parallelRatio", round2(median / latency));
                if (cold != null) {
                    r.put("firstRequestMs", round1(cold));
                    r.put("firstRequestRatio", round2(cold / latency));
                }
                r.put("sequentialMs", round1(sequential));
                r.put("sequentialRatio", round2(sequential / latency));
                r.put("target", 1.3);
                r.put("met", median / latency <= 1.3);
                return r;
            }
        } finally {
            shops.forEach(SimulatorServer::stop);
        }
    }

    /** Drops a request in the hub's inbox and returns the time from its receipt to its completion. */
    private Duration timeRequest(Hub hub, String type, String email, List<String> processors, String reference)
            throws Exception {
        drop(hub.services().inbox(), reference + ".json", requestJson(type, email, processors, reference));
        RequestStore requests = hub.services().requests;
        Instant until = Instant.now().plus(Duration.ofMinutes(2));
        String id = null;
        while (Instant.now().isBefore(until)) {
            // one indexed row per look once the id is known: the bench's own polling must not take the CPU
            // the measured hub needs (reading every request each time did, more with every run)
            if (id == null) {
                id = hub.services().jdbc.queryOne("SELECT id FROM dsr_request WHERE reference = ?", rs -> rs.getString(1),
                        reference).orElse(null);
            }
            if (id != null && requests.row(id).map(r -> RequestStore.COMPLETED.equals(r.status())).orElse(false)) {
                List<EventLog.Event> timeline = hub.services().events.timeline(id);
                OffsetDateTime received = at(timeline, "received");
                OffsetDateTime completed = at(timeline, "completed");
                return Duration.between(received, completed);
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("request " + reference + " did not complete within 2 minutes");
    }

    private static OffsetDateTime at(List<EventLog.Event> timeline, String kind) {
        return timeline.stream().filter(e -> kind.equals(e.kind())).map(EventLog.Event::at).findFirst()
                .orElseThrow(() -> new IllegalStateException("no '" + kind + "' event in the timeline"));
    }

    // ------------------------------------------------------------------ 2. bulk

    private ObjectNode bulk(ObjectNode overhead) throws Exception {
        Path dir = work.resolve("bulk");
        Path connectors = dir.resolve("connectors");
        double scale = options.scale();
        try (Simulators sims = Simulators.start()) {
            BulkPeople.seed(sims, options.requests());
            Duration moneybirdWindow = BenchConnectors.scaled(MoneybirdSimulator.DEFAULT_RATE_WINDOW, scale);
            Duration sendcloudWindow = BenchConnectors.scaled(Duration.ofMinutes(1), scale);
            Duration lapostaWindow = BenchConnectors.scaled(LapostaSimulator.DEFAULT_RATE_WINDOW, scale);
            sims.moneybird.setRateLimit(MoneybirdSimulator.DEFAULT_RATE_LIMIT, moneybirdWindow);
            sims.sendcloud.setWriteLimit(SendCloudSimulator.DEFAULT_WRITE_LIMIT, sendcloudWindow);
            sims.laposta.setRateLimit(LapostaSimulator.DEFAULT_RATE_LIMIT, lapostaWindow);
            sims.mailchimp.setMaxConnections(10);
            sims.all().forEach(s -> s.latency(Duration.ofMillis(options.bulkLatencyMs())));
            for (String name : HTTP_CONNECTORS) {
                BenchConnectors.writeScaled(connectors, name, scale);
            }
            Map<String, String> settings = baseSettings(dir, connectors, true);
            settings.putAll(sims.settings());
            settings.put("camel.main.name", "dsr-hub-bench-bulk");
            Path configFile = writeConfig(dir, settings);
            submitAll(configFile, options.requests());
            sims.all().forEach(SimulatorServer::clearCalls);

            Path log = dir.resolve("hub.log");
            HubProcess.Stats end;
            HubProcess.Stats atReady;
            Duration startup;
            double wallSeconds;
            try (HubProcess hub = HubProcess.launch(configFile, List.of("-Xmx1g"), log, health(settings))) {
                startup = hub.awaitReady(Duration.ofMinutes(2));
                long deadline = System.nanoTime() + BULK_TIMEOUT.toNanos();
                int lastShown = -1;
                while (hub.stats().completed() < options.requests()) {
                    if (!hub.alive() || System.nanoTime() > deadline) {
                        throw new IllegalStateException("bulk run stopped at " + hub.stats().completed() + " of "
                                + options.requests() + " requests; hub log " + log + ":\n" + HubProcess.tail(log));
                    }
                    int pct = (int) (100 * hub.stats().completed() / options.requests());
                    if (pct / 10 != lastShown) {
                        lastShown = pct / 10;
                        out.println("      " + hub.stats().completed() + " of " + options.requests() + " completed");
                    }
                    Thread.sleep(100);
                }
                wallSeconds = (hub.stats().atNanos() - hub.startedNanos()) / 1e9;
                atReady = hub.firstStats();
                end = hub.stop();
            }
            long tasks = countTasks(configFile);

            ObjectNode r = JSON.createObjectNode();
            r.put("what", options.requests() + " erasure requests (invented people present at all 7 HTTP processors of "
                    + "the demo stack) stored before the hub starts, then run by a hub in a child JVM; simulators "
                    + "enforce the limits with every window divided by " + fmt(scale) + " and answer after "
                    + options.bulkLatencyMs() + " ms (latency scaled alike: about " + Math.round(options.bulkLatencyMs() * scale)
                    + " ms in real time); wall time from the hub started (routes up) to the last confirmation");
            r.put("scale", scale);
            r.put("wallSeconds", round2(wallSeconds));
            ObjectNode per = r.putObject("processors");
            double bound = 0;
            String binding = "-";
            long tooMany = 0;
            for (SimulatorServer s : sims.all()) {
                List<RecordedCall> calls = s.calls();
                long n429 = calls.stream().filter(c -> c.status() == 429).count();
                long ok = calls.size() - n429;
                long writes = calls.stream().filter(c -> c.status() != 429 && !"GET".equals(c.method())).count();
                tooMany += n429;
                ObjectNode p = per.putObject(s.name());
                p.put("calls", ok).put("writes", writes).put("429s", n429);
                double seconds;
                String limit;
                switch (s.name()) {
                    case "moneybird" -> {
                        limit = MoneybirdSimulator.DEFAULT_RATE_LIMIT + " requests / " + ms(moneybirdWindow);
                        seconds = ok * moneybirdWindow.toNanos() / 1e9 / MoneybirdSimulator.DEFAULT_RATE_LIMIT;
                    }
                    case "sendcloud" -> {
                        limit = SendCloudSimulator.DEFAULT_WRITE_LIMIT + " writes / " + ms(sendcloudWindow);
                        seconds = writes * sendcloudWindow.toNanos() / 1e9 / SendCloudSimulator.DEFAULT_WRITE_LIMIT;
                    }
                    case "laposta" -> {
                        limit = LapostaSimulator.DEFAULT_RATE_LIMIT + " requests / " + ms(lapostaWindow)
                                + " (simulator default; the connector declares none)";
                        seconds = ok * lapostaWindow.toNanos() / 1e9 / LapostaSimulator.DEFAULT_RATE_LIMIT;
                    }
                    case "mailchimp" -> {
                        limit = "10 concurrent connections";
                        seconds = ok * options.bulkLatencyMs() / 1000.0 / 10;
                    }
                    default -> {
                        limit = "none published";
                        seconds = 0;
                    }
                }
                p.put("limit", limit);
                p.put("lowerBoundSeconds", round2(seconds));
                if (seconds > bound) {
                    bound = seconds;
                    binding = s.name();
                }
            }
            r.put("lowerBoundSeconds", round2(bound));
            r.put("binding", binding);
            r.put("ratio", round2(wallSeconds / bound));
            r.put("target", 1.15);
            r.put("429s", tooMany);
            r.put("met", wallSeconds / bound <= 1.15 && tooMany == 0);

            overhead.put("bulkTasks", tasks);
            long cpu = end.cpuNanos() - atReady.cpuNanos();
            overhead.put("bulkHubCpuSeconds", round2(cpu / 1e9));
            overhead.put("cpuWhat", "process CPU time of the child hub from ready to stop (start-up excluded), "
                    + "divided by the tasks of the bulk run");
            overhead.put("cpuMsPerTask", round2(cpu / 1e6 / Math.max(1, tasks)));
            overhead.put("bulkStartupMs", startup.toMillis());
            return r;
        }
    }

    /** Stores the bulk requests the way {@code submit} does, before the hub starts (a queued bulk job). */
    private void submitAll(Path configFile, int count) {
        HubConfig config = HubConfig.load(configFile, Map.of(), Map.of());
        String now = timestamp();
        try (Services services = Services.open(config, Clock.systemDefaultZone(), false)) {
            for (int i = 1; i <= count; i++) {
                String ref = "BULK-" + i;
                Intake.Result r = services.intake.accept(ref + ".json",
                        requestJson("erasure", BulkPeople.email(i), null, ref, now).getBytes(StandardCharsets.UTF_8));
                if (!r.accepted()) {
                    throw new IllegalStateException("bench request " + ref + " was refused: " + r.problems());
                }
            }
        }
    }

    private static long countTasks(Path configFile) {
        HubConfig config = HubConfig.load(configFile, Map.of(), Map.of());
        try (Services services = Services.open(config, Clock.systemDefaultZone(), false)) {
            return services.jdbc.queryOne("SELECT COUNT(*) FROM dsr_task", rs -> rs.getLong(1)).orElse(0L);
        }
    }

    // ------------------------------------------------------------------ 3. large export

    private ObjectNode export(ObjectNode overhead) throws Exception {
        Path dir = work.resolve("export");
        Path connectors = dir.resolve("connectors");
        Files.createDirectories(connectors);
        String email = "bram.bulk@example.nl";
        try (GeneratedOrdersShopSimulator shop = new GeneratedOrdersShopSimulator(DemoPeople.WOO_CONSUMER_KEY,
                DemoPeople.WOO_CONSUMER_SECRET, email, options.orders()).start()) {
            Map<String, String> settings = baseSettings(dir, connectors, false);
            settings.put("dsr.connector.woocommerce.enabled", "true");
            settings.put("dsr.connector.woocommerce.base-url", shop.baseUrl());
            settings.put("dsr.connector.woocommerce.consumer-key", DemoPeople.WOO_CONSUMER_KEY);
            settings.put("dsr.connector.woocommerce.consumer-secret", DemoPeople.WOO_CONSUMER_SECRET);
            settings.put("camel.main.name", "dsr-hub-bench-export");
            Path configFile = writeConfig(dir, settings);
            HubConfig config = HubConfig.load(configFile, Map.of(), Map.of());
            String id;
            try (Services services = Services.open(config, Clock.systemDefaultZone(), false)) {
                Intake.Result r = services.intake.accept("export.json",
                        requestJson("export", email, List.of("woocommerce"), "EXPORT-1", timestamp())
                                .getBytes(StandardCharsets.UTF_8));
                id = r.requestId();
            }
            Path log = dir.resolve("hub.log");
            HubProcess.Stats end;
            Duration startup;
            long startedMs;
            double wallSeconds;
            try (HubProcess hub = HubProcess.launch(configFile, List.of("-Xmx" + options.exportHeap()), log,
                    health(settings))) {
                startup = hub.awaitReady(Duration.ofMinutes(2));
                startedMs = (hub.startedNanos() - hub.launchedNanos()) / 1_000_000;
                long deadline = System.nanoTime() + BULK_TIMEOUT.toNanos();
                while (hub.stats().completed() < 1) {
                    if (!hub.alive() || System.nanoTime() > deadline) {
                        throw new IllegalStateException("the large export did not complete; hub log " + log + ":\n"
                                + HubProcess.tail(log));
                    }
                    Thread.sleep(50);
                }
                wallSeconds = (hub.stats().atNanos() - hub.startedNanos()) / 1e9;
                end = hub.stop();
            }
            Path bundle = dir.resolve("data").resolve("outbox").resolve(id).resolve("bundle.zip");
            long bundleBytes = Files.size(bundle);
            long received = shop.bytesServed();
            ObjectNode r = JSON.createObjectNode();
            r.put("what", "one export of a person with " + options.orders() + " WooCommerce orders (generated "
                    + "page by page by the simulator, 100 per page), by a hub in a child JVM with -Xmx"
                    + options.exportHeap() + "; wall time from the hub started (routes up) to the bundle");
            r.put("orders", options.orders());
            r.put("completed", true);
            r.put("jsonReceivedMB", round1(received / 1e6));
            r.put("wallSeconds", round2(wallSeconds));
            r.put("mbPerSecond", round1(received / 1e6 / wallSeconds));
            r.put("bundleMB", round1(bundleBytes / 1e6));
            r.put("bundleBytes", bundleBytes);
            r.put("peakHeapMB", round1(end.peakHeapBytes() / 1048576.0));
            r.put("peakHeapAfterGcMB", round1(end.peakHeapAfterGcBytes() / 1048576.0));
            r.put("heapWhat", "peakHeapMB: largest used heap sampled every 10 ms (garbage included: the collector "
                    + "lets it grow towards -Xmx); peakHeapAfterGcMB: largest heap left right after a collection (live data)");
            r.put("maxHeap", options.exportHeap());
            r.put("bundle", bundle.toString());
            overhead.put("startupMs", startup.toMillis());
            overhead.put("startupToRoutesUpMs", startedMs);
            overhead.put("startupWhat", "child JVM launch -> first 200 from GET /observe/health (the export run's hub; "
                    + "startupToRoutesUpMs: launch -> Hub.start returned)");
            return r;
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Data dir, connectors dir, and every shipped connector off unless a run turns it on. */
    private static Map<String, String> baseSettings(Path dir, Path connectors, boolean demoStack) throws IOException {
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
        for (String name : HTTP_CONNECTORS) {
            s.put("dsr.connector." + name + ".enabled", String.valueOf(demoStack));
        }
        return s;
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static java.net.URI health(Map<String, String> settings) {
        return java.net.URI.create("http://127.0.0.1:" + settings.get("camel.server.port") + "/observe/health");
    }

    private static Path writeConfig(Path dir, Map<String, String> settings) throws IOException {
        Properties p = new Properties();
        p.putAll(settings);
        Path file = dir.resolve("bench.properties");
        Files.createDirectories(dir);
        try (var w = Files.newBufferedWriter(file)) {
            p.store(w, "written by dsr-hub bench");
        }
        return file;
    }

    private static void drop(Path inbox, String name, String content) throws IOException {
        Path tmp = inbox.resolve("." + name + ".tmp");
        Files.writeString(tmp, content);
        Files.move(tmp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static String requestJson(String type, String email, List<String> processors, String reference) {
        return requestJson(type, email, processors, reference, timestamp());
    }

    private static String requestJson(String type, String email, List<String> processors, String reference, String at) {
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

    private static String timestamp() {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(ZoneOffset.ofHours(1)).truncatedTo(ChronoUnit.SECONDS));
    }

    private static String ms(Duration d) {
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
