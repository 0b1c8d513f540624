package nl.dsrhub.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.demo.Simulators;
import nl.dsrhub.ops.RunningHub;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.HubJvm;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The officer's commands beside a hub running in its own JVM: the database is the hub's alone (H2 is opened by one
 * process), so every command goes through the hub's API with the data dir's token, and prints what it prints without
 * a hub. Once the hub has stopped, the same commands open the database themselves.
 */
class CommandsBesideARunningHubTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path data;

    @Test
    void everyOfficersCommandWorksThroughTheRunningHubAndOnTheDatabaseOnceItStopped() throws Exception {
        data = dir.resolve("data");
        try (Simulators sims = Simulators.start()) {
            // the shop refuses the hub's key: its task needs the officer
            sims.woo.setCredentials("ck_rotated", "cs_rotated");
            try (HubJvm hub = HubJvm.start(data, HubFixture.childSettings(sims, data), List.of(), dir.resolve("hub.log"))) {
                assertThat(RunningHub.find(data)).hasValueSatisfying(h -> assertThat(h.pid()).isEqualTo(hub.pid()));

                Path file = Files.writeString(dir.resolve("export.json"), Requests.file("export", DemoPeople.EVA.email(), Requests.now(), "BESIDE-1"));
                assertThat(run("submit", file.toString())).as(this::err).isZero();
                String id = out().trim();
                assertThat(err()).contains("queued");
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    run("status", id, "--json");
                    return task(out(), "woocommerce").path("outcome").asText().equals("NEEDS_ATTENTION");
                });
                assertThat(run("status")).isZero();
                assertThat(out()).contains(id).doesNotContain(DemoPeople.EVA.email());
                assertThat(run("status", id)).isZero();
                assertThat(out()).contains("TASKS").contains("woocommerce").contains("TIMELINE");
                assertThat(run("status", "R20260101-XXXXXX")).isEqualTo(1);
                assertThat(err()).contains("no request R20260101-XXXXXX");

                assertThat(run("retry", id, "--connector", "woocommerce")).as(this::err).isZero();
                assertThat(out()).contains("1 task(s) of " + id + " queued to run again");
                // run again (with its attempts afresh), refused again: a second outcome in the timeline
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    run("status", id, "--json");
                    return task(out(), "woocommerce").path("outcome").asText().equals("NEEDS_ATTENTION")
                            && outcomesOf(out(), "woocommerce") >= 2;
                });

                assertThat(run("extend", id, "--months", "1", "--reason", "the shop restores its archive")).as(this::err).isZero();
                assertThat(out()).contains("deadline extended to").contains("extension-notice.html");
                assertThat(run("extend", id, "--months", "1", "--reason", "again")).isEqualTo(1);
                assertThat(err()).contains("already extended once");

                // the shop's own export, two files, settled through the API as a multipart form
                Path orders = Files.writeString(dir.resolve("orders.csv"), "order,total\n1001,24.95\n");
                Path account = Files.writeString(dir.resolve("account.json"), "{\"id\": 42}\n");
                assertThat(run("settle", id, "--connector", "woocommerce", "--outcome", "EXPORTED", "--reason",
                        "exported by the shop owner", "--file", orders.toString(), "--file", account.toString())).as(this::err).isZero();
                await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(data.resolve("outbox").resolve(id).resolve("bundle.zip")));
                try (var zip = new java.util.zip.ZipFile(data.resolve("outbox").resolve(id).resolve("bundle.zip").toFile())) {
                    assertThat(zip.getEntry("woocommerce/settled-by-hand/orders.csv")).isNotNull();
                    assertThat(new String(zip.getInputStream(zip.getEntry("woocommerce/settled-by-hand/account.json")).readAllBytes(),
                            StandardCharsets.UTF_8)).isEqualTo("{\"id\": 42}\n");
                }

                assertThat(run("ledger", "verify")).isZero();
                assertThat(out()).contains("ledger intact");
                Path register = dir.resolve("register.csv");
                assertThat(run("ledger", "export", register.toString())).isZero();
                assertThat(Files.readString(register)).contains(id);
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(register))).isEqualTo("rw-------");
                assertThat(run("connectors")).as(this::err).isZero();
                assertThat(out()).contains("woocommerce");
            }
            // stopped (SIGTERM): the hub said so, and the commands use the database
            assertThat(RunningHub.file(data)).doesNotExist();
            assertThat(run("status")).as(this::err).isZero();
            assertThat(run("ledger", "verify")).isZero();
            assertThat(out()).contains("ledger intact");
        }
    }

    @Test
    void aHubFileLeftByAKilledHubIsIgnored() throws Exception {
        data = dir.resolve("data");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.createDirectories(data);
        Files.writeString(RunningHub.file(data), "{\"pid\": " + gone.pid() + ", \"api\": \"http://127.0.0.1:1/\"}");
        assertThat(RunningHub.find(data)).isEmpty();
        assertThat(run("status")).as(this::err).isZero();
        assertThat(out()).contains("no open requests");
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data", data.toString()));
        // the same connectors folder as the hub (none extra), so both see the same catalog
        all.addAll(List.of("--set", "dsr.connectors.dir=" + data.resolve("connectors")));
        return new DsrHub(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(all.toArray(String[]::new));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static long outcomesOf(String statusJson, String connector) throws Exception {
        long n = 0;
        for (JsonNode e : new ObjectMapper().readTree(statusJson).path("timeline")) {
            n += "outcome".equals(e.path("kind").asText()) && connector.equals(e.path("connector").asText()) ? 1 : 0;
        }
        return n;
    }

    private static JsonNode task(String statusJson, String connector) throws Exception {
        for (JsonNode t : new ObjectMapper().readTree(statusJson).path("tasks")) {
            if (connector.equals(t.path("connector").asText())) {
                return t;
            }
        }
        return new ObjectMapper().createObjectNode();
    }
}
