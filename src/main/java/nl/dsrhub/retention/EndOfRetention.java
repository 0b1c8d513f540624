package nl.dsrhub.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import nl.dsrhub.connector.Connector;
import nl.dsrhub.connector.ConnectorCatalog;
import nl.dsrhub.connector.HttpEngine;
import nl.dsrhub.connector.PermanentFailure;
import nl.dsrhub.connector.RetentionRules;
import nl.dsrhub.connector.TransientFailure;
import nl.dsrhub.ops.OfficerNotice;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.Jdbc;
import nl.dsrhub.store.RetentionCalendar;
import nl.dsrhub.store.RetentionCalendar.Entry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retention calendar at work (route {@code retention-calendar}): a record kept under the shop's statutory duty
 * is erased the day after its retention ends, by the processor's own call (the connector's erase step for that kind
 * of record, e.g. WooCommerce's order anonymisation), or, where the hub has no call for it or the processor refuses,
 * the officer is told what to do. Either is recorded in the timeline and the ledger. Only the calendar's pointer is
 * used: connector, kind of record, the processor's id; nothing of the person is known or needed by then.
 */
public final class EndOfRetention {

    private static final Logger LOG = LoggerFactory.getLogger(EndOfRetention.class);
    /** How long a claimed row is this hub's: longer than any call may take. */
    private static final Duration LEASE = Duration.ofMinutes(10);

    private final RetentionCalendar calendar;
    private final ConnectorCatalog catalog;
    private final HttpEngine engine;
    private final EventLog events;
    private final Jdbc jdbc;
    private final Clock clock;
    private final int maxAttempts;

    public EndOfRetention(RetentionCalendar calendar, ConnectorCatalog catalog, HttpEngine engine, EventLog events,
                          Jdbc jdbc, Clock clock, int maxAttempts) {
        this.calendar = calendar;
        this.catalog = catalog;
        this.engine = engine;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    /** The calendar rows due today or earlier, each claimed for this hub; their ids. */
    public List<Long> due() {
        return calendar.takeDue(LEASE).stream().map(Entry::id).toList();
    }

    /**
     * Runs one row: the processor's call when the connector has one for this kind of record. Returns null when the
     * record is erased (or the call is to be tried again), or the notice telling the officer what to do; the row
     * ends when the notice is stored ({@link #told}), so a stop in between tells the officer at the next check.
     */
    public OfficerNotice run(long id) {
        Optional<Entry> found = calendar.find(id).filter(e -> RetentionCalendar.SCHEDULED.equals(e.state()));
        if (found.isEmpty()) {
            return null;
        }
        Entry e = found.get();
        Optional<Connector> connector = catalog.find(e.connector()).filter(Connector::enabled);
        Optional<RetentionRules.End> end = connector.flatMap(c -> RetentionRules.endFor(c, e.record()));
        if (connector.isEmpty() || end.isEmpty()) {
            return notice(e, "the connector " + e.connector() + " is not enabled or keeps no " + e.record()
                    + " records any more: erase it in " + e.connector() + " by hand.");
        }
        if (end.get().step().isEmpty()) {
            return notice(e, orDefault(end.get().notice()));
        }
        try {
            HttpEngine.EndAnswer answer = engine.eraseAtEnd(connector.get(), end.get().step().get(), e.recordId());
            if (answer == HttpEngine.EndAnswer.REFUSED) {
                return notice(e, orDefault(end.get().notice()));
            }
            erased(e, answer);
            return null;
        } catch (TransientFailure failure) {
            if (e.attempts() + 1 >= maxAttempts) {
                return notice(e, "the processor could not be reached (" + failure.getMessage() + ") after "
                        + maxAttempts + " attempts: erase it in " + e.connector() + " by hand.");
            }
            calendar.failed(e.id(), failure.getMessage());
            LOG.info("retention calendar: {} {} not reached, tried again at the next check", e.connector(), e.record());
            return null;
        } catch (PermanentFailure | IllegalArgumentException failure) {
            String kind = failure instanceof PermanentFailure ? failure.getMessage() : failure.getClass().getSimpleName();
            return notice(e, "the processor's call failed (" + kind + "): erase it in " + e.connector() + " by hand.");
        }
    }

    /** The officer's notice was stored (and mailed): the row ends, in the timeline and the ledger. */
    public void told(long id) {
        calendar.find(id).ifPresent(e -> {
            boolean ended = jdbc.inTransaction(tx -> {
                boolean now = calendar.end(tx, e.id(), RetentionCalendar.OFFICER);
                if (now) {
                    events.record(tx, e.requestId(), e.connector(), "retention-officer", e.record() + " " + e.recordId()
                            + ": retention ended; the officer was told to erase it");
                }
                return now;
            });
            if (ended) {
                LOG.info("retention calendar: the officer was told to erase a {} record at {}", e.record(), e.connector());
            }
        });
    }

    private void erased(Entry e, HttpEngine.EndAnswer answer) {
        jdbc.inTransaction(tx -> {
            if (calendar.end(tx, e.id(), RetentionCalendar.ERASED)) {
                events.record(tx, e.requestId(), e.connector(), "retention-erased", e.record() + " " + e.recordId()
                        + (answer == HttpEngine.EndAnswer.GONE ? ": retention ended; gone already"
                        : ": retention ended; erased by the processor's own call"));
            }
            return null;
        });
        LOG.info("retention calendar: a {} record erased at {}", e.record(), e.connector());
    }

    private OfficerNotice notice(Entry e, String what) {
        return new OfficerNotice(e.requestId(), "retention-" + e.id(), OffsetDateTime.now(clock),
                "Retention calendar: the retention of " + e.connector() + " " + e.record() + " " + e.recordId()
                        + " (request " + e.requestId() + ") ended on " + e.dueOn().minusDays(1) + ". " + what);
    }

    private static String orDefault(String notice) {
        return notice == null ? "The hub has no call for it: erase it by hand." : notice;
    }
}
