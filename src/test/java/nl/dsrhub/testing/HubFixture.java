package nl.dsrhub.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import nl.dsrhub.hub.Hub;
import nl.dsrhub.config.HubConfig;
import nl.dsrhub.demo.Simulators;
import nl.dsrhub.demo.MailchimpSimulator;
import nl.dsrhub.demo.WooCommerceSimulator;
import nl.dsrhub.store.RequestStore;

/**
 * A hub on its own data dir, pointed at seeded WooCommerce and Mailchimp simulators on free
 * loopback ports; it can be stopped and started again on the same data dir.
 */
public final class HubFixture implements AutoCloseable {

    public final Path dataDir;
    public final Simulators simulators;
    public final WooCommerceSimulator woo;
    public final MailchimpSimulator mailchimp;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private java.time.Clock clock = java.time.Clock.systemDefaultZone();
    private Hub hub;

    private HubFixture(Path dataDir, Map<String, String> extra) {
        this.dataDir = dataDir;
        this.simulators = Simulators.start();
        this.woo = simulators.woo;
        this.mailchimp = simulators.mailchimp;
        settings.put("camel.main.name", "dsr-hub-test-" + UUID.randomUUID().toString().substring(0, 8));
        settings.put("dsr.data-dir", dataDir.toString());
        settings.put("dsr.connectors.dir", dataDir.resolve("connectors").toString());
        settings.put("dsr.intake.poll-ms", "100");
        settings.put("dsr.sweep.interval-seconds", "1");
        settings.put("dsr.retry.in-route-delay-ms", "50");
        settings.put("dsr.retry.base-seconds", "1");
        // a breaker opened by a test's forced failures lets a trial through soon
        settings.put("dsr.breaker.open-seconds", "2");
        settings.put("camel.main.shutdown-timeout", "2");
        // each test hub's HTTP server (dashboard, API, /observe) on its own free port: test classes run in parallel
        settings.put("camel.server.port", String.valueOf(freePort()));
        settings.putAll(simulators.settings());
        settings.putAll(SHOP);
        settings.putAll(extra);
    }

    /** The invented shop the test hubs answer for: the controller their letters name. */
    public static final Map<String, String> SHOP = Map.of("dsr.controller.name", "Testwinkel B.V.",
            "dsr.controller.address", "Proefstraat 1, 1234 AB Teststad", "dsr.controller.privacy-email", "privacy@shop.example.nl");

    /**
     * Settings for a hub run as its own JVM ({@code DsrHub run --set ...}) against these simulators: quick
     * polling and retries, its own connectors folder and a free port for its HTTP server.
     */
    public static Map<String, String> childSettings(Simulators sims, Path dataDir) {
        Map<String, String> settings = new LinkedHashMap<>(sims.settings());
        settings.putAll(SHOP);
        settings.put("dsr.connectors.dir", dataDir.resolve("connectors").toString());
        settings.put("dsr.intake.poll-ms", "100");
        // the dashboard/health server on a free port: test classes run in parallel
        settings.put("camel.server.port", String.valueOf(freePort()));
        // files are moved into the inbox whole: no need to wait for them to settle
        settings.put("dsr.intake.read-lock-check-ms", "20");
        settings.put("dsr.sweep.interval-seconds", "1");
        settings.put("dsr.retry.in-route-delay-ms", "50");
        settings.put("dsr.retry.base-seconds", "1");
        return settings;
    }

    /** The settings as {@code --set KEY=VALUE} command-line arguments. */
    public static java.util.List<String> setArguments(Map<String, String> settings) {
        java.util.List<String> args = new java.util.ArrayList<>();
        settings.forEach((k, v) -> {
            args.add("--set");
            args.add(k + "=" + v);
        });
        return args;
    }

    public static HubFixture start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    public static HubFixture start(Path dataDir, Map<String, String> extra) {
        HubFixture f = create(dataDir);
        f.settings.putAll(extra);
        f.startHub();
        return f;
    }

