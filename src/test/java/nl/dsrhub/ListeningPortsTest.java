package nl.dsrhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.dsrhub.demo.Simulators;
import nl.dsrhub.store.Database;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.HubJvm;
import nl.dsrhub.testing.ListeningSockets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What another local user could reach: a running hub (its own JVM) listens on its HTTP address and nothing else (the
 * H2 database once opened a TCP server on every interface, with an empty password, announced in a world-readable lock
 * file); its database is the hub's alone while it runs and opens only with the password kept in the data dir; the demo
 * listens on loopback only.
 */
class ListeningPortsTest {

    @TempDir
    Path dir;

    @Test
    void aRunningHubListensOnItsHttpAddressAndNothingElse() throws Exception {
        Path data = dir.resolve("data");
        try (Simulators sims = Simulators.start();
             HubJvm hub = HubJvm.start(data, HubFixture.childSettings(sims, data), List.of(), dir.resolve("hub.log"))) {
            assertThat(ListeningSockets.of(hub.pid())).containsExactly("127.0.0.1:" + hub.port);
            // nothing in the database's folder announces a server to connect to
            try (Stream<Path> files = Files.list(data.resolve("db"))) {
                for (Path f : files.toList()) {
                    assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1))
                            .as(f.getFileName().toString()).doesNotContain("server=");
                }
            }
        }
    }

    @Test
    void theDatabaseIsTheRunningHubsAloneAndOpensOnlyWithItsPassword() throws Exception {
        Path data = dir.resolve("data");
        try (Simulators sims = Simulators.start();
             HubJvm hub = HubJvm.start(data, HubFixture.childSettings(sims, data), List.of(), dir.resolve("hub.log"))) {
            assertThatThrownBy(() -> Database.openDefault(data, 1)).isInstanceOf(Database.DatabaseInUse.class)
                    .hasMessageContaining("commands go through its API");
        }
        // stopped: without the password nobody gets in, with it (owner-only file) the hub's user does
        String url = Database.defaultUrl(data);
        assertThatThrownBy(() -> DriverManager.getConnection(url, "", "").close())
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28000"));
        assertThatThrownBy(() -> DriverManager.getConnection(url, Database.DEFAULT_USER, "").close())
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28000"));
        String password = Files.readString(Database.passwordFile(data)).trim();
        DriverManager.getConnection(url, Database.DEFAULT_USER, password).close();
    }

    @Test
    void aDatabaseOfAnEarlierVersionWithoutAPasswordGetsOneWhenOpened() throws Exception {
        Path data = dir.resolve("old");
        Files.createDirectories(data.resolve("db"));
        String url = Database.defaultUrl(data);
        // as the earlier version opened it: no user, no password
        Database.open(url, null, null, 1).close();
        try (var c = DriverManager.getConnection(url, "", "")) {
            c.createStatement().execute("CREATE TABLE earlier (id INT)");
        }
        Database.openDefault(data, 1).close();
        assertThatThrownBy(() -> DriverManager.getConnection(url, "", "").close())
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28000"));
        try (var c = DriverManager.getConnection(url, Database.DEFAULT_USER, Files.readString(Database.passwordFile(data)).trim());
             var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM earlier")) {
            assertThat(rs.next()).as("the earlier data is still there").isTrue();
        }
    }

    @Test
    void theDemoListensOnLoopbackOnly() throws Exception {
        Path log = dir.resolve("demo.log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "nl.dsrhub.cli.DsrHub", "demo",
                "--data", dir.resolve("demo-data").toString(), "--set", "camel.server.port=" + HubFixture.freePort()));
        Process demo = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(150)).until(() -> {
                assertThat(demo.isAlive()).as(Files.readString(log)).isTrue();
                return Files.readString(log).contains("Dashboard: ");
            });
            var sockets = ListeningSockets.of(demo.pid());
            // the hub's server, the seven simulators, SMTP and IMAP
            assertThat(sockets).hasSizeGreaterThanOrEqualTo(10).allMatch(ListeningSockets::loopback);
        } finally {
            demo.destroyForcibly().waitFor();
        }
    }
}
