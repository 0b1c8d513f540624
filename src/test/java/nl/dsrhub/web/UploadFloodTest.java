package nl.dsrhub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.dsrhub.demo.Simulators;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.HubJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attack that took a hub to OutOfMemoryError: eight unauthenticated 100 MB bodies at once (to the API and to the
 * settle form), against a hub in its own JVM with a heap far smaller than what they offer. The hub answers each before
 * reading it and stays healthy.
 */
class UploadFloodTest {

    @TempDir
    Path dir;

    @Test
    void eightUnauthenticatedHundredMegabyteBodiesAtOnceLeaveASmallHeapedHubHealthy() throws Exception {
        Path data = dir.resolve("data");
        try (Simulators sims = Simulators.start();
             HubJvm hub = HubJvm.start(data, HubFixture.childSettings(sims, data), List.of("-Xmx128m"), dir.resolve("hub.log"))) {
            long offered = 100L * 1024 * 1024;
            List<RawPost> posts = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    String path = i % 2 == 0 ? "/api/requests" : "/requests/R20261128-ANY/settle";
                    posts.add(new RawPost(hub.port, "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + hub.port
                            + "\r\nOrigin: http://127.0.0.1:" + hub.port
                            + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + offered, new byte[0], offered));
                }
                for (RawPost p : posts) {
                    assertThat(p.statusLine()).isEqualTo("HTTP/1.1 401 Unauthorized");
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> posts.stream().allMatch(RawPost::writerEnded));
                long sent = posts.stream().mapToLong(RawPost::bodyBytesSent).sum();
                System.out.printf("UploadFloodTest: the eight got %.1f MB out of %d MB offered before the hub closed them%n",
                        sent / 1e6, 8 * offered / 1_000_000);
                assertThat(sent).as("bytes the eight got out of 800 MB offered").isLessThan(8L * 16 * 1024 * 1024);
            } finally {
                for (RawPost p : posts) {
                    p.close();
                }
            }
            assertThat(hub.healthy()).as("health after the flood").isTrue();
            assertThat(hub.process.isAlive()).isTrue();
            assertThat(hub.logText()).doesNotContain("OutOfMemoryError");
        }
    }
}
