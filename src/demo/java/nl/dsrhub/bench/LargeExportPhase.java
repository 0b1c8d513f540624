package nl.dsrhub.bench;

import static nl.dsrhub.bench.Bench.round1;
import static nl.dsrhub.bench.Bench.round2;
import static nl.dsrhub.bench.BenchHubs.baseSettings;
import static nl.dsrhub.bench.BenchHubs.health;
import static nl.dsrhub.bench.BenchHubs.requestJson;
import static nl.dsrhub.bench.BenchHubs.timestamp;
import static nl.dsrhub.bench.BenchHubs.writeConfig;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.dsrhub.config.HubConfig;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.demo.GeneratedOrdersShopSimulator;
import nl.dsrhub.hub.Services;
import nl.dsrhub.request.Intake;

/**
 * Phase 3 of the bench, a large export in a small heap: one person with very many WooCommerce orders, exported by a
 * hub in a child JVM with a small {@code -Xmx}; throughput, bundle size, peak heap, and the hub's start-up time.
 */
final class LargeExportPhase {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final String EMAIL = "bram.bulk@example.nl";

    private final Bench.Options options;
    private final Path dir;

    /** What the child hub did: time to ready and to routes up, wall time of the export, its figures at stop. */
    private record HubRun(Duration startup, long startedMs, double wallSeconds, HubProcess.Stats end) {
    }

    LargeExportPhase(Bench.Options options, Path work) {
        this.options = options;
        this.dir = work.resolve("export");
    }

    ObjectNode measure(ObjectNode overhead) throws Exception {
        Path connectors = dir.resolve("connectors");
        Files.createDirectories(connectors);
        try (GeneratedOrdersShopSimulator shop = new GeneratedOrdersShopSimulator(DemoPeople.WOO_CONSUMER_KEY,
                DemoPeople.WOO_CONSUMER_SECRET, EMAIL, options.orders()).start()) {
            Map<String, String> settings = baseSettings(dir, connectors, false);
            settings.put("dsr.connector.woocommerce.enabled", "true");
            settings.put("dsr.connector.woocommerce.base-url", shop.baseUrl());
            settings.put("dsr.connector.woocommerce.consumer-key", DemoPeople.WOO_CONSUMER_KEY);
            settings.put("dsr.connector.woocommerce.consumer-secret", DemoPeople.WOO_CONSUMER_SECRET);
            settings.put("camel.main.name", "dsr-hub-bench-export");
            Path configFile = writeConfig(dir, settings);
            String id = submit(configFile);
            HubRun run = runHub(configFile, settings);
            ObjectNode r = report(id, shop.bytesServed(), run);
            overhead.put("startupMs", run.startup().toMillis());
            overhead.put("startupToRoutesUpMs", run.startedMs());
            overhead.put("startupWhat", "child JVM launch -> first 200 from GET /observe/health (the export run's hub; "
                    + "startupToRoutesUpMs: launch -> Hub.start returned)");
            return r;
        }
    }

    /** Stores the export request before the hub starts; returns its id. */
    private static String submit(Path configFile) {
        HubConfig config = HubConfig.load(configFile, Map.of(), Map.of());
        try (Services services = Services.open(config, Clock.systemDefaultZone(), false)) {
            Intake.Result r = services.intake.accept("export.json",
                    requestJson("export", EMAIL, List.of("woocommerce"), "EXPORT-1", timestamp())
                            .getBytes(StandardCharsets.UTF_8));
            return r.requestId();
        }
    }

    private HubRun runHub(Path configFile, Map<String, String> settings) throws Exception {
        Path log = dir.resolve("hub.log");
        try (HubProcess hub = HubProcess.launch(configFile, List.of("-Xmx" + options.exportHeap()), log,
                health(settings))) {
            Duration startup = hub.awaitReady(Duration.ofMinutes(2));
            long startedMs = (hub.startedNanos() - hub.launchedNanos()) / 1_000_000;
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (hub.stats().completed() < 1) {
                if (!hub.alive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the large export did not complete; hub log " + log + ":\n"
                            + HubProcess.tail(log));
                }
                Thread.sleep(50);
            }
            double wallSeconds = (hub.stats().atNanos() - hub.startedNanos()) / 1e9;
            return new HubRun(startup, startedMs, wallSeconds, hub.stop());
        }
    }

    private ObjectNode report(String id, long received, HubRun run) throws java.io.IOException {
        Path bundle = dir.resolve("data").resolve("outbox").resolve(id).resolve("bundle.zip");
        long bundleBytes = Files.size(bundle);
        double wallSeconds = run.wallSeconds();
        ObjectNode r = Bench.JSON.createObjectNode();
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
        r.put("peakHeapMB", round1(run.end().peakHeapBytes() / 1048576.0));
        r.put("peakHeapAfterGcMB", round1(run.end().peakHeapAfterGcBytes() / 1048576.0));
        r.put("heapWhat", "peakHeapMB: largest used heap sampled every 10 ms (garbage included: the collector "
                + "lets it grow towards -Xmx); peakHeapAfterGcMB: largest heap left right after a collection (live data)");
        r.put("maxHeap", options.exportHeap());
        r.put("bundle", bundle.toString());
        return r;
    }
}
