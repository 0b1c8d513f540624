package nl.dsrhub.hub;

import java.nio.file.Path;
import java.time.Clock;
import nl.dsrhub.config.HubConfig;
import nl.dsrhub.connector.ConnectorCatalog;
import nl.dsrhub.connector.SettingsSource;
import nl.dsrhub.ops.Operations;
import nl.dsrhub.ops.StatusReport;
import nl.dsrhub.plan.DeadlineExtension;
import nl.dsrhub.plan.Settlement;
import nl.dsrhub.request.Intake;
import nl.dsrhub.request.RequestParser;
import nl.dsrhub.request.RequestValidator;
import nl.dsrhub.result.ReceiptWriter;
import nl.dsrhub.store.BreakerStates;
import nl.dsrhub.store.CallJournal;
import nl.dsrhub.store.Database;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.Jdbc;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.store.RestrictionRegister;
import nl.dsrhub.store.SuppressionRegister;
import nl.dsrhub.store.TaskStore;

/**
 * The hub's parts that need no Camel: database, stores, connectors, validation and intake. The CLI's
 * {@code status}, {@code submit} and {@code validate} use these directly; {@link Hub} adds the routes.
 */
public final class Services implements AutoCloseable {

    public final HubConfig config;
    public final Clock clock;
    public final Path dataDir;
    public final Database database;
    public final Jdbc jdbc;
    public final EventLog events;
    public final RequestStore requests;
    public final TaskStore tasks;
    public final CallJournal journal;
    public final ConnectorCatalog catalog;
    public final RequestValidator validator;
    public final Intake intake;
    public final nl.dsrhub.ledger.Ledger ledger;
    /** The addresses that objected to direct marketing (art. 21(3)), as the ledger's pseudonyms: kept after the purge. */
    public final SuppressionRegister suppression;
    /** The restrictions of processing with their reasons (art. 18), as the ledger's pseudonyms: kept after the purge. */
    public final RestrictionRegister restrictions;
    /** Confirm or discard held (unauthenticated mailed) requests: for the dashboard, the REST API and the CLI. */
    public final nl.dsrhub.request.RequestConfirmations confirmations;
    /** The shop's answer term and the processors' deadline (dsr.deadline.*), checked when the hub opens. */
    public final nl.dsrhub.model.Deadlines deadlines;
    /** What a restriction, its lifting and an objection record or wait for when the hub decides to act on them. */
    public final nl.dsrhub.plan.RightsOnPlanning rightsOnPlanning;

    private Services(HubConfig config, Clock clock, ConnectorCatalog catalog, Database database, String ledgerKey,
                     nl.dsrhub.model.Deadlines deadlines) {
        this.config = config;
        this.deadlines = deadlines;
        this.clock = clock;
        this.dataDir = config.dataDir();
        this.catalog = catalog;
        this.database = database;
        this.jdbc = database.jdbc();
        this.events = new EventLog(jdbc, clock);
        // the ledger chains the proof-worthy events inside the transactions that record them
        this.ledger = new nl.dsrhub.ledger.Ledger(jdbc, clock, ledgerKey);
        this.suppression = new SuppressionRegister(jdbc, ledger);
        this.restrictions = new RestrictionRegister(jdbc, ledger);
        // and a completed restriction or lifting updates the restriction register in the same transaction
        nl.dsrhub.plan.RightsOnCompletion rights = new nl.dsrhub.plan.RightsOnCompletion(restrictions, catalog, clock);
        events.setListener((tx, requestId, connector, kind, detail) -> {
            ledger.recorded(tx, requestId, connector, kind, detail);
            rights.recorded(tx, requestId, connector, kind, detail);
        });
        this.requests = new RequestStore(jdbc, clock, events, deadlines);
        this.tasks = new TaskStore(jdbc, clock, events);
        this.rightsOnPlanning = new nl.dsrhub.plan.RightsOnPlanning(restrictions, suppression, requests, events, clock,
                java.time.Duration.parse(config.get("dsr.restriction.lift-notice-period")));
        this.journal = new CallJournal(jdbc, clock);
        long maxBytes = config.getLong("dsr.intake.max-bytes");
        this.validator = new RequestValidator(new RequestParser(maxBytes), clock, catalog.names(), deadlines);
        this.intake = new Intake(validator, requests, new ReceiptWriter(), outbox(), clock, maxBytes,
                new nl.dsrhub.request.LiftCheck(restrictions, requests));
        this.confirmations = new nl.dsrhub.request.RequestConfirmations(jdbc, requests, events,
                new nl.dsrhub.request.ConfirmationCodes(clock, java.time.Duration.ofHours(config.getInt("dsr.mail.confirmation-hours"))),
                new ReceiptWriter(), outbox(), workDir(), clock);
    }

