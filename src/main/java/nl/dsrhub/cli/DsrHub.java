package nl.dsrhub.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import nl.dsrhub.Hub;
import nl.dsrhub.HubConfig;
import nl.dsrhub.Services;
import nl.dsrhub.connector.Connector;
import nl.dsrhub.connector.ConnectorCatalog;
import nl.dsrhub.connector.ConnectorConfigException;
import nl.dsrhub.demo.DemoRunner;
import nl.dsrhub.request.Intake;
import nl.dsrhub.request.Problem;
import nl.dsrhub.request.RequestParser;
import nl.dsrhub.request.RequestValidator;
import nl.dsrhub.request.Validation;

/** {@code java -jar dsr-hub.jar COMMAND}: the hub's command line. */
public final class DsrHub {

    static final String USAGE = """
            usage: java -jar dsr-hub.jar COMMAND [options]

              run                         run the hub (inbox folder, processors, retries)
              demo [--exit]               run the hub against simulated processors with sample requests
              validate FILE               check a request file; prints every problem (exit 0 good, 1 bad)
              submit FILE                 validate and queue a request; prints its id
              status [ID] [--json]        open requests, or one request with its tasks and timeline
              retry ID [--connector NAME] run failed tasks of a request again now
              connectors [--check]        list the connectors; --check asks each enabled one whether it
                                          is reachable and accepts the credentials (exit 1 if not)
              settle ID --connector NAME --outcome OUTCOME --reason TEXT [--file FILE ...]
                                          record a task's outcome by hand (mail/manual processors, or a
                                          task needing attention); OUTCOME: EXPORTED, ERASED, NOT_FOUND,
                                          RETAINED, PARTIAL
              extend ID --months 1|2 --reason TEXT
                                          extend the deadline once (art. 12(3)); writes the notice letter
                                          to outbox/ID/extension-notice.html
              ledger verify               check the ledger's hash chain (exit 1 names the first broken row)
              ledger export [FILE]        the register of handled requests as CSV (pseudonymised)
            """ + nl.dsrhub.bench.BenchCommand.USAGE + """

            options for every command:
              --config FILE     configuration file (default ./application.properties if present)
              --data DIR        data folder (default ./data)
              --set KEY=VALUE   override one configuration key
            """;

    private final PrintStream out;
    private final PrintStream err;

