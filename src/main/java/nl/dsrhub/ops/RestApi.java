package nl.dsrhub.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.dsrhub.plan.Settlement;
import nl.dsrhub.request.Intake;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.Json;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.store.TaskStore;
import org.apache.camel.Exchange;

/**
 * {@code /api/...}: the dashboard's operations for scripts and for the command line beside a running hub (which
 * owns the database then), in JSON, and what {@code status} and {@code ledger} print. Like the dashboard it answers
 * with ids, statuses and outcomes, never the subject's data (submit takes it in, once). Who may call it is checked
 * before any route runs ({@code nl.dsrhub.web.WebGuard}).
 */
public final class RestApi {

    private final RequestStore requests;
    private final TaskStore tasks;
    private final EventLog events;
    private final Intake intake;
    private final Operations operations;
    private final DeadlineWatch watch;
    private final Clock clock;
    private final StatusReport report;
    private final nl.dsrhub.ledger.Ledger ledger;
    private final java.nio.file.Path uploads;
    private final nl.dsrhub.request.RequestConfirmations confirmations;
    private final ObjectMapper json = Json.mapper();

    public RestApi(RequestStore requests, TaskStore tasks, EventLog events, Intake intake, Operations operations,
                   DeadlineWatch watch, Clock clock, StatusReport report, nl.dsrhub.ledger.Ledger ledger,
                   java.nio.file.Path uploads, nl.dsrhub.request.RequestConfirmations confirmations) {
        this.requests = requests;
        this.tasks = tasks;
        this.events = events;
        this.intake = intake;
        this.operations = operations;
        this.watch = watch;
        this.clock = clock;
        this.report = report;
        this.ledger = ledger;
        this.uploads = uploads;
        this.confirmations = confirmations;
    }

    public void list(Exchange exchange) {
        boolean all = "true".equals(Web.param(exchange, "all"));
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Map<String, Object>> out = (all ? requests.all() : requests.open()).stream().map(r -> summary(r, now)).toList();
        ok(exchange, 200, Map.of("requests", out));
    }

