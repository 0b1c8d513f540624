package nl.dsrhub.demo;

import java.io.PrintStream;
import java.util.Map;
import nl.dsrhub.cli.PluggedCommand;
import nl.dsrhub.config.HubConfig;

/** {@code demo [--exit]}: the hub against simulated processors with sample requests ({@link DemoRunner}). */
public final class DemoCommand implements PluggedCommand {

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String usage() {
        return "  demo [--exit]               run the hub against simulated processors with sample requests\n";
    }

    @Override
    public int run(HubConfig config, Map<String, String> options, PrintStream out) {
        return new DemoRunner(out).run(config, options.containsKey("exit"));
    }
}
