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
 * after a restart too: requests by type and status, tasks by connector, type and outcome, retries, open
 * and overdue requests, days left of the oldest open request. One snapshot per second at most,
 * however many series a scrape reads. Task latency comes from {@link ConnectorTracker}.
 */
public final class DsrMetrics {

    static final String[] TYPES = nl.dsrhub.model.RequestType.wireNames().toArray(String[]::new);
    static final String[] STATUSES = {RequestStore.AWAITING_CONFIRMATION, RequestStore.AWAITING_DECISION,
        RequestStore.NOTICE_PERIOD, RequestStore.RECEIVED, RequestStore.PLANNED,
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
            for (nl.dsrhub.model.RequestType type : nl.dsrhub.model.RequestType.values()) {
                for (Outcome o : outcomesOf(type)) {
                    tasksGauge(registry, c, type.wire(), o.name());
                }
                tasksGauge(registry, c, type.wire(), "NONE");
            }
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

    private void tasksGauge(MeterRegistry registry, String connector, String type, String outcome) {
        Gauge.builder("dsr.tasks", this, m -> m.snapshot().tasks().getOrDefault(connector + "|" + type + "|" + outcome, 0L))
                .description("Tasks by connector, request type and outcome (NONE: not finished)").tag("connector", connector)
                .tag("type", type).tag("outcome", outcome).strongReference(true).register(registry);
    }

    /**
     * The outcomes a task of {@code type} can come to: what the type calls done, and every outcome that is no other
     * type's done (a rectification's task is never ERASED), so each type has its series and no empty ones of others.
     */
    static List<Outcome> outcomesOf(nl.dsrhub.model.RequestType type) {
        java.util.Set<Outcome> othersDone = java.util.EnumSet.noneOf(Outcome.class);
        for (nl.dsrhub.model.RequestType t : nl.dsrhub.model.RequestType.values()) {
            othersDone.add(t.done());
        }
        othersDone.remove(type.done());
        return java.util.Arrays.stream(Outcome.values()).filter(o -> !othersDone.contains(o)).toList();
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
        jdbc.query("SELECT t.connector, r.type, t.outcome, COUNT(*) FROM dsr_task t JOIN dsr_request r ON r.id = t.request_id"
                        + " GROUP BY t.connector, r.type, t.outcome",
                rs -> tasks.merge(rs.getString(1) + "|" + rs.getString(2) + "|" + (rs.getString(3) == null ? "NONE" : rs.getString(3)),
                        rs.getLong(4), Long::sum));
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
