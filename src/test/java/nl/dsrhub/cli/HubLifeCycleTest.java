package nl.dsrhub.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.demo.Simulators;
import nl.dsrhub.store.Database;
import nl.dsrhub.store.Jdbc;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.HubJvm;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub's life cycle as an operator sees it, each in a real JVM ({@code DsrHub run}): it refuses to start, with exit
 * 4 and one line on stderr, when its port is taken or another hub runs on its data dir; SIGTERM stops it cleanly with
 * exit 0, the call under way finished, and the request resumes at the next start.
 */
class HubLifeCycleTest {

    @TempDir
    Path dir;

    @Test
    void aTakenPortIsRefusedInOneLineBeforeAnythingStarts() throws Exception {
        Path data = dir.resolve("data");
        try (Simulators sims = Simulators.start();
             ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Map<String, String> settings = HubFixture.childSettings(sims, data);
            settings.put("camel.server.port", String.valueOf(taken.getLocalPort()));

            Finished run = runHub(data, settings);

            assertThat(run.code).as(run::describe).isEqualTo(DsrHub.CANNOT_START);
            assertThat(run.stderr).as(run::describe).hasSize(1);
            assertThat(run.stderr.get(0)).startsWith("dsr-hub: cannot start: port " + taken.getLocalPort())
                    .contains("in use by another program", "camel.server.port");
            assertThat(run.stdout).as("nothing started, nothing printed").isEmpty();
            assertThat(data).as("nothing made in the data dir").doesNotExist();
        }
    }

    @Test
    void aSecondHubOnTheSameDataDirIsRefused() throws Exception {
        Path data = dir.resolve("data");
        try (Simulators sims = Simulators.start();
             HubJvm first = HubJvm.start(data, HubFixture.childSettings(sims, data), List.of(), dir.resolve("first.log"))) {
            Map<String, String> second = HubFixture.childSettings(sims, data);   // its own free port

            Finished run = runHub(data, second);

            assertThat(run.code).as(run::describe).isEqualTo(DsrHub.CANNOT_START);
            assertThat(run.stderr).as(run::describe).containsExactly("dsr-hub: cannot start: another hub (process "
                    + first.pid() + ") runs on the data dir " + data.toAbsolutePath()
                    + ": stop it first, or give this hub its own --data DIR");
            assertThat(first.healthy()).as("the first hub runs on").isTrue();
        }
    }

    @Test
    void sigtermFinishesTheCallUnderWayExitsZeroAndTheRequestResumesAtTheNextStart() throws Exception {
        Path data = dir.resolve("data");
        try (Simulators sims = Simulators.start()) {
            // a call takes a second: SIGTERM lands while one is under way, well within the shutdown timeout (5 s)
            sims.woo.latency(Duration.ofSeconds(1));
            Map<String, String> settings = HubFixture.childSettings(sims, data);
            HubJvm hub = HubJvm.start(data, settings, List.of(), dir.resolve("first.log"));
            drop(data, Requests.file("export", DemoPeople.JAN.email(), Requests.now(), "LIFE-1"));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> sims.woo.inFlight() > 0);

            hub.process.destroy();   // SIGTERM

            assertThat(hub.process.waitFor(30, TimeUnit.SECONDS)).as("stopped within the shutdown timeout").isTrue();
            assertThat(hub.process.exitValue()).as(hub::logText).isZero();
            assertThat(hub.logText()).doesNotContain("Exception").doesNotContain("\tat ").contains("dsr-hub stopped");
            assertThat(wooTask(data)).as("the task whose call was under way was let finish").isEqualTo("DONE EXPORTED");
            String id = onlyRequest(data);

            sims.woo.latency(Duration.ZERO);
            try (HubJvm again = HubJvm.start(data, settings, List.of(), dir.resolve("second.log"))) {
                await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(data.resolve("outbox").resolve(id)
                        .resolve("bundle.zip")));
                assertThat(again.healthy()).isTrue();
            }
        }
    }

    // ---- a hub that is expected to exit by itself

    private record Finished(int code, List<String> stdout, List<String> stderr) {
        String describe() {
            return "exit " + code + "\nstdout: " + stdout + "\nstderr: " + stderr;
        }
    }

    private Finished runHub(Path data, Map<String, String> settings) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "nl.dsrhub.cli.DsrHub", "run",
                "--data", data.toString()));
        cmd.addAll(HubFixture.setArguments(settings));
        Path out = dir.resolve("refused.out");
        Path err = dir.resolve("refused.err");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("the hub did not refuse to start: it runs on\n" + Files.readString(out));
        }
        return new Finished(p.exitValue(), Files.readAllLines(out), Files.readAllLines(err));
    }

    private static void drop(Path data, String content) throws IOException {
        Path inbox = Files.createDirectories(data.resolve("inbox"));
        Path tmp = inbox.resolve(".life.json.tmp");
        Files.writeString(tmp, content);
        Files.move(tmp, inbox.resolve("life.json"), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The WooCommerce task's status and outcome, read from the stopped hub's database. */
    private static String wooTask(Path data) {
        try (Database db = Database.openDefault(data, 2)) {
            Jdbc jdbc = db.jdbc();
            return jdbc.query("SELECT status, outcome FROM dsr_task WHERE connector = 'woocommerce'",
                    rs -> rs.getString(1) + " " + rs.getString(2)).get(0);
        }
    }

    private static String onlyRequest(Path data) throws IOException {
        try (Stream<Path> out = Files.list(data.resolve("outbox"))) {
            List<String> ids = out.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("R")).toList();
            assertThat(ids).as("the request was taken in before the stop").hasSize(1);
            return ids.get(0);
        }
    }
}
