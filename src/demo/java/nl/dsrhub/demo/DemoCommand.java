package nl.dsrhub.demo;

import java.util.concurrent.Callable;
import nl.dsrhub.cli.PluggedCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code demo [--exit]}: the hub against simulated processors with sample requests ({@link DemoRunner}). */
public final class DemoCommand implements PluggedCommand {

    @Override
    public Callable<Integer> command(Context context) {
        return new Demo(context);
    }

    @Command(name = "demo", description = {"Run the hub against simulated processors with sample requests (data in"
            + " ./demo-data unless --data DIR); Ctrl-C stops it.", "If port 8080 is taken, the dashboard gets a free port;"
            + " another hub on the data dir stops it (exit 4)."})
    static final class Demo implements Callable<Integer> {

        private final Context context;

        @Option(names = "--exit", description = "stop once the sample requests are done (exit 0), instead of running on")
        boolean exit;

        Demo(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            return new DemoRunner(context.out()).run(context.config(), exit);
        }
    }
}