    public DsrHub(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] argv) {
        int code = new DsrHub(System.out, System.err).execute(argv);
        if (code != Integer.MIN_VALUE) {
            System.exit(code);
        }
    }

    /** Runs a command; returns its exit code. */
    public int execute(String[] argv) {
        try {
            Args args = Args.parse(argv);
            HubConfig config = HubConfig.load(args.configFile(), args.overrides(), System.getenv());
            return switch (args.command()) {
                case "run" -> run(config);
                case "demo" -> new DemoRunner(out).run(config, args.flag("exit"));
                case "validate" -> validate(config, Path.of(args.positional(0, "a FILE")));
                case "submit" -> submit(config, Path.of(args.positional(0, "a FILE")));
                case "status" -> status(config, args);
                case "retry" -> retry(config, args.positional(0, "a request ID"), args.options().get("connector"));
                case "connectors" -> connectors(config, args.flag("check"));
                case "settle" -> new OpsCommands(out, err).settle(config, args);
                case "extend" -> new OpsCommands(out, err).extend(config, args);
                case "ledger" -> new OpsCommands(out, err).ledger(config, args);
                case "bench" -> bench(args);
                case "help", "--help", "-h" -> {
                    out.print(USAGE);
                    yield 0;
                }
                default -> throw new Args.UsageException("unknown command '" + args.command() + "'");
            };
        } catch (Args.UsageException e) {
            err.println("dsr-hub: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (ConnectorConfigException e) {
            err.println("dsr-hub: " + e.getMessage());
            return 3;
        } catch (IllegalArgumentException e) {
            err.println("dsr-hub: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            // start-up failures (a route file, the database): the message, not a stack trace
            err.println("dsr-hub: failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
    }

    private int run(HubConfig config) throws IllegalStateException {
        Hub hub = Hub.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            hub.close();
            stopped.countDown();
        }, "dsr-hub-shutdown"));
        out.println("dsr-hub is running. Drop request files (*.json, *.yaml) in " + hub.services().inbox());
        out.println("Results appear in " + hub.services().outbox() + "; rejected files in " + hub.services().errorDir());
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private int validate(HubConfig config, Path file) {
        ConnectorCatalog catalog = Services.loadConnectors(config, false);
        long maxBytes = Long.parseLong(config.get("dsr.intake.max-bytes", "1048576"));
        RequestValidator validator = new RequestValidator(new RequestParser(maxBytes), Clock.systemDefaultZone(),
                catalog.names());
        Validation v = validator.validate(file.getFileName().toString(), read(file, maxBytes));
        printProblems(file, v.problems());
        if (v.ok()) {
            out.println(file + ": valid " + v.request().type().wire() + " request, deadline " + v.request().deadline());
        }
        return v.ok() ? 0 : 1;
    }

    private int submit(HubConfig config, Path file) {
        try (Services services = Services.open(config, Clock.systemDefaultZone(), false)) {
            long maxBytes = Long.parseLong(config.get("dsr.intake.max-bytes", "1048576"));
            Intake.Result result = services.intake.accept(file.getFileName().toString(), read(file, maxBytes));
            if (!result.accepted()) {
                printProblems(file, result.problems());
                return 1;
            }
            out.println(result.requestId());
            err.println(result.duplicate()
                    ? "already submitted as " + result.requestId() + " (same content): not queued again"
                    : "queued; a running hub picks it up within seconds, otherwise at its next start");
            return 0;
        }
    }

    private int status(HubConfig config, Args args) {
        try (Services services = Services.open(config, Clock.systemDefaultZone(), false)) {
            StatusReport report = new StatusReport(services, Clock.systemDefaultZone());
            boolean json = args.flag("json");
            if (args.positional().isEmpty()) {
                out.print(json ? report.openJson() : report.openTable());
                return 0;
            }
            String id = args.positional().get(0);
            if (services.requests.row(id).isEmpty()) {
                err.println("dsr-hub: no request " + id);
                return 1;
            }
            out.print(json ? report.requestJson(id) : report.requestText(id));
            return 0;
        }
    }

    private int retry(HubConfig config, String id, String connector) {
        try (Services services = Services.open(config, Clock.systemDefaultZone(), false)) {
            if (services.requests.row(id).isEmpty()) {
                err.println("dsr-hub: no request " + id);
                return 1;
            }
            int n = services.tasks.retryNow(id, connector);
            services.events.record(id, connector, "retry-requested", n + " task(s) queued again by the officer");
            out.println(n + " task(s) of " + id + " queued to run again" + (n == 0 ? " (none had failed)" : ""));
            return 0;
        }
    }

    private int connectors(HubConfig config, boolean check) {
        ConnectorCatalog catalog = Services.loadConnectors(config, check);
        if (!check) {
            out.printf("%-14s %-8s %-8s %s%n", "CONNECTOR", "CHANNEL", "ENABLED", "BASE URL");
            for (Connector c : catalog.all()) {
                out.printf("%-14s %-8s %-8s %s%n", c.name(), c.channel().name().toLowerCase(), c.enabled() ? "yes" : "no",
                        c.setting(Connector.BASE_URL).orElse("-"));
            }
            printBreakers(config);
            return 0;
        }
        int failed = 0;
        org.apache.camel.impl.DefaultCamelContext camel = new org.apache.camel.impl.DefaultCamelContext();
        try {
            nl.dsrhub.connector.HttpEngine.prepare(camel);
            camel.start();
            nl.dsrhub.connector.HttpEngine engine = new nl.dsrhub.connector.HttpEngine(() -> camel, null,
                    Clock.systemDefaultZone(), nl.dsrhub.connector.AnswerLimits.resolver(
                            new nl.dsrhub.connector.SettingsSource(config::find, config.environment()), config::find));
            for (Connector c : catalog.enabled()) {
                if (c.channel() != nl.dsrhub.connector.ConnectorDefinition.Channel.HTTP) {
                    out.printf("%-14s -    %s channel: nothing to check%n", c.name(), c.channel().name().toLowerCase());
                    continue;
                }
                java.util.Optional<String> problem = engine.check(c);
                out.printf("%-14s %-4s %s%n", c.name(), problem.isEmpty() ? "OK" : "FAIL",
                        problem.orElse("reachable, credentials accepted (" + c.baseUrl() + ")"));
                failed += problem.isPresent() ? 1 : 0;
            }
        } finally {
            camel.stop();
        }
        return failed == 0 ? 0 : 1;
    }

    private int bench(Args args) {
        try {
            return new nl.dsrhub.bench.BenchCommand(out).run(args.options());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("bench failed: " + e.getMessage(), e);
        }
    }

    /** The circuit breakers the running hub last stored, when not closed; nothing when there is no database yet. */
    private void printBreakers(HubConfig config) {
        if (!Files.isDirectory(config.dataDir().resolve("db")) && config.find("dsr.db.url").isEmpty()) {
            return;
        }
        try (Services services = Services.open(config, Clock.systemDefaultZone(), false)) {
            out.print(StatusReport.breakerLines(services));
        }
    }

    private void printProblems(Path file, List<Problem> problems) {
        for (Problem p : problems) {
            err.println(file.getFileName() + ": " + (p.pointer().isEmpty() ? "" : p.pointer() + ": ") + p.message());
        }
    }

    private static byte[] read(Path file, long maxBytes) {
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
