package nl.dsrhub.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import nl.dsrhub.connector.ConnectorDefinition.Call;

/**
 * The body of a call, from whichever of {@code body} (a JSON template), {@code json} (JSON written as YAML) or
 * {@code form} (url-encoded) the connector file gives. In {@code json} and {@code form} a field whose
 * {@code ${changes.*}} placeholder the request does not set is left out, and an object left empty with it: a
 * correction of the address does not blank the name. A call whose every such field was left out has
 * {@linkplain #nothingToSend nothing to send}: the processor holds none of what the request changes. A {@code json}
 * field written {@code {firstOf: [...]}} takes the first of its templates that has a value (a field the processor
 * requires on every update: the corrected value, else the one it has).
 */
final class RequestBody {

    static final String JSON = "application/json";
    static final String FORM = "application/x-www-form-urlencoded";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The key of a {@code json} field given as alternatives: {@code name: {firstOf: ["${changes.fullName}", "${each[1]}"]}}. */
    static final String FIRST_OF = "firstOf";

    /** A body as sent: its content type and text. */
    record Sent(String contentType, String text) {
    }

    private RequestBody() {
    }

    /** The call's body, or empty for a call without one. @throws Template.Unexpandable for another placeholder without a value */
    static Optional<Sent> of(Call call, RunValues values, String each) {
        if (call.json() != null) {
            return Optional.of(new Sent(JSON, json(call.json(), values, each).node().toString()));
        }
        if (call.form() != null) {
            return Optional.of(new Sent(FORM, form(call.form(), values, each).text()));
        }
        return call.body() == null ? Optional.empty() : Optional.of(new Sent(JSON, values.expandJson(call.body(), each)));
    }

    /** Whether the call's body named changes and the request sets none of them: then the call is not made. */
    static boolean nothingToSend(Call call, RunValues values, String each) {
        if (call.json() != null) {
            Expanded e = json(call.json(), values, each);
            return e.changeFields() > 0 && e.changesKept() == 0;
        }
        if (call.form() != null) {
            Expanded e = form(call.form(), values, each);
            return e.changeFields() > 0 && e.changesKept() == 0;
        }
        return false;
    }

    /** A body expanded: its JSON (or form text), how many fields named a change, and how many of those are kept. */
    private record Expanded(JsonNode node, String text, int changeFields, int changesKept) {
    }

    private static Expanded form(Map<String, String> fields, RunValues values, String each) {
        StringJoiner out = new StringJoiner("&");
        int named = 0;
        int kept = 0;
        for (Map.Entry<String, String> f : fields.entrySet()) {
            boolean change = namesChange(f.getValue());
            named += change ? 1 : 0;
            String v = expandOrNull(f.getValue(), values, each);
            if (v != null) {
                kept += change ? 1 : 0;
                out.add(encode(values.expand(f.getKey(), each)) + "=" + encode(v));
            }
        }
        return new Expanded(null, out.toString(), named, kept);
    }

    private static Expanded json(JsonNode template, RunValues values, String each) {
        int[] counts = new int[2];
        JsonNode node = expandNode(template, values, each, counts);
        return new Expanded(node == null ? JsonNodeFactory.instance.objectNode() : node, null, counts[0], counts[1]);
    }

    /** @return null for a node left out (a string whose change is not set, an object or array left empty by that) */
    private static JsonNode expandNode(JsonNode node, RunValues values, String each, int[] counts) {
        if (node.isObject() && node.size() == 1 && node.path(FIRST_OF).isArray()) {
            return firstOf(node.get(FIRST_OF), values, each, counts);
        }
        if (node.isTextual()) {
            boolean change = namesChange(node.asText());
            counts[0] += change ? 1 : 0;
            String v = expandOrNull(node.asText(), values, each);
            counts[1] += change && v != null ? 1 : 0;
            return v == null ? null : TextNode.valueOf(v);
        }
        if (node.isObject()) {
            ObjectNode out = MAPPER.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                JsonNode v = expandNode(f.getValue(), values, each, counts);
                if (v != null) {
                    out.set(f.getKey(), v);
                }
            }
            return out.isEmpty() && !node.isEmpty() ? null : out;
        }
        if (node.isArray()) {
            ArrayNode out = MAPPER.createArrayNode();
            node.forEach(item -> {
                JsonNode v = expandNode(item, values, each, counts);
                if (v != null) {
                    out.add(v);
                }
            });
            return out.isEmpty() && !node.isEmpty() ? null : out;
        }
        return node;
    }

    /**
     * {@code {firstOf: [a, b]}}: the first alternative with a value, for a field the processor requires on every update
     * (e-Boekhouden's relation name): the corrected name, else the one it has. One change field; kept when the
     * alternative used is a change.
     */
    private static JsonNode firstOf(JsonNode alternatives, RunValues values, String each, int[] counts) {
        boolean namesChange = false;
        for (JsonNode alternative : alternatives) {
            boolean change = namesChange(alternative.asText());
            namesChange |= change;
            String v = expandOrNull(alternative.asText(), values, each);
            if (v != null) {
                counts[0] += namesChange ? 1 : 0;
                counts[1] += change ? 1 : 0;
                return TextNode.valueOf(v);
            }
        }
        counts[0] += namesChange ? 1 : 0;
        return null;
    }

    private static boolean namesChange(String template) {
        return template.contains("${" + ChangeValues.PREFIX);
    }

    /** The expanded template, or null when it names a change the request does not set. */
    private static String expandOrNull(String template, RunValues values, String each) {
        try {
            return values.expand(template, each);
        } catch (Template.Unexpandable e) {
            if (namesChange(template) && values.lacksChange(template)) {
                return null;
            }
            throw e;
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
