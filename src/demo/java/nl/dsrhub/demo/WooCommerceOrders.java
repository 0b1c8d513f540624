package nl.dsrhub.demo;

import static nl.dsrhub.demo.SimulatorServer.JSON;
import static nl.dsrhub.demo.WooCommerceHttp.contains;
import static nl.dsrhub.demo.WooCommerceHttp.invalidParam;
import static nl.dsrhub.demo.WooCommerceHttp.json;
import static nl.dsrhub.demo.WooCommerceHttp.wpError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.dsrhub.demo.SimulatorServer.Request;
import nl.dsrhub.demo.SimulatorServer.Response;

/** How the simulated WooCommerce changes and searches an order, as WooCommerce itself does. */
final class WooCommerceOrders {

    private WooCommerceOrders() {
    }

    /**
     * Update an order: the given top-level fields replace the order's, {@code billing} and {@code shipping}
     * are merged field by field, {@code meta_data} entries update the entry with the same key or are added.
     * Read-only fields (id, dates, IP address, user agent) are ignored, as WooCommerce does.
     */
    static Response update(Request req, ObjectNode order) {
        JsonNode patch;
        try {
            patch = JSON.readTree(req.body());
        } catch (Exception e) {
            return wpError(400, "rest_invalid_json", "Invalid JSON body passed.");
        }
        if (patch == null || !patch.isObject()) {
            return wpError(400, "rest_invalid_json", "Invalid JSON body passed.");
        }
        String email = patch.path("billing").path("email").asText("");
        if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            return invalidParam("billing", "billing[email] is not a valid email address.");
        }
        synchronized (order) {
            for (var field : (Iterable<Map.Entry<String, JsonNode>>) patch::fields) {
                String name = field.getKey();
                JsonNode value = field.getValue();
                switch (name) {
                    case "id", "date_created", "date_created_gmt", "customer_ip_address", "customer_user_agent",
                         "order_key", "number", "_links" -> { }
                    case "billing", "shipping" -> ((ObjectNode) order.withObject("/" + name)).setAll((ObjectNode) value);
                    case "meta_data" -> mergeMeta(order, value);
                    default -> order.set(name, value);
                }
            }
            return json(200, order);
        }
    }

    /** {@code meta_data} entries update the entry with the same key (a value "" keeps the key, empty) or are added. */
    static void mergeMeta(ObjectNode order, JsonNode entries) {
        ArrayNode meta = order.withArray("/meta_data");
        long nextId = 9000 + meta.size();
        for (JsonNode e : entries) {
            ObjectNode existing = null;
            for (JsonNode m : meta) {
                if (m.path("key").asText().equals(e.path("key").asText())) {
                    existing = (ObjectNode) m;
                }
            }
            if (existing != null) {
                existing.set("value", e.path("value"));
            } else {
                meta.addObject().put("id", nextId++).put("key", e.path("key").asText()).set("value", e.path("value"));
            }
        }
    }

    /** WooCommerce searches the order id and the billing/shipping address index (LIKE %term%) and item names. */
    static boolean matches(ObjectNode o, String term) {
        if (o.path("id").asText().equals(term)) {
            return true;
        }
        List<JsonNode> fields = new ArrayList<>();
        for (String part : List.of("billing", "shipping")) {
            o.path(part).forEach(fields::add);
        }
        o.path("line_items").forEach(li -> fields.add(li.path("name")));
        return contains(term, fields.toArray(JsonNode[]::new));
    }
}
