package nl.dsrhub.hub;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import nl.dsrhub.config.HubConfig;
import nl.dsrhub.testing.HubFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After Camel started, the hub checks that its HTTP server answers: a port lost meanwhile refuses the start. */
class StartChecksTest {

    @TempDir
    Path dataDir;

    @Test
    void aServerThatAnswersOnThePortPasses() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            assertThatCode(() -> StartChecks.serving(config(server.getLocalPort()))).doesNotThrowAnyException();
        }
    }

    @Test
    void nothingListeningOnThePortIsACleanRefusalNamingThePort() {
        int port = HubFixture.freePort();
        assertThatThrownBy(() -> StartChecks.serving(config(port))).isInstanceOf(HubCannotStart.class)
                .hasMessageContaining("port " + port).hasMessageContaining("camel.server.port");
    }

    @Test
    void withoutAnHttpServerNothingIsChecked() {
        HubConfig off = HubConfig.load(null, Map.of("dsr.data-dir", dataDir.toString(), "camel.server.enabled", "false",
                "camel.server.port", String.valueOf(HubFixture.freePort())), Map.of());
        assertThatCode(() -> StartChecks.serving(off)).doesNotThrowAnyException();
    }

    private HubConfig config(int port) {
        return HubConfig.load(null, Map.of("dsr.data-dir", dataDir.toString(), "camel.server.host", "127.0.0.1",
                "camel.server.port", String.valueOf(port)), Map.of());
    }
}
