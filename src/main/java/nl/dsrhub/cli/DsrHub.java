package nl.dsrhub.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import nl.dsrhub.hub.Hub;
import nl.dsrhub.config.HubConfig;
import nl.dsrhub.hub.Services;
import nl.dsrhub.connector.Connector;
import nl.dsrhub.connector.ConnectorCatalog;
import nl.dsrhub.connector.ConnectorConfigException;
import nl.dsrhub.request.RequestParser;
import nl.dsrhub.request.RequestValidator;
import nl.dsrhub.request.Validation;

/** {@code java -jar dsr-hub.jar COMMAND}: the hub's command line. */
public final class DsrHub {

    /** The hub's own commands; the plugged ones (demo, bench) follow them in the usage. */
    static final String COMMANDS = """
            usage: java -jar dsr-hub.jar COMMAND [options]

              run                         run the hub (inbox folder, processors, retries)
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
                                          to outbox/ID/extension-notice.html. TEXT: why the request needs
                                          more time (complexity, number of requests), at most 300
                                          characters; told to the subject and kept in the register after
                                          the purge, so never the person's name or details
              refuse ID --ground unverifiable|unfounded|excessive --reason TEXT
                                          refuse a request (art. 12(4)): the requester cannot be identified
                                          as the subject, or it is manifestly unfounded or excessive (art.
                                          12(5)). Closes it: nothing more is asked of any processor, and
                                          those asked by letter are told it is withdrawn. Writes the letter
                                          (the reasons, the complaint to the Autoriteit Persoonsgegevens, the
                                          court within six weeks) to outbox/ID/refusal-letter.html; it must
                                          reach the subject within the request's deadline (art. 12(3)).
                                          TEXT: your reasons, told to the subject, one line
              confirm ID                  let a mailed request that waits for the officer's confirmation go on
              discard ID --reason TEXT    close a held request the officer did not send (nothing is sent to
                                          any processor; its personal data are deleted)
              ledger verify               check the ledger's hash chain (exit 1 names the first broken row)
              ledger export [FILE]        the register of handled requests as CSV (pseudonymised)
            """;

    static final String OPTIONS = """

            Beside a running hub, submit, status, retry, settle, extend, refuse, confirm, discard and ledger go
            through its API (the token in the data dir); with no hub running they open the database.

            options for every command:
              --config FILE     configuration file (default ./application.properties if present)
              --data DIR        data folder (default ./data)
              --set KEY=VALUE   override one configuration key
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final List<PluggedCommand> plugged = PluggedCommand.installed();

    public DsrHub(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** The usage text: the hub's commands, the plugged ones found on the class path, the common options. */
    String usage() {
        StringBuilder text = new StringBuilder(COMMANDS);
        plugged.forEach(c -> text.append(c.usage()));
        return text.append(OPTIONS).toString();
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
            Args args = Args.parse(argv, plugged.stream().flatMap(c -> c.valueOptions().stream())
                    .collect(Collectors.toSet()));
            HubConfig config = HubConfig.load(args.configFile(), args.overrides(), System.getenv());
            return switch (args.command()) {
                case "run" -> run(config);
                case "validate" -> validate(config, Path.of(args.positional(0, "a FILE")));
                case "submit" -> officer().submit(config, Path.of(args.positional(0, "a FILE")));
                case "status" -> officer().status(config, args);
                case "retry" -> officer().retry(config, args.positional(0, "a request ID"), args.options().get("connector"));
                case "connectors" -> connectors(config, args.flag("check"));
                case "settle" -> officer().settle(config, args);
                case "extend" -> officer().extend(config, args);
                case "refuse" -> officer().refuse(config, args);
                case "ledger" -> officer().ledger(config, args);
                case "confirm" -> officer().held(config, args, true);
                case "discard" -> officer().held(config, args, false);
                case "help", "--help", "-h" -> {
                    out.print(usage());
                    yield 0;
                }
                default -> runPlugged(config, args);
            };
        } catch (Args.UsageException e) {
            err.println("dsr-hub: " + e.getMessage());
            err.print(usage());
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
                catalog.names(), nl.dsrhub.model.Deadlines.from(config::find));
        Validation v = validator.validate(file.getFileName().toString(), OfficerCommands.read(file, maxBytes));
        officer().printProblems(file, v.problems());
        if (v.ok()) {
            out.println(file + ": valid " + v.request().type().wire() + " request, deadline " + v.request().dueDate()
                    + " (the end of that day, Dutch time)");
        }
        return v.ok() ? 0 : 1;
    }

    private OfficerCommands officer() {
        return new OfficerCommands(out, err);
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

    /** A command that is not the hub's own: one found by {@link PluggedCommand#installed()}, else unknown. */
    private int runPlugged(HubConfig config, Args args) {
        PluggedCommand command = plugged.stream().filter(c -> c.name().equals(args.command())).findFirst()
                .orElseThrow(() -> new Args.UsageException("unknown command '" + args.command() + "'"));
        try {
            return command.run(config, args.options(), out);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(command.name() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The circuit breakers the hub last stored, when not closed: from the running hub, or from the database when no hub
     * runs; nothing when there is no database yet.
     */
    private void printBreakers(HubConfig config) {
        if (!Files.isDirectory(config.dataDir().resolve("db")) && config.find("dsr.db.url").isEmpty()) {
            return;
        }
        try (HubAccess hub = HubAccess.open(config)) {
            out.print(hub.circuits());
        }
    }
}
