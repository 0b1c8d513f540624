package nl.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against a real loopback server and an HttpClient set up as the hub's: a call is cut off when its time runs out
 * (however steadily the bytes trickle in) or when the engine says so, without reading what is left; a thread
 * without a watch is left alone.
 */
class CallWatchTest {

    private HttpServer server;
    private CloseableHttpClient client;
    private String url;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        // headers at once, then a byte every 50 ms for ever: each read is well within any socket timeout
        server.createContext("/", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                while (true) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(50);
                }
            } catch (IOException | InterruptedException e) {
                // the client went away
            }
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        client = HttpClients.custom().addExecInterceptorFirst("dsr-call-watch", CallWatch.interceptor()).build();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.stop(0);
    }

    @Test
    void tricklingAnswerIsCutOffWhenTheTimeRunsOut() throws Exception {
        long start = System.nanoTime();
        try (CallWatch watch = CallWatch.start(Duration.ofMillis(500))) {
            ClassicHttpResponse response = client.executeOpen(null, new HttpGet(url), null);
            InputStream in = response.getEntity().getContent();

            assertThatThrownBy(() -> {
                while (in.read() >= 0) {
                    // a byte at a time, as long as it comes
                }
            }).isInstanceOf(IOException.class);
            assertThat(watch.expired()).isTrue();
            closeCutOff(response);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void cutOffClosesTheConnectionWithoutReadingTheRest() throws Exception {
        long start = System.nanoTime();
        try (CallWatch watch = CallWatch.start(Duration.ofMinutes(5))) {
            ClassicHttpResponse response = client.executeOpen(null, new HttpGet(url), null);
            assertThat(response.getEntity().getContent().read()).isEqualTo('x');
            assertThat(watch.watching()).isTrue();

            watch.cutOff();
            closeCutOff(response);

            assertThat(watch.expired()).isFalse();
        }
        // closing an endless answer without the cut-off would have read for ever
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void callsOfAThreadWithoutAWatchAreNotWatched() throws Exception {
        try (CallWatch watch = CallWatch.start(Duration.ofMinutes(5))) {
            HttpGet call = new HttpGet(url);
            Thread other = new Thread(() -> {
                try {
                    ClassicHttpResponse response = client.executeOpen(null, call, null);
                    response.getEntity().getContent().read();
                    call.cancel();
                    closeCutOff(response);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            other.start();
            other.join(5000);

            assertThat(watch.watching()).isFalse();
        }
    }

    /** Closing the answer of a call that was cut off: the connection is gone, so closing fails at once or not at all. */
    private static void closeCutOff(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException expected) {
            // nothing more to read
        }
    }
}