    public void get(Exchange exchange) {
        String id = Web.param(exchange, "id");
        RequestStore.RequestRow r = requests.row(id).orElse(null);
        if (r == null) {
            ok(exchange, 404, Map.of("error", "no request " + id));
            return;
        }
        Map<String, Object> out = summary(r, OffsetDateTime.now(clock));
        out.put("tasks", tasks.forRequest(id).stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("connector", t.connector());
            m.put("status", t.status());
            m.put("outcome", t.outcome());
            m.put("attempts", t.attempts());
            m.put("detail", t.detail());
            m.put("lastError", t.lastError());
            m.put("nextAttemptAt", t.nextAttemptAt());
            return m;
        }).toList());
        out.put("timeline", events.timeline(id));
        ok(exchange, 200, out);
    }

    /** The body is a request file (JSON or YAML, as dropped in the inbox); validated the same way. */
    public void submit(Exchange exchange) {
        byte[] body = exchange.getMessage().getBody(byte[].class);
        String type = exchange.getMessage().getHeader("Content-Type", "application/json", String.class);
        String name = type.contains("yaml") ? "api-request.yaml" : "api-request.json";
        Intake.Result result = intake.accept(name, body == null ? new byte[0] : body);
        if (!result.accepted()) {
            ok(exchange, 400, Map.of("problems", result.problems()));
            return;
        }
        ok(exchange, result.duplicate() ? 200 : 201, Map.of("id", result.requestId(), "duplicate", result.duplicate()));
    }

    public void retry(Exchange exchange) {
        String id = Web.param(exchange, "id");
        if (requests.row(id).isEmpty()) {
            ok(exchange, 404, Map.of("error", "no request " + id));
            return;
        }
        int n = operations.retry(id, Web.param(exchange, "connector"), "api");
        ok(exchange, 202, Map.of("id", id, "queued", n));
    }

    /**
     * Settles a task by hand: a JSON body {connector, outcome, reason}, or a multipart form with those fields and the
     * processor's files as {@code file-1} ... {@code file-20} ({@code settle --file ...} of the command line).
     */
    public void settle(Exchange exchange) {
        String id = Web.param(exchange, "id");
        boolean multipart = nl.dsrhub.web.Forms.isMultipart(exchange);
        JsonNode b = multipart ? json.createObjectNode() : body(exchange);
        String connector = multipart ? nl.dsrhub.web.Forms.field(exchange, "connector") : b.path("connector").asText(null);
        java.nio.file.Path folder = uploads.resolve(java.util.UUID.randomUUID().toString());
        try {
            List<java.nio.file.Path> files = multipart ? Uploads.keep(exchange, folder, Uploads.API_FIELDS) : List.of();
            operations.settle(id, connector,
                    multipart ? nl.dsrhub.web.Forms.field(exchange, "outcome") : b.path("outcome").asText(null),
                    multipart ? nl.dsrhub.web.Forms.field(exchange, "reason") : b.path("reason").asText(null), files);
            ok(exchange, 200, Map.of("id", id, "settled", String.valueOf(connector), "files", files.size()));
        } catch (Settlement.Refused e) {
            ok(exchange, 409, Map.of("error", e.getMessage()));
        } finally {
            Uploads.remove(folder);
        }
    }

    public void extend(Exchange exchange) {
        String id = Web.param(exchange, "id");
        JsonNode b = body(exchange);
        try {
            java.nio.file.Path notice = operations.extend(id, b.path("months").asInt(0), b.path("reason").asText(null));
            ok(exchange, 200, Map.of("id", id, "deadline", requests.row(id).orElseThrow().dueDate().toString(),
                    "notice", notice.toAbsolutePath().toString()));
        } catch (Settlement.Refused e) {
            ok(exchange, 409, Map.of("error", e.getMessage()));
        }
    }

    /**
     * Refuses a request (art. 12(4)): {@code {"ground": "unverifiable|unfounded|excessive", "reason": "..."}}; answers
     * where the letter to the subject is and the date it must reach them by.
     */
    public void refuse(Exchange exchange) {
        String id = Web.param(exchange, "id");
        JsonNode b = body(exchange);
        try {
            nl.dsrhub.result.Refusal.Done d = operations.refuse(id, b.path("ground").asText(null), b.path("reason").asText(null));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", id);
            out.put("status", RequestStore.REFUSED);
            out.put("ground", d.ground().wire());
            out.put("letter", d.letter().toAbsolutePath().toString());
            out.put("due", d.due().toString());
            out.put("late", d.late());
            out.put("stopped", d.stopped());
            out.put("toldByLetter", d.toldByLetter());
            ok(exchange, 200, out);
        } catch (Settlement.Refused e) {
            ok(exchange, 409, Map.of("error", e.getMessage()));
        }
    }

    /**
     * Upholds an objection awaiting the officer's decision (art. 21(1)): carried out as a linked erasure request, which
     * the sweep plans within seconds; answers its id.
     */
    public void uphold(Exchange exchange) {
        String id = Web.param(exchange, "id");
        try {
            var upheld = operations.uphold(id, "by the API");
            ok(exchange, 200, Map.of("id", id, "status", RequestStore.COMPLETED, "erasure", upheld.erasureId()));
        } catch (Settlement.Refused e) {
            ok(exchange, requests.row(id).isEmpty() ? 404 : 409, Map.of("error", e.getMessage()));
        }
    }

    /** A mailed request held for the officer's confirmation goes on; the sweep plans it within seconds. */
    public void confirm(Exchange exchange) {
        answer(exchange, confirmations.confirm(Web.param(exchange, "id"), "by the API"));
    }

    /** A held request the officer did not send: closed, nothing sent to any processor, its personal data deleted. */
    public void discard(Exchange exchange) {
        answer(exchange, confirmations.discard(Web.param(exchange, "id"), body(exchange).path("reason").asText(null)));
    }

    private void answer(Exchange exchange, nl.dsrhub.request.RequestConfirmations.Result r) {
        int code = r.done() ? 200 : r.kind() == nl.dsrhub.request.RequestConfirmations.Kind.NO_REQUEST ? 404 : 409;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.requestId());
        out.put(r.done() ? "result" : "error", r.done() ? r.kind().name().toLowerCase(java.util.Locale.ROOT) : r.message());
        if (r.done()) {
            out.put("message", r.message());
        }
        ok(exchange, code, out);
    }

    // ---- what the command line prints, made where the database is

    /** {@code status}: open requests; {@code ?format=json} as {@code status --json}. */
    public void status(Exchange exchange) {
        boolean asJson = "json".equals(Web.param(exchange, "format"));
        text(exchange, 200, asJson ? "application/json" : "text/plain; charset=utf-8",
                asJson ? report.openJson() : report.openTable());
    }

    /** {@code status ID}: one request's tasks and timeline; 404 when there is no such request. */
    public void statusOf(Exchange exchange) {
        String id = Web.param(exchange, "id");
        if (requests.row(id).isEmpty()) {
            ok(exchange, 404, Map.of("error", "no request " + id));
            return;
        }
        boolean asJson = "json".equals(Web.param(exchange, "format"));
        text(exchange, 200, asJson ? "application/json" : "text/plain; charset=utf-8",
                asJson ? report.requestJson(id) : report.requestText(id));
    }

    /** The circuit breakers that are not closed, a line each ({@code connectors}). */
    public void circuits(Exchange exchange) {
        text(exchange, 200, "text/plain; charset=utf-8", report.breakerLines());
    }

    /** {@code ledger verify}: whether the hash chain is intact, and where it breaks. */
    public void ledgerVerify(Exchange exchange) {
        nl.dsrhub.ledger.Ledger.Verification v = ledger.verify();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("intact", v.ok());
        out.put("rows", v.rows());
        out.put("brokenSeq", v.brokenSeq());
        out.put("problem", v.problem());
        out.put("checked", v.checked());
        ok(exchange, 200, out);
    }

    /** {@code ledger export}: the register of handled requests as CSV (pseudonymised). */
    public void ledgerExport(Exchange exchange) {
        text(exchange, 200, "text/csv; charset=utf-8", ledger.csv());
    }

    /** A refused action or bad input (the route's error handler): 400 with the reason. */
    public void badRequest(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        ok(exchange, 400, Map.of("error", e == null ? "bad request" : String.valueOf(e.getMessage())));
    }

    private Map<String, Object> summary(RequestStore.RequestRow r, OffsetDateTime now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("type", r.type());
        m.put("status", r.status());
        m.put("receivedAt", r.receivedAt());
        // a date: the end of that day in Dutch time
        m.put("deadline", r.dueDate().toString());
        m.put("originalDeadline", r.originalDueDate() == null ? null : r.originalDueDate().toString());
        m.put("processorDeadline", r.processorDueDate().toString());
        boolean open = RequestStore.isOpen(r.status());
        m.put("daysLeft", open ? Dashboard.daysLeft(r.dueDate(), now) : null);
        m.put("mark", open ? watch.level(r.dueDate(), now) : null);
        m.put("completedAt", r.completedAt());
        return m;
    }

    private JsonNode body(Exchange exchange) {
        String text = exchange.getMessage().getBody(String.class);
        if (text == null || text.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            throw new Settlement.Refused("the body is not JSON: " + "unreadable");
        }
    }

    private void ok(Exchange exchange, int code, Object body) {
        Web.respond(exchange, code, "application/json", Json.write(json, body), Map.of());
    }

    private static void text(Exchange exchange, int code, String type, String body) {
        Web.respond(exchange, code, type, body, Map.of());
    }
}
