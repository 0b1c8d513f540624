package nl.dsrhub.demo;

import static nl.dsrhub.demo.MailchimpHttp.invalidField;
import static nl.dsrhub.demo.MailchimpHttp.json;
import static nl.dsrhub.demo.MailchimpHttp.jsonParseError;
import static nl.dsrhub.demo.MailchimpHttp.notFound;
import static nl.dsrhub.demo.MailchimpHttp.objectBody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import nl.dsrhub.demo.SimulatorServer.Request;
import nl.dsrhub.demo.SimulatorServer.Response;

/**
 * Changes of a store customer in the simulated Mailchimp e-commerce API ({@code mailchimp-ecommerce-swagger.yaml}):
 * <ul>
 *   <li>{@code PATCH /ecommerce/stores/{store}/customers/{id}} ({@code patchEcommerceStoresIdCustomersId}):
 *       {@code first_name}, {@code last_name}, {@code company}, {@code address{…}} (merged part by part) and
 *       {@code opt_in_status}. The spec has no {@code email_address} here: the simulator refuses one with 400, so
 *       that a connector that tries to change the address this way is caught (what Mailchimp does with it is not
 *       documented);</li>
 *   <li>{@code PUT} the same path ({@code putEcommerceStoresIdCustomersId}): required {@code id} (the path's),
 *       {@code email_address} and {@code opt_in_status}; creates the customer when absent, else updates it. This is
 *       the only way to change a customer's e-mail address.</li>
 * </ul>
 * Both answer 200 with the whole customer. Orders and carts keep the copy of the customer they were sent with.
 */
final class MailchimpStoreCustomerChanges {

    private static final Set<String> TEXT_FIELDS = Set.of("first_name", "last_name", "company");
    private static final Set<String> ADDRESS_PARTS = Set.of("address1", "address2", "city", "province",
            "province_code", "postal_code", "country", "country_code");

    /** (customer, path) → the customer as the API answers it, with its {@code _links}. */
    private final BiFunction<ObjectNode, String, ObjectNode> answer;

    MailchimpStoreCustomerChanges(BiFunction<ObjectNode, String, ObjectNode> answer) {
        this.answer = answer;
    }

    /** PATCH or PUT of customer {@code id} in a store's {@code customers} (id → customer). */
    Response change(Request req, Map<String, ObjectNode> customers, String storeId, String id) {
        ObjectNode body = objectBody(req);
        if (body == null) {
            return jsonParseError();
        }
        String self = "/ecommerce/stores/" + storeId + "/customers/" + id;
        ObjectNode customer;
        if (req.method().equals("PATCH")) {
            if (body.has("email_address")) {
                return invalidField("email_address", "The e-mail address of a customer is changed with PUT.");
            }
            Response bad = invalid(body);
            customer = customers.get(id);
            if (bad != null || customer == null) {
                return bad != null ? bad : notFound();
            }
        } else {
            Response bad = invalidPut(body, id);
            if (bad != null) {
                return bad;
            }
            customer = customers.computeIfAbsent(id, MailchimpStoreCustomerChanges::newCustomer);
        }
        synchronized (customer) {
            apply(customer, body);
            return json(200, answer.apply(customer, self));
        }
    }

    private static Response invalidPut(ObjectNode body, String id) {
        if (!body.path("id").isTextual() || !body.path("id").asText().equals(id)) {
            return invalidField("id", "The id in the body must be the customer id of the path.");
        }
        if (!body.path("email_address").isTextual()
                || !body.path("email_address").asText().trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            return invalidField("email_address", "Please provide a valid email address.");
        }
        if (!body.path("opt_in_status").isBoolean()) {
            return invalidField("opt_in_status", "Required property opt_in_status not found.");
        }
        return invalid(body);
    }

    private static Response invalid(ObjectNode body) {
        for (String f : TEXT_FIELDS) {
            if (body.has(f) && !body.get(f).isTextual()) {
                return invalidField(f, "Schema describes string, " + body.get(f).getNodeType() + " found instead.");
            }
        }
        if (body.has("opt_in_status") && !body.get("opt_in_status").isBoolean()) {
            return invalidField("opt_in_status", "Schema describes boolean.");
        }
        JsonNode address = body.get("address");
        if (address != null && !address.isObject()) {
            return invalidField("address", "Schema describes object.");
        }
        return null;
    }

    private static ObjectNode newCustomer(String id) {
        ObjectNode c = SimulatorServer.JSON.createObjectNode();
        c.put("id", id);
        c.put("email_address", "");
        c.put("opt_in_status", false);
        c.put("company", "");
        c.put("first_name", "");
        c.put("last_name", "");
        c.put("orders_count", 0);
        c.put("total_spent", 0);
        c.put("created_at", MailchimpSimulator.ts(Instant.now()));
        return c;
    }

    private static void apply(ObjectNode customer, ObjectNode body) {
        if (body.has("email_address")) {
            customer.put("email_address", body.get("email_address").asText().trim());
        }
        if (body.has("opt_in_status")) {
            customer.put("opt_in_status", body.get("opt_in_status").asBoolean());
        }
        TEXT_FIELDS.stream().filter(body::has).forEach(f -> customer.put(f, body.get(f).asText()));
        JsonNode address = body.get("address");
        if (address != null) {
            ObjectNode to = customer.withObject("/address");
            address.fields().forEachRemaining(p -> {
                if (ADDRESS_PARTS.contains(p.getKey())) {
                    to.put(p.getKey(), p.getValue().asText());
                }
            });
        }
        customer.put("updated_at", MailchimpSimulator.ts(Instant.now()));
    }
}
