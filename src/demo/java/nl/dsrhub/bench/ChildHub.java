package nl.dsrhub.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import nl.dsrhub.hub.Hub;
import nl.dsrhub.config.HubConfig;

/**
 * The hub as the benchmark runs it in a child JVM: the real {@link Hub}, plus a small reporting hook on
 * stdout that the parent ({@link HubProcess}) reads. Lines:
 * <ul>
 *   <li>{@code READY} once {@link Hub#start} returned (routes up);</li>
 *   <li>{@code STATS <peakHeapBytes> <processCpuNanos> <completedRequests> <openRequests> <peakHeapAfterGcBytes>}
 *       every 100 ms;</li>
 *   <li>stdin {@code STOP} (or end of input) stops the hub, prints a last {@code STATS} and {@code STOPPED}.</li>
 * </ul>
 * Peak heap is sampled every 10 ms from the JVM's own memory bean (used heap, all pools), so a peak
 * shorter than that may be missed; the {@code -Xmx} the parent set is the hard ceiling. Used heap includes
 * garbage the collector had no reason to collect yet; the peak after collections is the live data.
 */
public final class ChildHub {

    private ChildHub() {
    }

    public static void main(String[] args) throws Exception {
        HubConfig config = HubConfig.load(Path.of(args[0]), Map.of(), System.getenv());
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        AtomicLong peakAfterGc = new AtomicLong();
        var heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP && p.getCollectionUsage() != null).toList();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                // what each pool held right after its last collection: the live data, without garbage
                peakAfterGc.accumulateAndGet(heapPools.stream().mapToLong(p -> p.getCollectionUsage().getUsed()).sum(),
                        Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();

        Hub hub = Hub.start(config);
        System.out.println("READY");
        System.out.flush();
        Thread reporter = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                report(hub, peak.get(), peakAfterGc.get());
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-reporter");
        reporter.setDaemon(true);
        reporter.start();

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.trim().equals("STOP")) {
            // only STOP is understood
        }
        reporter.interrupt();
        report(hub, peak.get(), peakAfterGc.get());
        hub.close();
        System.out.println("STOPPED");
        System.out.flush();
        System.exit(0);
    }

    private static synchronized void report(Hub hub, long peakHeap, long peakAfterGc) {
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long completed;
        long open;
        try {
            var jdbc = hub.services().jdbc;
            long[] counts = jdbc.queryOne("SELECT COUNT(CASE WHEN status = 'COMPLETED' THEN 1 END), COUNT(*) FROM dsr_request",
                    rs -> new long[] {rs.getLong(1), rs.getLong(2)}).orElse(new long[2]);
            completed = counts[0];
            open = counts[1] - counts[0];
        } catch (RuntimeException e) {
            return;   // stopping
        }
        System.out.println("STATS " + peakHeap + " " + cpu + " " + completed + " " + open + " " + peakAfterGc);
        System.out.flush();
    }
}
