package nl.dsrhub.demo;

import static nl.dsrhub.demo.SimulatorServer.JSON;
import static nl.dsrhub.demo.WooCommerceHttp.invalidParam;
import static nl.dsrhub.demo.WooCommerceHttp.json;
import static nl.dsrhub.demo.WooCommerceHttp.wpError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

import nl.dsrhub.demo.SimulatorServer.Request;
import nl.dsrhub.demo.SimulatorServer.Response;

/**
 * How the simulated WooCommerce changes a customer ({@code PUT}, {@code POST} or {@code PATCH /customers/{id}}), as
 * WooCommerce's customers controller does: {@code email}, {@code first_name}, {@code last_name} replace the
 * customer's, {@code billing} and {@code shipping} are merged field by field, {@code meta_data} entries update the
 * entry with the same key (a value {@code ""} keeps the key, empty) or are added; read-only fields are ignored.
 * Refused with 400: an address another user has ({@code woocommerce_rest_customer_invalid_email}), a changed
 * {@code username} ({@code woocommerce_rest_customer_invalid_argument}), an e-mail that is not one
 * ({@code rest_invalid_param}). The answer is 200 with the whole customer. The customer's orders keep their own
 * billing and shipping copy.
 */
final class WooCommerceCustomers {

    private static final Set<String> ADDRESS_PARTS = Set.of("first_name", "last_name", "company", "address_1",
            "address_2", "city", "state", "postcode", "country", "email", "phone");
    private static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    private WooCommerceCustomers() {
    }

    /** Updates {@code customer}; {@code everyone} are all users, to find another with the new address. */
    static Response update(Request req, ObjectNode customer, Collection<ObjectNode> everyone) {
        JsonNode patch;
        try {
            patch = JSON.readTree(req.body());
        } catch (Exception e) {
            return wpError(400, "rest_invalid_json", "Invalid JSON body passed.");
        }
        if (patch == null || !patch.isObject()) {
            return wpError(400, "rest_invalid_json", "Invalid JSON body passed.");
        }
        Response invalid = invalid(patch);
        if (invalid != null) {
            return invalid;
        }
        synchronized (WooCommerceCustomers.class) {   // one change at a time: the address check sees every user
            String email = patch.path("email").asText("").trim();
            boolean taken = !email.isEmpty() && everyone.stream().anyMatch(c -> c != customer
                    && c.path("email").asText().equalsIgnoreCase(email));
            if (taken) {
                return wpError(400, "woocommerce_rest_customer_invalid_email", "Email address is invalid.");
            }
            String username = patch.path("username").asText("");
            if (!username.isEmpty() && !username.equals(customer.path("username").asText())) {
                return wpError(400, "woocommerce_rest_customer_invalid_argument", "Username isn't editable.");
            }
            apply(customer, (ObjectNode) patch);
            return json(200, customer);
        }
    }

    private static Response invalid(JsonNode patch) {
        if (patch.has("email") && !patch.path("email").asText("").trim().matches(EMAIL)) {
            return invalidParam("email", "Invalid email address.");
        }
        for (String part : new String[] {"billing", "shipping"}) {
            JsonNode address = patch.get(part);
            if (address != null && !address.isObject()) {
                return invalidParam(part, part + " is not of type object.");
            }
        }
        String billingEmail = patch.path("billing").path("email").asText("");
        if (!billingEmail.isEmpty() && !billingEmail.matches(EMAIL)) {
            return invalidParam("billing", "billing[email] is not a valid email address.");
        }
        JsonNode meta = patch.get("meta_data");
        if (meta != null && !meta.isArray()) {
            return invalidParam("meta_data", "meta_data is not of type array.");
        }
        return null;
    }

    private static void apply(ObjectNode customer, ObjectNode patch) {
        for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) patch::fields) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            switch (name) {
                case "email" -> customer.put("email", value.asText().trim());
                case "first_name", "last_name" -> customer.put(name, value.asText());
                case "billing", "shipping" -> value.fields().forEachRemaining(p -> {
                    if (ADDRESS_PARTS.contains(p.getKey()) && !(name.equals("shipping") && p.getKey().equals("email"))) {
                        customer.withObject("/" + name).put(p.getKey(), p.getValue().asText());
                    }
                });
                case "meta_data" -> WooCommerceOrders.mergeMeta(customer, value);
                default -> { }   // id, dates, role, username (unchanged), password, avatar_url, …: not stored
            }
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        customer.put("date_modified", LocalDateTime.ofInstant(now, DemoPeople.SHOP_ZONE).toString());
        customer.put("date_modified_gmt", LocalDateTime.ofInstant(now, ZoneOffset.UTC).toString());
    }
}
