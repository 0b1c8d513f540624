package nl.dsrhub.hub;

import java.time.Clock;
import nl.dsrhub.config.HubConfig;
import nl.dsrhub.connector.ConnectorCatalog;
import nl.dsrhub.ledger.Ledger;
import nl.dsrhub.request.Intake;
import nl.dsrhub.request.RequestConfirmations;
import nl.dsrhub.store.CallJournal;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.Jdbc;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.store.RestrictionRegister;
import nl.dsrhub.store.SuppressionRegister;
import nl.dsrhub.store.TaskStore;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;

/**
 * The parts {@link Services} opened without Camel (database, stores, connectors, intake), bound into Camel's registry
 * first, so that the other configuration classes take them as parameters by type and the routes by name.
 */
public final class StoreBeans implements CamelConfiguration {

    @BindToRegistry("services")
    private final Services services;
    @BindToRegistry("hubConfig")
    private final HubConfig config;
    @BindToRegistry("clock")
    private final Clock clock;
    @BindToRegistry("jdbc")
    private final Jdbc jdbc;
    @BindToRegistry("events")
    private final EventLog events;
    @BindToRegistry("requests")
    private final RequestStore requests;
    @BindToRegistry("tasks")
    private final TaskStore tasks;
    @BindToRegistry("callJournal")
    private final CallJournal journal;
    @BindToRegistry("connectorCatalog")
    private final ConnectorCatalog catalog;
    @BindToRegistry("ledger")
    private final Ledger ledger;
    @BindToRegistry("intake")
    private final Intake intake;
    /** The registers of objections to direct marketing (art. 21(3)) and of restrictions (art. 18). */
    @BindToRegistry("suppressionRegister")
    private final SuppressionRegister suppression;
    @BindToRegistry("restrictionRegister")
    private final RestrictionRegister restrictions;
    /** Confirm or discard held (unauthenticated mailed) requests, for routes as for Java callers. */
    @BindToRegistry("requestConfirmations")
    private final RequestConfirmations confirmations;

    public StoreBeans(Services services) {
        this.services = services;
        this.config = services.config;
        this.clock = services.clock;
        this.jdbc = services.jdbc;
        this.events = services.events;
        this.requests = services.requests;
        this.tasks = services.tasks;
        this.journal = services.journal;
        this.catalog = services.catalog;
        this.ledger = services.ledger;
        this.intake = services.intake;
        this.suppression = services.suppression;
        this.restrictions = services.restrictions;
        this.confirmations = services.confirmations;
    }
}
