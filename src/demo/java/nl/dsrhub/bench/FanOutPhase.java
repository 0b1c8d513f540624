package nl.dsrhub.bench;

import static nl.dsrhub.bench.Bench.round1;
import static nl.dsrhub.bench.Bench.round2;
import static nl.dsrhub.bench.BenchHubs.baseSettings;
import static nl.dsrhub.bench.BenchHubs.drop;
import static nl.dsrhub.bench.BenchHubs.requestJson;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.dsrhub.config.HubConfig;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.demo.SimulatorServer;
import nl.dsrhub.demo.WooCommerceSimulator;
import nl.dsrhub.hub.Hub;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.RequestStore;

/**
 * Phase 1 of the bench, fan-out latency: one export over 10 single-call connectors, each against a WooCommerce
 * simulator of its own that answers after the set latency, timed in the hub's own timeline; against the same 10 as
 * one request each, one after another.
 */
final class FanOutPhase {

    private final Bench.Options options;
    private final Path dir;

    FanOutPhase(Bench.Options options, Path work) {
        this.options = options;
        this.dir = work.resolve("fanout");
    }

    ObjectNode measure() throws Exception {
        Path connectors = dir.resolve("connectors");
        List<WooCommerceSimulator> shops = new ArrayList<>();
        Map<String, String> settings = baseSettings(dir, connectors, false);
        List<String> names = new ArrayList<>();
        try {
            for (int i = 1; i <= 10; i++) {
                String name = String.format("fanout-%02d", i);
                names.add(name);
                shops.add(startShop(connectors, name, settings));
            }
            settings.put("camel.main.name", "dsr-hub-bench-fanout");
            settings.put("camel.main.shutdown-timeout", "2");
            HubConfig config = HubConfig.load(null, settings, Map.of());
            try (Hub hub = Hub.start(config)) {
                return timeRuns(hub, names);
            }
        } finally {
            shops.forEach(SimulatorServer::stop);
        }
    }

    /** A connector file and a WooCommerce simulator with the set latency for it, its settings added. */
    private WooCommerceSimulator startShop(Path connectors, String name, Map<String, String> settings)
            throws IOException {
        BenchConnectors.writeFanOut(connectors, name);
        WooCommerceSimulator shop = new WooCommerceSimulator(DemoPeople.WOO_CONSUMER_KEY, DemoPeople.WOO_CONSUMER_SECRET);
        shop.start();
        DemoPeople.seed(shop);
        shop.latency(Duration.ofMillis(options.latencyMs()));
        settings.put("dsr.connector." + name + ".base-url", shop.baseUrl());
        settings.put("dsr.connector." + name + ".consumer-key", DemoPeople.WOO_CONSUMER_KEY);
        settings.put("dsr.connector." + name + ".consumer-secret", DemoPeople.WOO_CONSUMER_SECRET);
        return shop;
    }

    private ObjectNode timeRuns(Hub hub, List<String> names) throws Exception {
        double latency = options.latencyMs();
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
        ObjectNode r = Bench.JSON.createObjectNode();
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

    /** Drops a request in the hub's inbox and returns the time from its receipt to its completion. */
    private static Duration timeRequest(Hub hub, String type, String email, List<String> processors, String reference)
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
}
