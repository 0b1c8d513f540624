package nl.dsrhub.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.demo.RecordedCall;
import nl.dsrhub.demo.SimulatorServer;
import nl.dsrhub.demo.Simulators;
import nl.dsrhub.store.Database;
import nl.dsrhub.store.Jdbc;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub as a separate JVM ({@code DsrHub run}), killed with SIGKILL while many requests are in flight (during
 * intake, mid-erasure, while results are written) and started again on the same data dir each time. In the end
 * every request completed once, with one task per connector and one result, and no data-changing call reached a
 * processor twice unless repeated with the same idempotency key (or idempotent by its HTTP method).
 */
class CrashTest {

    /** Erased: their data is spread over every processor. */
    private static final List<DemoPeople.Person> ERASED = List.of(DemoPeople.JAN, DemoPeople.EVA, DemoPeople.PIETER,
            DemoPeople.ANNA, DemoPeople.KEES);
    /** Exported, five times each (different references): read-only, so erasures do not race them. */
    private static final List<DemoPeople.Person> EXPORTED = List.of(DemoPeople.SANNE, DemoPeople.MARJAN,
            DemoPeople.LOTTE, DemoPeople.DAAN);

    @TempDir
    Path dataDir;

    @TempDir
    Path logDir;

    private int starts;
    /** The running hub's HTTP port (its API). */
    private String port;

    @Test
    void killedAtAnyPointAndRestartedEveryRequestCompletesOnceWithoutDuplicateCalls() throws Exception {
        try (Simulators sims = Simulators.start()) {
            // slow enough that kills land while calls are under way
            sims.woo.latency(Duration.ofMillis(60));
            sims.mailchimp.latency(Duration.ofMillis(60));
            sims.laposta.latency(Duration.ofMillis(60));
            Map<String, String> files = requestFiles();

            // 1. during intake: some receipts written, not all
            Process hub = launch(sims);
            files.forEach(this::drop);
            awaitThen(hub, () -> receipts() >= 3);
            kill(hub);
            assertThat(storedRequests()).as("killed during intake").isLessThan(files.size());
            assertThat(listNames(dataDir.resolve("inbox"))).as("killed during intake").isNotEmpty();

            // 2. mid-erasure: a data-changing call has reached a processor
            hub = launch(sims);
            awaitThen(hub, () -> erasureCalls(sims).size() >= 2);
            kill(hub);
            assertThat(results()).as("killed mid-erasure").isLessThan(files.size());

            // 3. while results are written: a result's temp file seen in the outbox, or (if every write was quicker than
            //    the polling) a few more results out than before, not all
            long before = results();
            Set<Path> leftovers = resultsBeingWritten();   // cut off by an earlier kill: not this run's
            hub = launch(sims);
            awaitThen(hub, () -> !leftovers.containsAll(resultsBeingWritten()) || results() >= before + 3);
            kill(hub);
            assertThat(results()).as("killed while results were written").isLessThan(files.size());

            // 4. a last run to the end
            hub = launch(sims);
            awaitThen(hub, () -> results() == files.size() && completedInDatabase() == files.size());
            kill(hub);

            assertEveryRequestCompletedOnce(files.size());
            assertNoDuplicateDataChangingCalls(sims);
            assertThat(listNames(dataDir.resolve("inbox"))).as("inbox").isEmpty();
            assertThat(listNames(dataDir.resolve("error"))).as("rejected files").isEmpty();
        }
    }