    /** Simulators running, hub not started yet: set what depends on them, then {@link #startHub()}. */
    public static HubFixture create(Path dataDir) {
        return new HubFixture(dataDir, Map.of());
    }

    public HubFixture set(String key, String value) {
        settings.put(key, value);
        return this;
    }

    /** The clock the hub runs on from its next start (e.g. a {@link MovableClock}); the system's by default. */
    public HubFixture clock(java.time.Clock clock) {
        this.clock = clock;
        return this;
    }

    /** The ports handed out in this JVM: two test hubs of this JVM never get the same one. */
    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A loopback port free right now, and never handed out before in this JVM. Test classes run in parallel in one
     * JVM: two hubs given the same free port at once both pass the start's port check, and their HTTP servers could
     * share it (a command for one answered by the other: "no request").
     */
    public static int freePort() {
        while (true) {
            try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                if (HANDED_OUT.add(s.getLocalPort())) {
                    return s.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The hub's HTTP server, e.g. {@code http://127.0.0.1:PORT/}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + settings.get("camel.server.port") + "/";
    }

    /** The dashboard and API token the hub made in its data dir. */
    public String token() {
        return hub.ops().token();
    }

    public Hub hub() {
        return hub;
    }

    public HubConfig config() {
        return HubConfig.load(null, settings, Map.of());
    }

    public void startHub() {
        // the free port found may be taken before the hub binds it (test classes run in parallel, and outgoing
        // connections take ports from the same range): the hub refuses to start, and gets another port
        for (int attempt = 1; ; attempt++) {
            try {
                hub = Hub.start(config(), clock);
                return;
            } catch (nl.dsrhub.hub.HubCannotStart e) {
                if (attempt == 3 || !e.getMessage().contains("port")) {
                    throw e;
                }
                settings.put("camel.server.port", String.valueOf(freePort()));
            }
        }
    }

    public void stopHub() {
        if (hub != null) {
            hub.close();
            hub = null;
        }
    }

    /** Writes the file beside the inbox and moves it in, so the hub never sees half a file. */
    public Path drop(String name, String content) {
        try {
            Path inbox = dataDir.resolve("inbox");
            Files.createDirectories(inbox);
            Path tmp = inbox.resolve("." + name + ".tmp");
            Files.writeString(tmp, content);
            return Files.move(tmp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RequestStore requests() {
        return hub.services().requests;
    }

    /** The id of the stored request with this reference, once intake has taken it in. */
    public String awaitRequest(String reference) {
        try {
            return await().atMost(Duration.ofSeconds(30)).until(
                    () -> requests().all().stream().filter(r -> reference.equals(r.reference()))
                            .map(RequestStore.RequestRow::id).findFirst().orElse(null), id -> id != null);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("request " + reference + " was not taken in; error reports: " + errorReports(), e);
        }
    }

    /** Every error report in error/, for failure messages. */
    public String errorReports() {
        try (var files = Files.list(dataDir.resolve("error"))) {
            StringBuilder sb = new StringBuilder();
            for (Path f : files.filter(p -> p.toString().endsWith(".error.json")).sorted().toList()) {
                sb.append('\n').append(f.getFileName()).append(": ").append(Files.readString(f));
            }
            return sb.length() == 0 ? "none" : sb.toString();
        } catch (IOException e) {
            return "unreadable: " + e;
        }
    }

    public void awaitCompleted(String requestId) {
        await().atMost(Duration.ofSeconds(60)).until(
                () -> requests().row(requestId).map(r -> RequestStore.COMPLETED.equals(r.status())).orElse(false));
    }

    public Path outbox(String requestId) {
        return dataDir.resolve("outbox").resolve(requestId);
    }

    @Override
    public void close() {
        try {
            stopHub();
        } finally {
            simulators.close();
        }
    }
}
