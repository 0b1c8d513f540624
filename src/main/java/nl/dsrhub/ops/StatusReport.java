package nl.dsrhub.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.dsrhub.model.Deadlines;
import nl.dsrhub.store.BreakerStates;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.Json;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.store.RequestStore.RequestRow;
import nl.dsrhub.store.RestrictionRegister;
import nl.dsrhub.store.SuppressionRegister;
import nl.dsrhub.store.TaskStore;
import nl.dsrhub.store.TaskStore.TaskRow;

/**
 * What {@code status} prints (and {@code GET /api/status} answers): open requests with days left, or one request's
 * tasks and timeline. No personal data, except the grounds of an objection the officer must weigh (art. 21(1)), in
 * that request's own view.
 */
public final class StatusReport {

    private final RequestStore requests;
    private final TaskStore tasks;
    private final EventLog events;
    private final BreakerStates breakers;
    private final SuppressionRegister suppression;
    private final RestrictionRegister restrictions;
    private final Clock clock;
    private final ObjectMapper json = Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

    public StatusReport(RequestStore requests, TaskStore tasks, EventLog events, BreakerStates breakers,
                        SuppressionRegister suppression, RestrictionRegister restrictions, Clock clock) {
        this.requests = requests;
        this.tasks = tasks;
        this.events = events;
        this.breakers = breakers;
        this.suppression = suppression;
        this.restrictions = restrictions;
        this.clock = clock;
    }

    /** A line of the open requests' table: the type and status columns as wide as the longest (lift-restriction, AWAITING_CONFIRMATION). */
    private static final String ROW = "%-18s %-" + nl.dsrhub.model.RequestType.wireNames().stream().mapToInt(String::length)
            .max().orElse(8) + "s %-" + java.util.Arrays.stream(DsrMetrics.STATUSES).mapToInt(String::length).max().orElse(11)
            + "s %-10s %9s %-13s  %s%n";

    public String openTable() {
        return requestTable() + breakerLines() + registerLines();
    }

    /**
     * The registers of objections and restrictions, counted, once they hold anything: addresses suppressed, the
     * re-subscriptions the officer has not handled yet, the restrictions in force.
     */
    public String registerLines() {
        long suppressed = suppression.count();
        long open = suppression.openFindingCount();
        long inForce = restrictions.inForceCount();
        StringBuilder sb = new StringBuilder();
        if (suppressed > 0 || open > 0) {
            sb.append("suppression register: ").append(suppressed).append(" address(es) that objected to direct marketing; ")
                    .append(open).append(" re-subscription(s) open").append(open > 0 ? " (see the officer's notices)" : "")
                    .append('\n');
        }
        if (inForce > 0) {
            sb.append("restriction register: ").append(inForce).append(" restriction(s) in force\n");
        }
        return sb.toString();
    }

    /** A short line per connector whose circuit breaker is not closed (the processors being spared now). */
    public String breakerLines() {
        StringBuilder sb = new StringBuilder();
        for (BreakerStates.State b : breakers.notClosed()) {
            sb.append(b.line()).append('\n');
        }
        return sb.toString();
    }

    private String requestTable() {
        List<RequestRow> open = requests.open();
        if (open.isEmpty()) {
            return "no open requests\n";
        }
        StringBuilder sb = new StringBuilder(String.format(ROW, "REQUEST", "TYPE", "STATUS", "DEADLINE", "DAYS LEFT",
                "PROCESSORS BY", "TASKS"));
        for (RequestRow r : open) {
            sb.append(String.format(ROW, r.id(), r.type(), r.status(),
                    r.dueDate(), daysLeftText(r), r.processorDueDate(), taskSummary(tasks.forRequest(r.id()))));
        }
        return sb.toString();
    }

    public String openJson() {
        ArrayNode arr = json.createArrayNode();
        Map<String, BreakerStates.State> circuits = circuits();
        for (RequestRow r : requests.open()) {
            arr.add(requestNode(r, false, circuits));
        }
        return write(arr);
    }

    public String requestText(String id) {
        RequestRow r = requests.row(id).orElseThrow();
        StringBuilder sb = new StringBuilder();
        sb.append("request   ").append(r.id()).append(" (").append(r.type()).append(")\n");
        sb.append("status    ").append(r.status()).append('\n');
        sb.append("received  ").append(r.receivedAt()).append('\n');
        sb.append("deadline  ").append(r.dueDate()).append(" (the end of that day, Dutch time; ").append(daysLeftText(r))
                .append(" days left").append(r.originalDueDate() == null ? "" : "; extended from " + r.originalDueDate())
                .append(")\n");
        sb.append("processors by ").append(r.processorDueDate()).append(" (the date in the letters to processors)\n");
        if (r.reference() != null) {
            sb.append("reference ").append(line(r.reference())).append('\n');
        }
        representative(id).ifPresent(rep -> sb.append("made by   ").append(line(rep.authorityLine())).append('\n'));
        if (RequestStore.AWAITING_DECISION.equals(r.status())) {
            sb.append("grounds   ").append(line(grounds(id))).append('\n');
            sb.append("decide    uphold ").append(id).append(" (carried out as an erasure), or refuse ").append(id)
                    .append(" --ground compelling --reason TEXT (art. 21(1))\n");
        }
        sb.append("\nTASKS\n");
        for (TaskRow t : tasks.forRequest(id)) {
            sb.append(String.format("  %-14s %-8s %-16s attempts %d  %s%n", t.connector(), t.status(),
                    t.outcome() == null ? "-" : t.outcome(), t.attempts(),
                    t.lastError() != null && t.outcome() == null ? "last error: " + line(t.lastError())
                            : line(t.detail())));
        }
        String breakers = breakerLines();
        if (!breakers.isEmpty()) {
            sb.append("\nCIRCUIT BREAKERS\n").append(breakers.indent(2));
        }
        sb.append("\nTIMELINE\n");
        for (EventLog.Event e : events.timeline(id)) {
            sb.append(String.format("  %s  %-16s %-14s %s%n", e.at().truncatedTo(ChronoUnit.SECONDS), e.kind(),
                    e.connector() == null ? "" : e.connector(), line(e.detail())));
        }
        return sb.toString();
    }

