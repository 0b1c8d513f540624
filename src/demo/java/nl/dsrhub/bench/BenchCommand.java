package nl.dsrhub.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import nl.dsrhub.cli.PluggedCommand;
import nl.dsrhub.config.HubConfig;

/** {@code bench [options]}: parses the options, runs {@link Bench}, returns the exit code. */
public final class BenchCommand implements PluggedCommand {

    private static final String USAGE = """
              bench [--quick] [--latency-ms N] [--warm-up N] [--scale F] [--requests N] [--orders N] [--out FILE]
                    [--bulk-latency-ms N] [--export-heap SIZE] [--keep DIR]
                    [--only fanout,bulk,export]
                                          benchmark against the simulators: fan-out, bulk under limits,
                                          large export, hub overhead (table + JSON in --out)
            """;

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("latency-ms", "warm-up", "scale", "requests", "orders", "out", "bulk-latency-ms", "export-heap",
                "keep", "only");
    }

    @Override
    public int run(HubConfig config, Map<String, String> options, PrintStream out) throws Exception {
        Bench.Options o = Bench.Options.defaults();
        if (options.containsKey("quick")) {
            o = o.quick();
        }
        o = new Bench.Options(
                intOption(options, "latency-ms", o.latencyMs()),
                intOption(options, "warm-up", o.warmUp()),
                doubleOption(options, "scale", o.scale()),
                intOption(options, "requests", o.requests()),
                intOption(options, "orders", o.orders()),
                intOption(options, "bulk-latency-ms", o.bulkLatencyMs()),
                options.getOrDefault("export-heap", o.exportHeap()),
                options.containsKey("out") ? Path.of(options.get("out")) : o.out(),
                options.containsKey("keep") ? Path.of(options.get("keep")) : null,
                options.containsKey("only") ? parts(options.get("only")) : o.only(), o.small());
        Bench bench = new Bench(out, o);
        try {
            bench.run();
            return 0;
        } finally {
            bench.cleanUp();
        }
    }

    private static Set<String> parts(String list) {
        Set<String> parts = Set.of(list.split(","));
        for (String p : parts) {
            if (!Set.of("fanout", "bulk", "export").contains(p)) {
                throw new IllegalArgumentException("--only: fanout, bulk and/or export expected, got '" + p + "'");
            }
        }
        return parts;
    }

    private static int intOption(Map<String, String> options, String name, int fallback) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < (name.endsWith("latency-ms") || name.equals("warm-up") ? 0 : 1)) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + ": a whole number expected, got '" + v + "'");
        }
    }

    private static double doubleOption(Map<String, String> options, String name, double fallback) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (!(d > 0)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + ": a positive number expected, got '" + v + "'");
        }
    }
}
