package nl.dsrhub.ops;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.dsrhub.connector.Connector;
import nl.dsrhub.connector.ConnectorCatalog;
import nl.dsrhub.connector.HttpEngine;
import nl.dsrhub.connector.PermanentFailure;
import nl.dsrhub.connector.Subscriber;
import nl.dsrhub.connector.TransientFailure;
import nl.dsrhub.store.SuppressionRegister;
import nl.dsrhub.store.SuppressionRegister.Finding;
import nl.dsrhub.store.SuppressionRegister.Match;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The suppression register at work (route {@code resubscription-check}): an objection to direct marketing is absolute
 * (GDPR art. 21(3)), so every enabled connector that lists its subscribers ({@code subscribers} in its file) is asked
 * for the addresses subscribed now, each is pseudonymised with the ledger key and compared with the register, and an
 * address subscribed again (a shop's import, a sign-up form) becomes a finding and a notice to the officer, naming
 * the connector, the list and the register entry's request: never the address. A finding the next check no longer
 * meets (unsubscribed meanwhile) is resolved. While the register is empty nothing is asked.
 */
public final class ResubscriptionCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ResubscriptionCheck.class);
    private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");

    private final SuppressionRegister register;
    private final ConnectorCatalog catalog;
    private final HttpEngine engine;
    private final Clock clock;

    public ResubscriptionCheck(SuppressionRegister register, ConnectorCatalog catalog, HttpEngine engine, Clock clock) {
        this.register = register;
        this.catalog = catalog;
        this.engine = engine;
        this.clock = clock;
    }

    /** The enabled connectors that list their subscribers; none while the register is empty (nothing to catch). */
    public List<String> connectors() {
        if (register.count() == 0) {
            return List.of();
        }
        return catalog.enabled().stream().filter(Connector::listsSubscribers).map(Connector::name).toList();
    }

    /**
     * Checks one connector's subscribers against the register: the notices of the findings it made now (one per
     * register entry and list while unresolved). A processor that cannot be read is checked again at the next run,
     * and its findings stay as they were: an incomplete list proves nothing.
     */
    public List<OfficerNotice> check(String connectorName) {
        Optional<Connector> connector = catalog.find(connectorName).filter(Connector::enabled)
                .filter(Connector::listsSubscribers);
        if (connector.isEmpty()) {
            return List.of();
        }
        List<Subscriber> subscribers;
        try {
            subscribers = engine.subscribers(connector.get());
        } catch (TransientFailure | PermanentFailure | IllegalArgumentException e) {
            // the failure's text names the connector, its step and the HTTP status (or a setting without a value)
            LOG.warn("re-subscription check: {} could not list its subscribers ({}); checked again at the next run",
                    connectorName, e.getMessage());
            return List.of();
        }
        Map<String, SuppressionRegister.Entry> suppressed = register.suppressedAmong(
                subscribers.stream().map(Subscriber::email).toList());
        List<Match> matches = subscribers.stream().filter(s -> suppressed.containsKey(s.email()))
                .map(s -> new Match(suppressed.get(s.email()), s.list())).toList();
        List<Finding> found = register.reconcile(connectorName, matches, OffsetDateTime.now(clock));
        LOG.info("re-subscription check: {}: {} subscriber(s) compared with the suppression register, {} new finding(s)",
                connectorName, subscribers.size(), found.size());
        Map<Long, SuppressionRegister.Entry> entries = new java.util.HashMap<>();
        matches.forEach(m -> entries.put(m.entry().id(), m.entry()));
        List<OfficerNotice> notices = new ArrayList<>();
        for (Finding f : found) {
            notices.add(notice(f, entries.get(f.entryId())));
        }
        return notices;
    }

    /** The officer's notice of a finding: connector, list and the register entry's request, never the address. */
    private static OfficerNotice notice(Finding f, SuppressionRegister.Entry entry) {
        String since = entry == null ? "" : " on " + entry.since().atZoneSameInstant(DUTCH_TIME).toLocalDate();
        String where = f.connector() + (f.list() == null ? "" : " list " + f.list());
        return new OfficerNotice(f.requestId(), "resubscribed-" + f.id(), f.foundAt(), "Suppression register: " + where
                + " has subscribed again the address that objected to direct marketing by request " + f.requestId()
                + since + ". Art. 21(3) GDPR: it may no longer be used for direct marketing. Unsubscribe it in "
                + f.connector() + ", and find the import or form that subscribed it again.");
    }
}