    public String requestJson(String id) {
        return write(requestNode(requests.row(id).orElseThrow(), true, circuits()));
    }

    /** The connectors whose circuit breaker is not closed, by name: their tasks say so in the JSON. */
    private Map<String, BreakerStates.State> circuits() {
        return breakers.notClosed().stream()
                .collect(Collectors.toMap(BreakerStates.State::connector, s -> s));
    }

    private ObjectNode requestNode(RequestRow r, boolean withTimeline, Map<String, BreakerStates.State> circuits) {
        ObjectNode n = json.createObjectNode();
        n.put("id", r.id());
        n.put("type", r.type());
        n.put("status", r.status());
        n.put("receivedAt", iso(r.receivedAt()));
        // dates: the end of that day in Dutch time
        n.put("deadline", r.dueDate().toString());
        n.put("originalDeadline", r.originalDueDate() == null ? null : r.originalDueDate().toString());
        n.put("processorDeadline", r.processorDueDate().toString());
        n.put("daysLeft", daysLeft(r));
        n.put("reference", r.reference());
        if (withTimeline) {
            // on whose behalf and how the authority was checked: never the representative's name or address
            representative(r.id()).ifPresent(rep -> n.putObject("madeBy").put("capacity", rep.capacity())
                    .put("authorityCheckedBy", rep.authorityCheckedBy()).put("authorityCheckedAt", iso(rep.authorityCheckedAt()))
                    .put("authorityEvidence", rep.authorityEvidence()));
        }
        if (withTimeline && RequestStore.AWAITING_DECISION.equals(r.status())) {
            // the officer weighs the objection: the subject's grounds, as the request gives them (art. 21(1))
            n.put("grounds", grounds(r.id()));
        }
        ArrayNode tasks = n.putArray("tasks");
        for (TaskRow t : this.tasks.forRequest(r.id())) {
            ObjectNode tn = tasks.addObject();
            tn.put("connector", t.connector());
            tn.put("status", t.status().name());
            tn.put("outcome", t.outcome() == null ? null : t.outcome().name());
            tn.put("attempts", t.attempts());
            tn.put("detail", t.detail());
            tn.put("lastError", t.lastError());
            tn.put("nextAttemptAt", iso(t.nextAttemptAt()));
            BreakerStates.State circuit = circuits.get(t.connector());
            if (circuit != null && t.status() != nl.dsrhub.model.TaskStatus.DONE) {
                // the processor is being spared: why this task waits, and until when at the earliest
                ObjectNode cn = tn.putObject("circuit");
                cn.put("state", circuit.state());
                cn.put("since", iso(circuit.since()));
                cn.put("nextTrialAfter", iso(circuit.openUntil()));
                cn.put("lastError", circuit.lastError());
            }
        }
        if (withTimeline) {
            ArrayNode events = n.putArray("timeline");
            for (EventLog.Event e : this.events.timeline(r.id())) {
                ObjectNode en = events.addObject();
                en.put("at", iso(e.at()));
                en.put("kind", e.kind());
                en.put("connector", e.connector());
                en.put("detail", e.detail());
            }
        }
        return n;
    }

    /** Who made the request on the subject's behalf, while its document is kept. */
    private java.util.Optional<nl.dsrhub.model.Representative> representative(String id) {
        return requests.find(id).filter(nl.dsrhub.model.DsrRequest::byRepresentative).map(nl.dsrhub.model.DsrRequest::representative);
    }

    /** The grounds of an objection awaiting the officer's decision, as the request gives them. */
    private String grounds(String id) {
        var objection = requests.get(id).particulars().objection();
        return objection == null ? null : objection.grounds();
    }

    /** A stored text on one line of the terminal: a processor's error title or a reference cannot add lines. */
    private static String line(String text) {
        return text == null ? "" : nl.dsrhub.text.SingleLine.of(text);
    }

    /** RFC 3339 with seconds always present ({@code OffsetDateTime.toString()} drops ":00"). */
    private static String iso(OffsetDateTime t) {
        return t == null ? null : java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }

    /** Whole Dutch days to the due date: 0 on the day itself, negative once overdue. */
    private long daysLeft(RequestRow r) {
        return Deadlines.daysLeft(r.dueDate(), OffsetDateTime.now(clock));
    }

    private String daysLeftText(RequestRow r) {
        long d = daysLeft(r);
        return d < 0 ? "OVERDUE " + (-d) : String.valueOf(d);
    }

    private static String taskSummary(List<TaskRow> tasks) {
        return tasks.stream().collect(Collectors.groupingBy(
                        t -> t.outcome() != null ? t.outcome().name() : t.status().name(),
                        java.util.TreeMap::new, Collectors.counting()))
                .entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }

    private String write(Object node) {
        try {
            return json.writeValueAsString(node) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
