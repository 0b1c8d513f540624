package nl.dsrhub.demo;

import static nl.dsrhub.demo.SimulatorServer.JSON;
import static nl.dsrhub.demo.SimulatorServer.toJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import nl.dsrhub.demo.SimulatorServer.Response;

/** The simulated Laposta API's answers: a member wrapped as Laposta does, and its {@code error} object. */
final class LapostaJson {

    private LapostaJson() {
    }

    /** A list as Laposta returns it ({@code created}: Laposta's local date-time text). */
    static ObjectNode listRecord(String listId, String name, String created) {
        ObjectNode l = JSON.createObjectNode();
        l.put("list_id", listId);
        l.put("created", created);
        l.put("modified", created);
        l.put("state", "active");
        l.put("name", name);
        l.put("remarks", "");
        l.put("subscribe_notification_email", "");
        l.put("unsubscribe_notification_email", "");
        l.put("account_id", "wz8rlq1hcv");
        return l;
    }

    /** A member as Laposta returns it; {@code customFields} by the fields' custom names. */
    static ObjectNode memberRecord(String id, String listId, String email, String state, String signup,
                             Map<String, String> customFields) {
        ObjectNode m = JSON.createObjectNode();
        m.put("member_id", id);
        m.put("list_id", listId);
        m.put("email", email);
        m.put("state", state);
        m.put("signup_date", signup);
        m.put("modified", signup);
        m.put("ip", "192.0.2." + (1 + Math.floorMod(email.hashCode(), 200)));
        m.put("source_url", "https://shop.example.nl/nieuwsbrief");
        ObjectNode cf = m.putObject("custom_fields");
        customFields.forEach(cf::put);
        return m;
    }

    /** Laposta's error type for an HTTP status. */
    static String errorType(int status) {
        return switch (status) {
            case 400 -> "invalid_input";
            case 401, 404 -> "invalid_request";
            case 500, 503 -> "internal";
            default -> "request_failed";
        };
    }

    /**
     * An unknown member: 400 with code 203 "does not exist" on member_id. Laposta answers 404 only for a path that does
     * not exist (laposta/laposta-skill, errors-and-limits.md, checked against a live account; the API documentation
     * gives the error codes but not this status), so a connector that took only 404 for "not there" failed every task
     * of a person not on a list.
     */
    static Response unknownMember() {
        return lapostaError(400, "invalid_input", "Unknown member", 203, "member_id");
    }

    static Response lapostaError(int status, String type, String message, Integer code, String parameter) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode e = body.putObject("error");
        e.put("type", type);
        e.put("message", message);
        if (code != null) {
            e.put("code", code);
        }
        if (parameter != null) {
            e.put("parameter", parameter);
        }
        return json(status, body);
    }

    static Response memberAnswer(ObjectNode m) {
        return memberAnswer(m, 200);
    }

    static Response memberAnswer(ObjectNode m, int status) {
        ObjectNode body = JSON.createObjectNode();
        body.set("member", m.deepCopy());
        return json(status, body);
    }

    static Response json(int status, JsonNode body) {
        return Response.of(status, LapostaSimulator.CONTENT_TYPE, toJson(body));
    }

    /** Every list, oldest first, each with its member counts. */
    static Response allLists(Collection<ObjectNode> lists, Map<String, Map<String, ObjectNode>> members) {
        ArrayNode data = JSON.createArrayNode();
        lists.stream().sorted((a, b) -> a.path("created").asText().compareTo(b.path("created").asText()))
                .forEach(l -> data.addObject().set("list", withCounts(l, members)));
        ObjectNode body = JSON.createObjectNode();
        body.set("data", data);
        return json(200, body);
    }

    /** The list's members ({@code ms}: member id → member, guarded by itself), all or those in one state. */
    static Response membersOf(Map<String, ObjectNode> ms, String state) {
        ArrayNode data = JSON.createArrayNode();
        List<ObjectNode> all;
        synchronized (ms) {
            all = new ArrayList<>(ms.values());
        }
        all.stream().filter(x -> state == null || state.equals(x.path("state").asText()))
                .forEach(x -> data.addObject().set("member", x.deepCopy()));
        ObjectNode body = JSON.createObjectNode();
        body.set("data", data);
        return json(200, body);
    }

    /** A copy of the list with its members counted by state. */
    static ObjectNode withCounts(ObjectNode list, Map<String, Map<String, ObjectNode>> members) {
        ObjectNode l = list.deepCopy();
        ObjectNode counts = l.putObject("members");
        Map<String, ObjectNode> ms = members.getOrDefault(list.path("list_id").asText(), Map.of());
        List<ObjectNode> all;
        synchronized (ms) {
            all = new ArrayList<>(ms.values());
        }
        for (String s : List.of("active", "unsubscribed", "cleaned")) {
            counts.put(s, all.stream().filter(x -> s.equals(x.path("state").asText())).count());
        }
        return l;
    }
}
