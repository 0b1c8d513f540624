package nl.dsrhub.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A hub in a child JVM ({@link ChildHub}) with its own heap limit, so that its memory and CPU are its own
 * and not the simulators'. Measures the time from launching the JVM to the hub being ready.
 *
 * <p>Readiness is decided in one place, {@link #awaitReady}: the child's {@code READY} line (printed once
 * {@code Hub.start} returned: the hub is started and its routes are up), then {@code GET /observe/health}
 * polled until it answers 200. Both instants are kept: {@link #startedNanos} and {@link #readyNanos}.
 */
final class HubProcess implements AutoCloseable {

    /** One {@code STATS} line of the child. */
    record Stats(long peakHeapBytes, long cpuNanos, long completed, long open, long peakHeapAfterGcBytes, long atNanos) {
    }

    private final Process process;
    private final long launchedNanos;
    private final Path log;
    private final java.net.URI health;
    private volatile long healthyNanos;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<String> otherOutput = new ArrayList<>();
    private volatile long readyNanos;
    private volatile Stats last = new Stats(0, 0, 0, 0, 0, System.nanoTime());
    private volatile Stats first;

    private HubProcess(Process process, long launchedNanos, Path log, java.net.URI health) {
        this.process = process;
        this.log = log;
        this.health = health;
        this.launchedNanos = launchedNanos;
        Thread reader = new Thread(this::read, "bench-child-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code java [jvmOptions] -cp <this classpath> nl.dsrhub.bench.ChildHub configFile}; {@code health}
     * is the hub's {@code /observe/health} URL.
     */
    static HubProcess launch(Path configFile, List<String> jvmOptions, Path log, java.net.URI health) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvmOptions);
        // e.g. a flight recording of the hub: DSR_BENCH_CHILD_JVM_OPTS="-XX:StartFlightRecording=filename=hub.jfr"
        String extra = System.getenv("DSR_BENCH_CHILD_JVM_OPTS");
        if (extra != null && !extra.isBlank()) {
            cmd.addAll(List.of(extra.trim().split("\\s+")));
        }
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.add(ChildHub.class.getName());
        cmd.add(configFile.toString());
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        return new HubProcess(p, t0, log, health);
    }

    /**
     * This JVM's class path, with a manifest-only jar (how surefire passes a long class path) replaced by
     * the entries its manifest names: through such a jar the hub's classpath scan sees its routes twice.
     */
    static String classPath() {
        List<String> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            String classPath = null;
            if (entry.endsWith(".jar")) {
                try (java.util.jar.JarFile jar = new java.util.jar.JarFile(entry)) {
                    java.util.jar.Manifest m = jar.getManifest();
                    classPath = m == null || m.getMainAttributes().getValue("Main-Class") != null ? null
                            : m.getMainAttributes().getValue("Class-Path");
                } catch (IOException e) {
                    classPath = null;
                }
            }
            if (classPath == null || classPath.isBlank()) {
                out.add(entry);
                continue;
            }
            Path base = Path.of(entry).toAbsolutePath().getParent();
            for (String ref : classPath.trim().split("\\s+")) {
                try {
                    java.net.URI uri = base.toUri().resolve(ref);
                    out.add(Path.of(uri).toString());
                } catch (IllegalArgumentException e) {
                    out.add(ref);
                }
            }
        }
        return String.join(java.io.File.pathSeparator, out);
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.equals("READY")) {
                    readyNanos = System.nanoTime();
                    ready.countDown();
                } else if (line.startsWith("STATS ")) {
                    String[] f = line.split(" ");
                    last = new Stats(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                            Long.parseLong(f[4]), Long.parseLong(f[5]), System.nanoTime());
                    if (first == null) {
                        first = last;
                    }
                } else if (line.equals("STOPPED")) {
                    stopped.countDown();
                } else {
                    synchronized (otherOutput) {
                        if (otherOutput.size() < 50) {
                            otherOutput.add(line);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // the child went away or wrote something unexpected; awaitReady and the stats say so
            synchronized (otherOutput) {
                otherOutput.add("(reading the child's output stopped: " + e + ")");
            }
        } finally {
            ready.countDown();
            stopped.countDown();
        }
    }

    /** Waits for the hub to be ready; returns the time from JVM launch to ready. */
    Duration awaitReady(Duration timeout) throws InterruptedException {
        if (!ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS) || readyNanos == 0) {
            process.waitFor(2, TimeUnit.SECONDS);
            String output;
            synchronized (otherOutput) {
                output = String.join("\n", otherOutput);
            }
            throw new IllegalStateException("the child hub did not become ready (exit "
                    + (process.isAlive() ? "-" : process.exitValue()) + "); its log " + log + ":\n" + tail(log)
                    + (output.isEmpty() ? "" : "\nits output:\n" + output));
        }
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2)).build();
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until && process.isAlive()) {
            try {
                int status = client.send(java.net.http.HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).GET()
                        .build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    healthyNanos = System.nanoTime();
                    return Duration.ofNanos(healthyNanos - launchedNanos);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the child hub started but " + health + " did not answer 200; its log " + log
                + ":\n" + tail(log));
    }

    /** When {@code Hub.start} returned in the child (routes up). */
    long startedNanos() {
        return readyNanos;
    }

    /** When the hub first answered 200 on {@code /observe/health}. */
    long readyNanos() {
        return healthyNanos;
    }

    long launchedNanos() {
        return launchedNanos;
    }

    /** The first statistics after ready: the CPU the start-up used is in it. */
    Stats firstStats() {
        return first == null ? last : first;
    }

    Stats stats() {
        return last;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Asks the hub to stop and waits for its last statistics. */
    Stats stop() throws InterruptedException {
        try {
            OutputStream in = process.getOutputStream();
            in.write("STOP\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            // already gone
        }
        stopped.await(60, TimeUnit.SECONDS);
        process.waitFor(30, TimeUnit.SECONDS);
        return last;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }
}
