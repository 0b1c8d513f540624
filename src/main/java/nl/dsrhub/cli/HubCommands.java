package nl.dsrhub.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import nl.dsrhub.config.HubConfig;
import nl.dsrhub.connector.AnswerLimits;
import nl.dsrhub.connector.Connector;
import nl.dsrhub.connector.ConnectorCatalog;
import nl.dsrhub.connector.ConnectorDefinition;
import nl.dsrhub.connector.HttpEngine;
import nl.dsrhub.connector.SettingsSource;
import nl.dsrhub.hub.Hub;
import nl.dsrhub.hub.Services;
import nl.dsrhub.request.RequestParser;
import nl.dsrhub.request.RequestValidator;
import nl.dsrhub.request.Validation;
import org.apache.camel.impl.DefaultCamelContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The commands on the hub itself: {@code run}, {@code validate}, {@code connectors}. */
final class HubCommands {

    private HubCommands() {
    }

    @Command(name = "run", description = {"Run the hub (inbox folder, processors, retries) until SIGTERM or Ctrl-C.",
            "It refuses to start (exit 4, one line) when its HTTP port is taken or another hub runs on the data dir. On"
                    + " SIGTERM it stops taking requests in, lets running calls finish within camel.main.shutdown-timeout,"
                    + " and exits 0; what was cut off resumes at the next start."})
    static final class Run extends HubSubcommand {

        /** Set by {@link DsrHub#main}: the hub owns the process, so a clean stop after SIGTERM exits 0, not 143. */
        static volatile boolean ownsProcess;

        @Override
        public Integer call() {
            Hub hub = Hub.start(config());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(hub, stopped), "dsr-hub-shutdown"));
            out().println("dsr-hub is running. Drop request files (*.json, *.yaml) in " + hub.services().inbox());
            out().println("Results appear in " + hub.services().outbox() + "; rejected files in " + hub.services().errorDir());
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }

        /**
         * On SIGTERM: Camel's graceful shutdown (intake first, running exchanges given the shutdown timeout), then the
         * database. The JVM would report a signal's end as 143; the stop was clean, so the process says 0.
         */
        private void stop(Hub hub, CountDownLatch stopped) {
            hub.close();
            out().println("dsr-hub stopped");
            out().flush();
            stopped.countDown();
            if (ownsProcess) {
                Runtime.getRuntime().halt(0);
            }
        }
    }

    @Command(name = "validate", description = {"Check a request file; prints every problem (exit 0 good, 1 bad)."})
    static final class Validate extends HubSubcommand {

        @Parameters(paramLabel = "FILE", description = "the request file (JSON or YAML)")
        Path file;

        @Override
        public Integer call() {
            HubConfig config = config();
            ConnectorCatalog catalog = Services.loadConnectors(config, false);
            long maxBytes = config.getLong("dsr.intake.max-bytes");
            RequestValidator validator = new RequestValidator(new RequestParser(maxBytes), Clock.systemDefaultZone(),
                    catalog.names(), nl.dsrhub.model.Deadlines.from(config::optional));
            Validation v = validator.validate(file.getFileName().toString(), RequestCommands.read(file, maxBytes));
            RequestCommands.printProblems(err(), file, v.problems());
            if (v.ok()) {
                out().println(file + ": valid " + v.request().type().wire() + " request, deadline " + v.request().dueDate()
                        + " (the end of that day, Dutch time)");
            }
            return v.ok() ? 0 : 1;
        }
    }

    @Command(name = "connectors", description = {"List the connectors (and circuit breakers that are not closed).",
            "--check asks each enabled one whether it is reachable and accepts the credentials (exit 1 if not)."})
    static final class Connectors extends HubSubcommand {

        @Option(names = "--check", description = "ask each enabled connector's processor (exit 1 if one fails)")
        boolean check;

        @Override
        public Integer call() {
            ConnectorCatalog catalog = Services.loadConnectors(config(), check);
            if (check) {
                return check(catalog);
            }
            out().printf("%-14s %-8s %-8s %s%n", "CONNECTOR", "CHANNEL", "ENABLED", "BASE URL");
            for (Connector c : catalog.all()) {
                out().printf("%-14s %-8s %-8s %s%n", c.name(), c.channel().name().toLowerCase(), c.enabled() ? "yes" : "no",
                        c.setting(Connector.BASE_URL).orElse("-"));
            }
            printBreakers();
            return 0;
        }

        private int check(ConnectorCatalog catalog) {
            HubConfig config = config();
            int failed = 0;
            DefaultCamelContext camel = new DefaultCamelContext();
            try {
                HttpEngine.prepare(camel);
                camel.start();
                HttpEngine engine = new HttpEngine(() -> camel, null, Clock.systemDefaultZone(),
                        AnswerLimits.resolver(new SettingsSource(config::find, config.environment()), config::optional));
                for (Connector c : catalog.enabled()) {
                    if (c.channel() != ConnectorDefinition.Channel.HTTP) {
                        out().printf("%-14s -    %s channel: nothing to check%n", c.name(), c.channel().name().toLowerCase());
                        continue;
                    }
                    Optional<String> problem = engine.check(c);
                    out().printf("%-14s %-4s %s%n", c.name(), problem.isEmpty() ? "OK" : "FAIL",
                            problem.orElse("reachable, credentials accepted (" + c.baseUrl() + ")"));
                    failed += problem.isPresent() ? 1 : 0;
                }
            } finally {
                camel.stop();
            }
            return failed == 0 ? 0 : 1;
        }

        /**
         * The circuit breakers the hub last stored, when not closed: from the running hub, or from the database when no
         * hub runs; nothing when there is no database yet.
         */
        private void printBreakers() {
            HubConfig config = config();
            if (!Files.isDirectory(config.dataDir().resolve("db")) && config.optional("dsr.db.url").isEmpty()) {
                return;
            }
            try (HubAccess hub = HubAccess.open(config)) {
                out().print(hub.circuits());
            }
        }
    }
}
