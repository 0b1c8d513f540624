package nl.dsrhub.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.store.Jdbc;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.store.RestrictionRegister;
import nl.dsrhub.store.SuppressionRegister;

/**
 * The hub's own Prometheus series, read from the database (the state machine) so they are right
 * after a restart too: requests by type and status, tasks by connector and outcome, retries, open
 * and overdue requests, days left of the oldest open request. One snapshot per second at most,
 * however many series a scrape reads. Task latency comes from {@link ConnectorTracker}.
 */
public final class DsrMetrics {

    static final String[] TYPES = nl.dsrhub.model.RequestType.wireNames().toArray(String[]::new);
    static final String[] STATUSES = {RequestStore.AWAITING_CONFIRMATION, RequestStore.RECEIVED, RequestStore.PLANNED,
        RequestStore.COMPLETING, RequestStore.COMPLETED, RequestStore.DISCARDED, RequestStore.CLOSED_INACTIVE,
        RequestStore.REFUSED};

    record Snapshot(Map<String, Long> requests, Map<String, Long> tasks, Map<String, Long> retries, long open,
                    long overdue, double oldestDaysLeft, Map<String, Long> refusals, Registers registers) {
    }

    /** The registers of objections and restrictions, counted. */
    record Registers(long suppressed, long resubscriptionsOpen, long restrictionsInForce) {
    }

    private final Jdbc jdbc;
    private final SuppressionRegister suppression;
    private final RestrictionRegister restrictions;
    private final Clock clock;
    private volatile Snapshot snapshot;
    private volatile long takenAt;

    public DsrMetrics(Jdbc jdbc, SuppressionRegister suppression, RestrictionRegister restrictions, Clock clock) {
        this.jdbc = jdbc;
        this.suppression = suppression;
        this.restrictions = restrictions;
        this.clock = clock;
    }

    public void bindTo(MeterRegistry registry, List<String> connectors) {
        for (String type : TYPES) {
            for (String status : STATUSES) {
                Gauge.builder("dsr.requests", this, m -> m.snapshot().requests().getOrDefault(type + "|" + status, 0L))
                        .description("Requests by type and status").tag("type", type).tag("status", status).strongReference(true).register(registry);
            }
        }
        for (String c : connectors) {
            for (Outcome o : Outcome.values()) {
                tasksGauge(registry, c, o.name());
            }
            tasksGauge(registry, c, "NONE");
            FunctionCounter.builder("dsr.retries", this, m -> m.snapshot().retries().getOrDefault(c, 0L))
                    .description("Task attempts that failed and were scheduled to run again").tag("connector", c)
                    .register(registry);
        }
        for (nl.dsrhub.result.RefusalGround g : nl.dsrhub.result.RefusalGround.values()) {
            Gauge.builder("dsr.refusals", this, m -> m.snapshot().refusals().getOrDefault(g.wire(), 0L))
                    .description("Requests refused (art. 12(4)), by ground, as the register keeps them (also after the purge)")
                    .tag("ground", g.wire()).strongReference(true).register(registry);
        }
        Gauge.builder("dsr.requests.open", this, m -> m.snapshot().open()).description("Requests not completed")
                .strongReference(true).register(registry);
        Gauge.builder("dsr.requests.overdue", this, m -> m.snapshot().overdue())
                .description("Open requests past their deadline").strongReference(true).register(registry);
        Gauge.builder("dsr.oldest.open.request.days.left", this, m -> m.snapshot().oldestDaysLeft())
                .description("Days left until the deadline of the open request due first (negative: overdue; NaN: none open)")
                .strongReference(true).register(registry);
        bindRegisters(registry);
    }

    private void bindRegisters(MeterRegistry registry) {
        Gauge.builder("dsr.suppressed.addresses", this, m -> m.snapshot().registers().suppressed())
                .description("Addresses in the suppression register: they objected to direct marketing (art. 21(3))")
                .strongReference(true).register(registry);
        Gauge.builder("dsr.resubscriptions.open", this, m -> m.snapshot().registers().resubscriptionsOpen())
                .description("Suppressed addresses found subscribed again at a processor, not handled yet")
                .strongReference(true).register(registry);
        Gauge.builder("dsr.restrictions.in.force", this, m -> m.snapshot().registers().restrictionsInForce())
                .description("Restrictions of processing in force (art. 18)").strongReference(true).register(registry);
    }

    private void tasksGauge(MeterRegistry registry, String connector, String outcome) {
        Gauge.builder("dsr.tasks", this, m -> m.snapshot().tasks().getOrDefault(connector + "|" + outcome, 0L))
                .description("Tasks by connector and outcome (NONE: not finished)").tag("connector", connector)
                .tag("outcome", outcome).strongReference(true).register(registry);
    }

    Snapshot snapshot() {
        long now = System.nanoTime();
        Snapshot s = snapshot;
        if (s == null || now - takenAt > Duration.ofSeconds(1).toNanos()) {
            s = take();
            snapshot = s;
            takenAt = now;
        }
        return s;
    }

    Snapshot take() {
        Map<String, Long> requests = new HashMap<>();
        jdbc.query("SELECT type, status, COUNT(*) FROM dsr_request GROUP BY type, status",
                rs -> requests.put(rs.getString(1) + "|" + rs.getString(2), rs.getLong(3)));
        Map<String, Long> tasks = new HashMap<>();
        jdbc.query("SELECT connector, outcome, COUNT(*) FROM dsr_task GROUP BY connector, outcome",
                rs -> tasks.merge(rs.getString(1) + "|" + (rs.getString(2) == null ? "NONE" : rs.getString(2)), rs.getLong(3), Long::sum));
        Map<String, Long> retries = new HashMap<>();
        jdbc.query("SELECT connector, COUNT(*) FROM dsr_event WHERE kind = 'retry-scheduled' GROUP BY connector",
                rs -> retries.put(rs.getString(1), rs.getLong(2)));
        OffsetDateTime now = OffsetDateTime.now(clock);
        // the end of each due date in Dutch time
        List<OffsetDateTime> deadlines = jdbc.query("SELECT due_date FROM dsr_request WHERE status NOT IN (?, ?, ?, ?) ORDER BY due_date",
                rs -> nl.dsrhub.model.Deadlines.endOf(rs.getObject("due_date", java.time.LocalDate.class)),
                RequestStore.COMPLETED, RequestStore.DISCARDED, RequestStore.CLOSED_INACTIVE, RequestStore.REFUSED);
        long overdue = deadlines.stream().filter(now::isAfter).count();
        double oldest = deadlines.isEmpty() ? Double.NaN
                : Duration.between(now, deadlines.get(0)).toMinutes() / (60.0 * 24.0);
        Map<String, Long> refusals = new HashMap<>();
        jdbc.query("SELECT detail, COUNT(*) FROM dsr_ledger WHERE kind = 'refused' GROUP BY detail",
                rs -> refusals.put(String.valueOf(rs.getString(1)), rs.getLong(2)));
        Registers registers = new Registers(suppression.count(), suppression.openFindingCount(), restrictions.inForceCount());
        return new Snapshot(requests, tasks, retries, deadlines.size(), overdue, oldest, refusals, registers);
    }
}
