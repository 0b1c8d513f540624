package nl.dsrhub.plan;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.dsrhub.connector.ConnectorCatalog;
import nl.dsrhub.connector.ConnectorDefinition;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.Jdbc;
import nl.dsrhub.store.Json;
import nl.dsrhub.store.RestrictionRegister;
import nl.dsrhub.store.RestrictionScope;

/**
 * What the completion of a restriction or its lifting records, in the transaction that completes the request (so both
 * happen or neither): a restriction keeps what a lifting needs to find again ({@link RestrictionScope}: the identifiers
 * a connector's {@code lift} steps run over that its restriction provided, e.g. Laposta's lists); a lifting ends the
 * restriction in the register ({@link RestrictionRegister#lifted}) and forgets that scope. Told of every event, like the
 * ledger; acts on {@code completed} only.
 */
public final class RightsOnCompletion implements EventLog.Listener {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RightsOnCompletion.class);

    private final RestrictionRegister restrictions;
    private final Map<RequestType, Set<String>> scopeNames;
    private final Clock clock;

    public RightsOnCompletion(RestrictionRegister restrictions, ConnectorCatalog catalog, Clock clock) {
        this.restrictions = restrictions;
        this.scopeNames = scopeNames(catalog);
        this.clock = clock;
    }

    @Override
    public void recorded(Jdbc tx, String requestId, String connector, String kind, String detail) {
        if (!"completed".equals(kind)) {
            return;
        }
        DsrRequest request = tx.queryOne("SELECT document FROM dsr_request WHERE id = ? AND document IS NOT NULL",
                rs -> Json.read(Json.mapper(), rs.getString(1), DsrRequest.class), requestId).orElse(null);
        if (request == null) {
            return;
        }
        if (request.type().undoneBy().isPresent()) {
            RestrictionScope.keep(tx, requestId, scope(tx, requestId, scopeNames.get(request.type())));
        } else if (request.particulars().lift() != null) {
            String restrictionId = request.particulars().lift().restrictionRequestId();
            try {
                restrictions.within(tx).lifted(restrictionId, requestId, OffsetDateTime.now(clock));
                RestrictionScope.forget(tx, restrictionId);
            } catch (RestrictionRegister.Refused e) {
                // the lifting was planned only after its notice: a refusal here is a register out of step, for the officer
                LOG.warn("request {}: the restriction register did not record the lifting of {}: {}", requestId,
                        restrictionId, e.getMessage());
            }
        }
    }

    /**
     * By type that a later request undoes (a restriction): the identifiers the undoing type's steps ({@code lift}) run
     * over that the connector itself provides and that none of its lookups for the undoing type finds again: what the
     * restriction found and changed (Laposta's {@code laposta.restrictedList}) and nothing at the processor points out
     * again. An id a lookup finds again (the shop's customer id) is not kept.
     */
    static Map<RequestType, Set<String>> scopeNames(ConnectorCatalog catalog) {
        Map<RequestType, Set<String>> names = new java.util.EnumMap<>(RequestType.class);
        for (RequestType type : RequestType.values()) {
            type.undoneBy().ifPresent(undoing -> {
                Set<String> those = names.computeIfAbsent(type, t -> new TreeSet<>());
                for (var c : catalog.all()) {
                    ConnectorDefinition d = c.definition();
                    Set<String> foundAgain = picked(d, undoing);
                    d.changes(undoing).stream().map(ConnectorDefinition.Step::forEach)
                            .filter(f -> f != null && d.provides().contains(f) && !foundAgain.contains(f)).forEach(those::add);
                }
            });
        }
        return names;
    }

    /** What the connector's lookups pick for a request of {@code type}. */
    private static Set<String> picked(ConnectorDefinition d, RequestType type) {
        Set<String> out = new TreeSet<>();
        d.find().stream().filter(s -> s.runsFor(type)).forEach(s -> {
            out.addAll(s.pick().keySet());
            out.addAll(s.pickPairs().keySet());
            out.addAll(s.records().keySet());
            if (s.pickEach() != null) {
                out.add(s.pickEach());
            }
        });
        return out;
    }

    private static Map<String, List<String>> scope(Jdbc tx, String requestId, Set<String> scopeNames) {
        Map<String, List<String>> out = new TreeMap<>();
        if (scopeNames.isEmpty()) {
            return out;
        }
        tx.query("SELECT name, id_value FROM dsr_identifier WHERE request_id = ? ORDER BY name, id_value", rs -> {
            if (scopeNames.contains(rs.getString(1))) {
                out.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>()).add(rs.getString(2));
            }
            return null;
        }, requestId);
        return out;
    }
}
