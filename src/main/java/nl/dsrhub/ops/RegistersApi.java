package nl.dsrhub.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.dsrhub.store.Json;
import org.apache.camel.Exchange;

/**
 * {@code /api/registers}: what {@code registers} prints, made where the database is, and the officer marking a
 * re-subscription finding handled. Request ids and dates, never an address. Who may call it is checked before any route
 * runs ({@code nl.dsrhub.web.WebGuard}), as for the rest of {@code /api}.
 */
public final class RegistersApi {

    private final Registers registers;
    private final ObjectMapper json = Json.mapper();

    public RegistersApi(Registers registers) {
        this.registers = registers;
    }

    /** {@code registers}: the three lists as text; {@code ?format=json} as {@code registers --json}. */
    public void list(Exchange exchange) {
        boolean asJson = "json".equals(Web.param(exchange, "format"));
        Web.respond(exchange, 200, asJson ? "application/json" : "text/plain; charset=utf-8",
                asJson ? registers.json() : registers.text(), Map.of());
    }

    /**
     * {@code registers resolve}: {@code {"reason": "..."}}; 200 when marked handled, 404 for an unknown finding, 409 for
     * one resolved already, 400 for a missing or unfit reason (the route's error handler).
     */
    public void resolve(Exchange exchange) {
        long id = findingId(Web.param(exchange, "id"));
        Registers.Resolution r = registers.resolve(id, body(exchange).path("reason").asText(null), "by the API");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("finding", r.findingId());
        out.put(r.done() ? "message" : "error", r.message());
        int code = r.done() ? 200 : r.kind() == Registers.Kind.NO_FINDING ? 404 : 409;
        Web.respond(exchange, code, "application/json", Json.write(json, out), Map.of());
    }

    private static long findingId(String id) {
        try {
            return Long.parseLong(String.valueOf(id));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a finding's id is a number, as `registers` lists it");
        }
    }

    private JsonNode body(Exchange exchange) {
        String text = exchange.getMessage().getBody(String.class);
        if (text == null || text.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the body is not JSON: unreadable");
        }
    }
}