    /** 30 requests: an erasure for each of 5 people, 5 exports for each of 4 others, 5 exports for unknown people. */
    private static Map<String, String> requestFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        String at = Requests.now();
        for (DemoPeople.Person p : ERASED) {
            files.put("erase-" + p.firstName() + ".json", Requests.file("erasure", p.email(), at, "CRASH-E-" + p.firstName()));
        }
        for (int i = 0; i < 5; i++) {
            for (DemoPeople.Person p : EXPORTED) {
                files.put("export-" + p.firstName() + "-" + i + ".json",
                        Requests.file("export", p.email(), at, "CRASH-X-" + p.firstName() + "-" + i));
            }
            files.put("export-unknown-" + i + ".json",
                    Requests.file("export", "unknown" + i + "@example.com", at, "CRASH-U-" + i));
        }
        return files;
    }

    private void assertEveryRequestCompletedOnce(int expected) {
        try (Database db = Database.openDefault(dataDir, 2)) {
            Jdbc jdbc = db.jdbc();
            List<String[]> requests = jdbc.query("SELECT id, status, type FROM dsr_request ORDER BY id",
                    rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            assertThat(requests).as("one request per dropped file").hasSize(expected);
            assertThat(requests).allSatisfy(r -> assertThat(r[1]).as(r[0]).isEqualTo("COMPLETED"));
            assertThat(jdbc.query("SELECT request_id, COUNT(*) FROM dsr_event WHERE kind = 'completed' GROUP BY request_id",
                    rs -> rs.getInt(2))).as("results written per request").hasSize(expected).containsOnly(1);
            assertThat(jdbc.query("SELECT status FROM dsr_task", rs -> rs.getString(1))).as("task states").containsOnly("DONE");
            assertThat(jdbc.query("SELECT outcome FROM dsr_task", rs -> rs.getString(1))).as("task outcomes")
                    .containsOnly("EXPORTED", "ERASED", "NOT_FOUND", "RETAINED", "PARTIAL");
            assertThat(jdbc.query("SELECT COUNT(*) FROM dsr_call WHERE state <> 'DONE'", rs -> rs.getInt(1))).containsExactly(0);
            for (String[] r : requests) {
                Set<String> out = listNames(dataDir.resolve("outbox").resolve(r[0]));
                assertThat(out).as("outbox of " + r[0]).isEqualTo("export".equals(r[2])
                        ? Set.of("receipt.json", "bundle.zip")
                        : Set.of("receipt.json", "confirmation.json", "confirmation.html"));
            }
        }
    }

    private static void assertNoDuplicateDataChangingCalls(Simulators sims) {
        Map<String, List<RecordedCall>> byTarget = erasureCalls(sims).stream().collect(Collectors.groupingBy(
                c -> c.method() + " " + c.path() + (c.rawQuery() == null ? "" : "?" + c.rawQuery())));
        assertThat(byTarget).as("data-changing calls were made").isNotEmpty();
        byTarget.forEach((target, calls) -> {
            if (calls.size() > 1) {
                Set<String> keys = calls.stream().map(c -> c.requestHeaders().get("idempotency-key"))
                        .collect(Collectors.toSet());
                boolean sameKey = keys.size() == 1 && !keys.contains(null);
                // a PATCH that sets the same values again changes nothing (HTTP: idempotent)
                boolean idempotentMethod = calls.stream().allMatch(c -> c.method().equals("PATCH") || c.method().equals("PUT"))
                        && calls.stream().map(RecordedCall::requestBody).distinct().count() == 1;
                assertThat(sameKey || idempotentMethod).as(target + " sent " + calls.size() + " times, keys " + keys).isTrue();
            }
        });
        // the people are gone from the shop and the mailing lists
        assertThat(ERASED).allSatisfy(p -> assertThat(sims.mailchimp.listsOf(p.email())).isEmpty());
    }

    /** Every call that changes data at a processor, as the simulators saw it. */
    private static List<RecordedCall> erasureCalls(Simulators sims) {
        List<RecordedCall> out = new ArrayList<>();
        for (SimulatorServer s : sims.all()) {
            out.addAll(s.calls().stream().filter(c -> !c.method().equals("GET"))
                    // e-Boekhouden's session login changes nothing
                    .filter(c -> !c.path().endsWith("/session")).toList());
        }
        return out;
    }

    // ---- the hub process

    /**
     * Starts the hub and waits until it listens. A port another program took between its choice and the hub's bind
     * makes the hub refuse to start (exit 4): it is started again on another port, as an operator would.
     */
    private Process launch(Simulators sims) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            Process hub = start(sims);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> !hub.isAlive() || listening());
            boolean lostItsPort = !hub.isAlive() && hub.exitValue() == 4 && lastLog().contains("is in use by another program");
            if (!lostItsPort || attempt == 3) {
                return hub;
            }
        }
    }

    private boolean listening() {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", Integer.parseInt(port))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Process start(Simulators sims) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "nl.dsrhub.cli.DsrHub", "run", "--data", dataDir.toString()));
        Map<String, String> settings = nl.dsrhub.testing.HubFixture.childSettings(sims, dataDir);
        settings.put("camel.main.name", "dsr-hub-crash");
        port = settings.get("camel.server.port");
        // Moneybird's published limit (150 calls in 5 minutes, obeyed by the hub) would make 30 requests take minutes
        settings.put("dsr.connector.moneybird.enabled", "false");
        cmd.addAll(nl.dsrhub.testing.HubFixture.setArguments(settings));
        File log = logDir.resolve("hub-" + (++starts) + ".log").toFile();
        // run outside the project folder, as an installed hub would (Camel would also find ./routes there)
        return new ProcessBuilder(cmd).directory(logDir.toFile()).redirectErrorStream(true).redirectOutput(log).start();
    }

    /** Waits for the observed condition while the hub runs; a hub that died on its own fails the test. */
    private void awaitThen(Process hub, BooleanSupplier condition) throws InterruptedException {
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
                if (!hub.isAlive()) {
                    throw new AssertionError("the hub exited by itself (" + hub.exitValue() + "): " + lastLog());
                }
                return condition.getAsBoolean();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            hub.destroyForcibly().waitFor();
            throw new AssertionError("start " + starts + " did not get there; unfinished work:\n" + unfinished()
                    + "\nlog:\n" + lastLog(), e);
        }
    }

    /** Requests the running hub has marked COMPLETED, as its API tells (the database is the running hub's alone). */
    private int completedInDatabase() {
        try {
            String token = Files.readString(dataDir.resolve("dashboard.token")).trim();
            java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/requests?all=true"))
                            .header("Authorization", "Bearer " + token).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                return -1;
            }
            int completed = 0;
            for (com.fasterxml.jackson.databind.JsonNode r : new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(answer.body()).path("requests")) {
                completed += "COMPLETED".equals(r.path("status").asText()) ? 1 : 0;
            }
            return completed;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private int storedRequests() {
        try (Database db = Database.openDefault(dataDir, 2)) {
            return db.jdbc().queryOne("SELECT COUNT(*) FROM dsr_request", rs -> rs.getInt(1)).orElse(0);
        }
    }

    private String unfinished() {
        try (Database db = Database.openDefault(dataDir, 2)) {
            return "requests stored: " + db.jdbc().queryOne("SELECT COUNT(*) FROM dsr_request", rs -> rs.getInt(1)).orElse(0)
                    + ", results: " + results() + ", inbox: " + listNames(dataDir.resolve("inbox"))
                    + ", error: " + listNames(dataDir.resolve("error")) + "\n" + String.join("\n", db.jdbc().query("SELECT r.id, r.status, t.connector, t.status, t.outcome, t.attempts, "
                    + "t.last_error, t.detail FROM dsr_request r LEFT JOIN dsr_task t ON t.request_id = r.id "
                    + "WHERE r.status <> 'COMPLETED' ORDER BY r.id, t.connector", rs -> {
                        StringBuilder sb = new StringBuilder();
                        for (int i = 1; i <= 8; i++) {
                            sb.append(rs.getString(i)).append(' ');
                        }
                        return sb.toString();
                    }));
        }
    }

    private final long began = System.nanoTime();

    private void kill(Process hub) throws InterruptedException {
        hub.destroyForcibly();   // SIGKILL: no shutdown hook, no graceful stop
        hub.waitFor();
        System.out.printf("CrashTest: start %d killed at %.1f s: %d receipts, %d results%n", starts,
                (System.nanoTime() - began) / 1e9, receipts(), results());
    }

    private String lastLog() {
        try {
            return Files.readString(logDir.resolve("hub-" + starts + ".log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    // ---- observing the data dir

    private void drop(String name, String content) {
        try {
            Path inbox = Files.createDirectories(dataDir.resolve("inbox"));
            Path tmp = inbox.resolve("." + name + ".tmp");
            Files.writeString(tmp, content);
            Files.move(tmp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long receipts() {
        return countInOutbox("receipt.json");
    }

    private long results() {
        return countInOutbox("bundle.zip") + countInOutbox("confirmation.html");
    }

    /** Temp files of results being written (bundle.zip, confirmation.*), see AtomicFiles. */
    private Set<Path> resultsBeingWritten() {
        try (Stream<Path> files = Files.find(dataDir.resolve("outbox"), 2, (p, a) -> {
            String n = p.getFileName().toString();
            return n.endsWith(".tmp") && (n.startsWith(".bundle.zip.") || n.startsWith(".confirmation."));
        })) {
            return files.collect(Collectors.toSet());
        } catch (IOException | UncheckedIOException e) {
            return Set.of();   // a folder appeared or went while looking
        }
    }

    private long countInOutbox(String name) {
        Path outbox = dataDir.resolve("outbox");
        if (!Files.isDirectory(outbox)) {
            return 0;
        }
        try (Stream<Path> dirs = Files.list(outbox)) {
            return dirs.filter(d -> Files.exists(d.resolve(name))).count();
        } catch (IOException | UncheckedIOException e) {
            return 0;   // a folder appeared or went while listing
        }
    }

    private static Set<String> listNames(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
