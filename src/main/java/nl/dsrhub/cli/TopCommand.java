package nl.dsrhub.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import nl.dsrhub.config.HubConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code dsr-hub}: the options every command shares, given before or after the command's name (picocli's inherited
 * options), and the usage's headings and footer, which every command's {@code --help} shows too. Without a command it
 * prints the usage.
 */
@Command(name = "dsr-hub", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = TopCommand.Version.class, sortOptions = false, usageHelpAutoWidth = true,
        synopsisHeading = "usage: ", commandListHeading = "%nCommands:%n", optionListHeading = "%nOptions:%n",
        parameterListHeading = "%n", descriptionHeading = "%n",
        description = {"The GDPR data-subject request hub (java -jar dsr-hub.jar COMMAND [options]).",
                "Beside a running hub, submit, status, retry, settle, extend, refuse, confirm, discard and ledger go through"
                        + " its API (the token in the data dir); with no hub running they open the database.",
                "`dsr-hub COMMAND --help` shows a command's arguments and options."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:done (also: the hub stopped by SIGTERM or Ctrl-C after a clean shutdown)",
                "1:the command failed: a bad request file, no such request, an action the hub refused, a broken"
                        + " ledger, a connector that failed its check, an unexpected error",
                "2:usage: an unknown command or option, a missing or bad value, a bad setting",
                "3:a connector file is invalid (the file and field are named)",
                "4:the hub cannot start: its HTTP port is taken, or another hub runs on the data dir",
                "5:a hub runs on the data dir but cannot be reached (no HTTP server, or its API does not answer)"})
final class TopCommand implements Callable<Integer>, PluggedCommand.Context {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "configuration file (default ./application.properties if present)")
    Path configFile;

    @Option(names = "--data", paramLabel = "DIR", scope = ScopeType.INHERIT, description = "data folder (default ./data)")
    String dataDir;

    @Option(names = "--set", paramLabel = "KEY=VALUE", scope = ScopeType.INHERIT,
            description = "override one configuration key (repeatable)")
    Map<String, String> overrides = new LinkedHashMap<>();

    private final PrintStream out;
    private final PrintStream err;
    private HubConfig config;

    TopCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** No command: the usage, as {@code --help} prints it. */
    @Override
    public Integer call() {
        spec.commandLine().usage(out);
        return 0;
    }

    /** The configuration the options name, loaded once: file, then {@code --set}, then {@code --data}, the environment winning. */
    @Override
    public HubConfig config() {
        if (config == null) {
            Map<String, String> all = new LinkedHashMap<>(overrides);
            if (dataDir != null) {
                all.put("dsr.data-dir", dataDir);
            }
            config = HubConfig.load(configFile, all, System.getenv());
        }
        return config;
    }

    @Override
    public PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    /** The version Maven wrote into {@code version.properties} when it built the jar. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = TopCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"dsr-hub " + p.getProperty("version", "(unknown version)")};
        }
    }
}
