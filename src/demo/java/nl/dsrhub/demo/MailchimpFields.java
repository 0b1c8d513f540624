package nl.dsrhub.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static nl.dsrhub.demo.SimulatorServer.JSON;

/**
 * Mailchimp's {@code fields} and {@code exclude_fields} query parameters: comma-separated field names, sub-objects
 * in dot notation ({@code members.email_address}); a name inside a list applies to every item of it.
 */
final class MailchimpFields {

    private MailchimpFields() {
    }

    /** The body with only the {@code fields} asked for (all when {@code null}), less the {@code exclude} ones. */
    static ObjectNode select(ObjectNode body, String fields, String exclude) {
        ObjectNode out = fields == null || fields.isBlank() ? body : (ObjectNode) keep(body, paths(fields));
        if (exclude != null && !exclude.isBlank()) {
            for (String[] path : paths(exclude)) {
                drop(out, path, 0);
            }
        }
        return out;
    }

    private static List<String[]> paths(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.split("\\.")).toList();
    }

    private static JsonNode keep(JsonNode node, List<String[]> paths) {
        if (node.isArray()) {
            ArrayNode a = JSON.createArrayNode();
            node.forEach(item -> a.add(keep(item, paths)));
            return a;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode out = JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            List<String[]> below = new ArrayList<>();
            boolean whole = false;
            for (String[] p : paths) {
                if (p[0].equals(field.getKey())) {
                    whole |= p.length == 1;
                    if (p.length > 1) {
                        below.add(Arrays.copyOfRange(p, 1, p.length));
                    }
                }
            }
            if (whole) {
                out.set(field.getKey(), field.getValue());
            } else if (!below.isEmpty()) {
                out.set(field.getKey(), keep(field.getValue(), below));
            }
        }
        return out;
    }

    private static void drop(JsonNode node, String[] path, int at) {
        if (node.isArray()) {
            node.forEach(item -> drop(item, path, at));
        } else if (node.isObject()) {
            if (at == path.length - 1) {
                ((ObjectNode) node).remove(path[at]);
            } else if (node.has(path[at])) {
                drop(node.get(path[at]), path, at + 1);
            }
        }
    }
}