    /**
     * Loads and validates the connectors first: a bad connector file stops start-up before anything opens.
     *
     * @param running true for the running hub, which needs every enabled connector's credentials
     */
    public static Services open(HubConfig config, Clock clock, boolean running) {
        // a term the hub cannot keep stops it here, with the setting named, before anything opens
        nl.dsrhub.model.Deadlines deadlines = nl.dsrhub.model.Deadlines.from(config::optional);
        ConnectorCatalog catalog = loadConnectors(config, running);
        Path dataDir = config.dataDir();
        try {
            // the data dir holds every subject's data and the hub's secrets: its owner's alone (0700, files 0600),
            // including what an earlier version left readable
            nl.dsrhub.files.PrivateFiles.folder(dataDir);
            for (String dir : new String[] {"inbox", "outbox", "error", "work", "db"}) {
                nl.dsrhub.files.PrivateFiles.folder(dataDir.resolve(dir));
            }
            nl.dsrhub.files.PrivateFiles.restrictTree(dataDir);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            throw new IllegalStateException("cannot create the data folders under " + dataDir + ": " + e.getMessage(), e);
        }
        int poolSize = config.getInt("dsr.db.pool-size");
        // the ledger's key pseudonymises subjects and keys its chain; the migration that keys the chain seals it
        String ledgerKey = config.optional("dsr.ledger.key")
                .orElseGet(() -> nl.dsrhub.files.SecretFile.readOrCreate(dataDir.resolve("ledger.key")));
        Database db = config.optional("dsr.db.url")
                .map(url -> Database.open(url, config.get("dsr.db.user"), config.get("dsr.db.password"), poolSize,
                        ledgerKey))
                .orElseGet(() -> Database.openDefault(dataDir, poolSize, ledgerKey));
        return new Services(config, clock, catalog, db, ledgerKey, deadlines);
    }

    /** The officer's refusal of a request (art. 12(4)) and its letter, for the dashboard, the API, the CLI and the notices. */
    public nl.dsrhub.result.Refusal refusal(Clock clock) {
        nl.dsrhub.result.RefusalLetter letter = new nl.dsrhub.result.RefusalLetter(tasks, catalog, journal,
                (request, connector) -> workDir().resolve(request).resolve(connector), config.get("dsr.controller.name"),
                config.getInt("dsr.purge.after-days"));
        return new nl.dsrhub.result.Refusal(requests, events, jdbc, letter, outbox(), clock);
    }

    /** The officer's actions on these parts (the running hub's, or the command line's own when no hub runs). */
    public Operations operations(Clock clock) {
        return new Operations(tasks, events, new Settlement(catalog, requests, tasks, events, jdbc, workDir(), clock),
                new DeadlineExtension(requests, events, jdbc, outbox(), clock), refusal(clock),
                new nl.dsrhub.request.ObjectionDecisions(requests, events, jdbc, clock, deadlines, outbox()));
    }

    /** The registers of objections and restrictions as the officer sees and handles them (CLI, API, dashboard). */
    public nl.dsrhub.ops.Registers registers(Clock clock) {
        return new nl.dsrhub.ops.Registers(suppression, restrictions, events, jdbc, clock);
    }

    /** What {@code status} prints and {@code GET /api/status} answers, read from these parts. */
    public StatusReport statusReport(Clock clock) {
        return new StatusReport(requests, tasks, events, new BreakerStates(jdbc), suppression, restrictions, clock);
    }

    public static ConnectorCatalog loadConnectors(HubConfig config, boolean requireSettings) {
        Path folder = Path.of(config.get("dsr.connectors.dir"));
        return ConnectorCatalog.load(folder, new SettingsSource(config::find, config.environment()), requireSettings);
    }

    public Path inbox() {
        return dataDir.resolve("inbox");
    }

    public Path outbox() {
        return dataDir.resolve("outbox");
    }

    public Path errorDir() {
        return dataDir.resolve("error");
    }

    public Path workDir() {
        return dataDir.resolve("work");
    }

    @Override
    public void close() {
        database.close();
    }
}
