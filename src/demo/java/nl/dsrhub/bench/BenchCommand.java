package nl.dsrhub.bench;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import nl.dsrhub.cli.PluggedCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench [options]}: reads the options, runs {@link Bench}, returns the exit code. */
public final class BenchCommand implements PluggedCommand {

    @Override
    public Callable<Integer> command(Context context) {
        return new BenchRun(context);
    }

    @Command(name = "bench", description = {"Benchmark against the simulators: fan-out, bulk under limits, large export,"
            + " hub overhead (table, and JSON in --out). About 11 minutes; --quick about one."})
    static final class BenchRun implements Callable<Integer> {

        private final Context context;

        @Option(names = "--quick", description = "a short run with small figures (for a smoke test)")
        boolean quick;
        @Option(names = "--latency-ms", paramLabel = "N", description = "each simulated processor's latency (default 200)")
        Integer latencyMs;
        @Option(names = "--warm-up", paramLabel = "N", description = "requests before the fan-out is timed (default 40)")
        Integer warmUp;
        @Option(names = "--scale", paramLabel = "F", description = "rate-limit windows divided by this (default 60)")
        Double scale;
        @Option(names = "--requests", paramLabel = "N", description = "requests of the bulk run (default 5000)")
        Integer requests;
        @Option(names = "--orders", paramLabel = "N", description = "orders of the large export (default 200000)")
        Integer orders;
        @Option(names = "--bulk-latency-ms", paramLabel = "N", description = "latency in the bulk run (default 5)")
        Integer bulkLatencyMs;
        @Option(names = "--export-heap", paramLabel = "SIZE", description = "the export hub's -Xmx (default 256m)")
        String exportHeap;
        @Option(names = "--out", paramLabel = "FILE", description = "the JSON result (default bench-result.json)")
        Path out;
        @Option(names = "--keep", paramLabel = "DIR", description = "work here and keep it (default: a temp dir, removed)")
        Path keep;
        @Option(names = "--only", paramLabel = "PART", split = ",", description = "fanout, bulk and/or export (default all)")
        List<String> only;

        BenchRun(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            Bench.Options d = quick ? Bench.Options.defaults().quick() : Bench.Options.defaults();
            Bench.Options o = new Bench.Options(
                    atLeast("--latency-ms", latencyMs, 0, d.latencyMs()),
                    atLeast("--warm-up", warmUp, 0, d.warmUp()),
                    positive("--scale", scale, d.scale()),
                    atLeast("--requests", requests, 1, d.requests()),
                    atLeast("--orders", orders, 1, d.orders()),
                    atLeast("--bulk-latency-ms", bulkLatencyMs, 0, d.bulkLatencyMs()),
                    exportHeap == null ? d.exportHeap() : exportHeap,
                    out == null ? d.out() : out, keep,
                    only == null ? d.only() : parts(only), d.small());
            Bench bench = new Bench(context.out(), o);
            try {
                bench.run();
                return 0;
            } finally {
                bench.cleanUp();
            }
        }

        private static Set<String> parts(List<String> list) {
            for (String p : list) {
                if (!Set.of("fanout", "bulk", "export").contains(p)) {
                    throw new IllegalArgumentException("--only: fanout, bulk and/or export expected, got '" + p + "'");
                }
            }
            return new LinkedHashSet<>(list);
        }

        private static int atLeast(String option, Integer value, int least, int fallback) {
            if (value != null && value < least) {
                throw new IllegalArgumentException(option + ": a whole number of at least " + least + " expected, got " + value);
            }
            return value == null ? fallback : value;
        }

        private static double positive(String option, Double value, double fallback) {
            if (value != null && !(value > 0)) {
                throw new IllegalArgumentException(option + ": a positive number expected, got " + value);
            }
            return value == null ? fallback : value;
        }
    }
}
