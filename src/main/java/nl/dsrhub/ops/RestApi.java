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
 * {@code /api/requests}: the dashboard's operations for scripts, in JSON. Like the dashboard it
 * answers with ids, statuses and outcomes, never the subject's data (submit takes it in, once).
 */
public final class RestApi {

    private final RequestStore requests;
    private final TaskStore tasks;
    private final EventLog events;
    private final Intake intake;
    private final Operations operations;
    private final DeadlineWatch watch;
    private final Clock clock;
    private final ObjectMapper json = Json.mapper();

    public RestApi(RequestStore requests, TaskStore tasks, EventLog events, Intake intake, Operations operations,
                   DeadlineWatch watch, Clock clock) {
        this.requests = requests;
        this.tasks = tasks;
        this.events = events;
        this.intake = intake;
        this.operations = operations;
        this.watch = watch;
        this.clock = clock;
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

    public void settle(Exchange exchange) {
        String id = Web.param(exchange, "id");
        JsonNode b = body(exchange);
        try {
            operations.settle(id, b.path("connector").asText(null), b.path("outcome").asText(null),
                    b.path("reason").asText(null), List.of());
            ok(exchange, 200, Map.of("id", id, "settled", b.path("connector").asText()));
        } catch (Settlement.Refused e) {
            ok(exchange, 409, Map.of("error", e.getMessage()));
        }
    }

    public void extend(Exchange exchange) {
        String id = Web.param(exchange, "id");
        JsonNode b = body(exchange);
        try {
            operations.extend(id, b.path("months").asInt(0), b.path("reason").asText(null));
            ok(exchange, 200, Map.of("id", id, "deadline", requests.row(id).orElseThrow().deadline()));
        } catch (Settlement.Refused e) {
            ok(exchange, 409, Map.of("error", e.getMessage()));
        }
    }

    private Map<String, Object> summary(RequestStore.RequestRow r, OffsetDateTime now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("type", r.type());
        m.put("status", r.status());
        m.put("receivedAt", r.receivedAt());
        m.put("deadline", r.deadline());
        boolean open = !RequestStore.COMPLETED.equals(r.status());
        m.put("daysLeft", open ? Dashboard.daysLeft(r.deadline(), now) : null);
        m.put("mark", open ? watch.level(r.deadline(), now) : null);
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
}
