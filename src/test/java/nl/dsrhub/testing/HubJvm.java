package nl.dsrhub.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar dsr-hub.jar run} as its own process (this classpath, {@code nl.dsrhub.cli.DsrHub run}), on a data
 * dir with the given settings; the HTTP server on a free port. For what only a separate process shows: its own heap,
 * its own listening sockets, commands run beside it.
 */
public final class HubJvm implements AutoCloseable {

    public final Process process;
    public final int port;
    public final Path log;

    private HubJvm(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the hub and waits until its {@code /observe/health} answers 200. */
    public static HubJvm start(Path dataDir, Map<String, String> settings, List<String> jvmOptions, Path log) throws IOException {
        int port = HubFixture.freePort();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "nl.dsrhub.cli.DsrHub", "run", "--data", dataDir.toString()));
        cmd.addAll(HubFixture.setArguments(settings));
        cmd.addAll(List.of("--set", "camel.server.port=" + port));
        // run outside the project folder, as an installed hub would (Camel would also find ./routes there)
        Process p = new ProcessBuilder(cmd).directory(log.getParent().toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        HubJvm hub = new HubJvm(p, port, log);
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
                if (!p.isAlive()) {
                    throw new AssertionError("the hub exited (" + p.exitValue() + "): " + hub.logText());
                }
                return hub.healthy();
            });
        } catch (RuntimeException | AssertionError e) {
            hub.close();
            throw e;
        }
        return hub;
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + "/" + path);
    }

    /** {@code GET /observe/health} answers 200. */
    public boolean healthy() {
        try {
            HttpResponse<Void> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(url("observe/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The process's id, for what the operating system says of it. */
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
