package nl.dsrhub.bench;

import static nl.dsrhub.bench.Bench.fmt;
import static nl.dsrhub.bench.Bench.ms;
import static nl.dsrhub.bench.Bench.round2;
import static nl.dsrhub.bench.BenchHubs.baseSettings;
import static nl.dsrhub.bench.BenchHubs.health;
import static nl.dsrhub.bench.BenchHubs.requestJson;
import static nl.dsrhub.bench.BenchHubs.timestamp;
import static nl.dsrhub.bench.BenchHubs.writeConfig;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.dsrhub.config.HubConfig;
import nl.dsrhub.demo.LapostaSimulator;
import nl.dsrhub.demo.MoneybirdSimulator;
import nl.dsrhub.demo.RecordedCall;
import nl.dsrhub.demo.SendCloudSimulator;
import nl.dsrhub.demo.SimulatorServer;
import nl.dsrhub.demo.Simulators;
import nl.dsrhub.hub.Services;
import nl.dsrhub.request.Intake;

/**
 * Phase 2 of the bench, bulk erasure throughput and rate use: many erasure requests stored before a hub in a child
 * JVM starts, run against the demo's simulators with every limit window divided by the scale; the wall time
 * compared with the lower bound the tightest limit sets (the "binding" processor), and the hub's CPU per task.
 */
final class BulkErasurePhase {

    private static final Duration BULK_TIMEOUT = Duration.ofMinutes(30);

    private final Bench.Options options;
    private final PrintStream out;
    private final Path dir;
    private final Duration moneybirdWindow;
    private final Duration sendcloudWindow;
    private final Duration lapostaWindow;

    /** What the child hub did: time to ready, wall time of the run, and its figures at ready and at stop. */
    private record HubRun(Duration startup, double wallSeconds, HubProcess.Stats atReady, HubProcess.Stats end) {
    }

    /** A processor's published limit, and the least time its calls of this run need under it. */
    private record Bound(String limit, double seconds) {
    }

    BulkErasurePhase(Bench.Options options, Path work, PrintStream out) {
        this.options = options;
        this.out = out;
        this.dir = work.resolve("bulk");
        double scale = options.scale();
        this.moneybirdWindow = BenchConnectors.scaled(MoneybirdSimulator.DEFAULT_RATE_WINDOW, scale);
        this.sendcloudWindow = BenchConnectors.scaled(Duration.ofMinutes(1), scale);
        this.lapostaWindow = BenchConnectors.scaled(LapostaSimulator.DEFAULT_RATE_WINDOW, scale);
    }

    ObjectNode measure(ObjectNode overhead) throws Exception {
        Path connectors = dir.resolve("connectors");
        double scale = options.scale();
        try (Simulators sims = Simulators.start()) {
            BulkPeople.seed(sims, options.requests());
            sims.moneybird.setRateLimit(MoneybirdSimulator.DEFAULT_RATE_LIMIT, moneybirdWindow);
            sims.sendcloud.setWriteLimit(SendCloudSimulator.DEFAULT_WRITE_LIMIT, sendcloudWindow);
            sims.laposta.setRateLimit(LapostaSimulator.DEFAULT_RATE_LIMIT, lapostaWindow);
            sims.mailchimp.setMaxConnections(10);
            sims.all().forEach(s -> s.latency(Duration.ofMillis(options.bulkLatencyMs())));
            for (String name : Bench.HTTP_CONNECTORS) {
                BenchConnectors.writeScaled(connectors, name, scale);
            }
            Map<String, String> settings = baseSettings(dir, connectors, true);
            settings.putAll(sims.settings());
            settings.put("camel.main.name", "dsr-hub-bench-bulk");
            Path configFile = writeConfig(dir, settings);
            submitAll(configFile, options.requests());
            sims.all().forEach(SimulatorServer::clearCalls);

            HubRun run = runHub(configFile, settings);
            long tasks = countTasks(configFile);
            ObjectNode r = report(sims, run.wallSeconds());

            overhead.put("bulkTasks", tasks);
            long cpu = run.end().cpuNanos() - run.atReady().cpuNanos();
            overhead.put("bulkHubCpuSeconds", round2(cpu / 1e9));
            overhead.put("cpuWhat", "process CPU time of the child hub from ready to stop (start-up excluded), "
                    + "divided by the tasks of the bulk run");
            overhead.put("cpuMsPerTask", round2(cpu / 1e6 / Math.max(1, tasks)));
            overhead.put("bulkStartupMs", run.startup().toMillis());
            return r;
        }
    }

    /** Starts the hub in a child JVM and waits until it has completed every request, showing progress by tenths. */
    private HubRun runHub(Path configFile, Map<String, String> settings) throws Exception {
        Path log = dir.resolve("hub.log");
        try (HubProcess hub = HubProcess.launch(configFile, List.of("-Xmx1g"), log, health(settings))) {
            Duration startup = hub.awaitReady(Duration.ofMinutes(2));
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
            double wallSeconds = (hub.stats().atNanos() - hub.startedNanos()) / 1e9;
            HubProcess.Stats atReady = hub.firstStats();
            return new HubRun(startup, wallSeconds, atReady, hub.stop());
        }
    }

    /** Each processor's calls, writes, 429s and lower bound; the run's ratio to the binding bound. */
    private ObjectNode report(Simulators sims, double wallSeconds) {
        double scale = options.scale();
        ObjectNode r = Bench.JSON.createObjectNode();
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
            Bound b = bound(s.name(), ok, writes);
            p.put("limit", b.limit());
            p.put("lowerBoundSeconds", round2(b.seconds()));
            if (b.seconds() > bound) {
                bound = b.seconds();
                binding = s.name();
            }
        }
        r.put("lowerBoundSeconds", round2(bound));
        r.put("binding", binding);
        r.put("ratio", round2(wallSeconds / bound));
        r.put("target", 1.15);
        r.put("429s", tooMany);
        r.put("met", wallSeconds / bound <= 1.15 && tooMany == 0);
        return r;
    }

    /** The processor's limit and the least time {@code ok} calls (of which {@code writes} writes) need under it. */
    private Bound bound(String processor, long ok, long writes) {
        return switch (processor) {
            case "moneybird" -> new Bound(MoneybirdSimulator.DEFAULT_RATE_LIMIT + " requests / " + ms(moneybirdWindow),
                    ok * moneybirdWindow.toNanos() / 1e9 / MoneybirdSimulator.DEFAULT_RATE_LIMIT);
            case "sendcloud" -> new Bound(SendCloudSimulator.DEFAULT_WRITE_LIMIT + " writes / " + ms(sendcloudWindow),
                    writes * sendcloudWindow.toNanos() / 1e9 / SendCloudSimulator.DEFAULT_WRITE_LIMIT);
            case "laposta" -> new Bound(LapostaSimulator.DEFAULT_RATE_LIMIT + " requests / " + ms(lapostaWindow)
                    + " (simulator default; the connector declares none)",
                    ok * lapostaWindow.toNanos() / 1e9 / LapostaSimulator.DEFAULT_RATE_LIMIT);
            case "mailchimp" -> new Bound("10 concurrent connections", ok * options.bulkLatencyMs() / 1000.0 / 10);
            default -> new Bound("none published", 0);
        };
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
}
