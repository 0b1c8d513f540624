package nl.dsrhub.demo;

import static nl.dsrhub.demo.MollieJson.hal;
import static nl.dsrhub.demo.MollieJson.halError;
import static nl.dsrhub.demo.SimulatorServer.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import nl.dsrhub.demo.MollieSimulator.Customer;
import nl.dsrhub.demo.MollieSimulator.Payment;
import nl.dsrhub.demo.SimulatorServer.Request;
import nl.dsrhub.demo.SimulatorServer.Response;

/**
 * The updates of the simulated Mollie API ({@code mollie-openapi.yaml}):
 * <ul>
 *   <li>{@code PATCH /v2/customers/{id}} ({@code update-customer}): {@code name}, {@code email}, {@code locale},
 *       {@code metadata} (replaced whole), {@code testmode}; 200 with the customer, 404 when unknown, 422 naming the
 *       field for an e-mail address that is not one or a locale Mollie does not know. A Mollie customer has no
 *       address or phone;</li>
 *   <li>{@code PATCH /v2/payments/{id}} ({@code update-payment}): {@code description}, {@code metadata},
 *       {@code billingEmail}, {@code billingAddress}, {@code shippingAddress}, the URLs …; only while the payment is
 *       not finalized: a {@code paid}, {@code failed}, {@code canceled} or {@code expired} payment is 422 ("… cannot
 *       be updated when the payment is finalized", as the spec's example), and stays as it was.</li>
 * </ul>
 */
final class MollieUpdates {

    static final Set<String> FINALIZED = Set.of("paid", "failed", "canceled", "expired");
    private static final Set<String> PAYMENT_FIELDS = Set.of("description", "redirectUrl", "cancelUrl", "webhookUrl",
            "metadata", "method", "locale", "dueDate", "restrictPaymentMethodsToCountry", "issuer", "billingAddress",
            "shippingAddress", "billingEmail");
    private static final Set<String> LOCALES = Set.of("ca_ES", "cs_CZ", "da_DK", "de_AT", "de_CH", "de_DE", "de_LU",
            "en_BE", "en_GB", "en_NL", "en_US", "es_ES", "fi_FI", "fr_BE", "fr_FR", "fr_LU", "hu_HU", "is_IS", "it_IT",
            "lt_LT", "lv_LV", "nb_NO", "nl_BE", "nl_NL", "pl_PL", "pt_PT", "sk_SK", "sv_SE");
    private static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    private final Map<String, Customer> customers;
    private final Map<String, Payment> payments;
    private final MollieJson json;
    /** payment id → the fields an update set, laid over the payment as seeded. */
    private final Map<String, ObjectNode> paymentChanges = new ConcurrentHashMap<>();

    MollieUpdates(Map<String, Customer> customers, Map<String, Payment> payments, MollieJson json) {
        this.customers = customers;
        this.payments = payments;
        this.json = json;
    }

    Response patchCustomer(Request req, String id) {
        ObjectNode body = body(req);
        if (body == null) {
            return halError(400, "Bad Request", "The request body is not valid JSON.", null, MollieSimulator.ERROR_DOCS);
        }
        Customer c = customers.get(id);
        if (c == null) {
            return MollieSimulator.notFound("customer", id);
        }
        String email = text(body, "email", c.email());
        if (email != null && body.has("email") && !email.matches(EMAIL)) {
            return unprocessable("The email address '" + email + "' is invalid.", "email");
        }
        String locale = text(body, "locale", c.locale());
        if (locale != null && body.has("locale") && !LOCALES.contains(locale)) {
            return unprocessable("The locale '" + locale + "' is not supported.", "locale");
        }
        Map<String, Object> metadata = body.has("metadata") ? metadata(body.get("metadata")) : c.metadata();
        Customer changed = new Customer(c.id(), text(body, "name", c.name()), email, locale, metadata, c.createdAt());
        customers.replace(id, c, changed);
        return hal(200, json.customerJson(customers.getOrDefault(id, changed)));
    }

    Response patchPayment(Request req, String id) {
        ObjectNode body = body(req);
        if (body == null) {
            return halError(400, "Bad Request", "The request body is not valid JSON.", null, MollieSimulator.ERROR_DOCS);
        }
        Payment p = payments.get(id);
        if (p == null) {
            return MollieSimulator.notFound("payment", id);
        }
        Iterator<String> fields = body.fieldNames();
        String first = fields.hasNext() ? fields.next() : "description";
        if (FINALIZED.contains(p.status())) {
            return unprocessable("The " + first + " cannot be updated when the payment is finalized", first);
        }
        if (body.has("billingEmail") && !body.path("billingEmail").asText().matches(EMAIL)) {
            return unprocessable("The billing email address is invalid.", "billingEmail");
        }
        ObjectNode changes = paymentChanges.computeIfAbsent(id, k -> JSON.createObjectNode());
        synchronized (changes) {
            body.fields().forEachRemaining(f -> {
                if (PAYMENT_FIELDS.contains(f.getKey())) {
                    changes.set(f.getKey(), f.getValue());
                }
            });
        }
        return hal(200, paymentJson(p));
    }

    /** The payment as the API answers it, with the fields updates set. */
    ObjectNode paymentJson(Payment p) {
        ObjectNode n = json.paymentJson(p);
        ObjectNode changes = paymentChanges.get(p.id());
        if (changes != null) {
            synchronized (changes) {
                ObjectNode top = changes.deepCopy();
                JsonNode billingEmail = top.remove("billingEmail");
                n.setAll(top);
                if (billingEmail != null) {
                    n.withObject("/details").set("billingEmail", billingEmail);   // where Mollie answers it
                }
            }
        }
        return n;
    }

    private static Response unprocessable(String detail, String field) {
        return halError(422, "Unprocessable Entity", detail, field, MollieSimulator.ERROR_DOCS);
    }

    private static ObjectNode body(Request req) {
        try {
            JsonNode n = JSON.readTree(req.body());
            return n != null && n.isObject() ? (ObjectNode) n : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String text(ObjectNode body, String field, String current) {
        if (!body.has(field)) {
            return current;
        }
        JsonNode v = body.get(field);
        return v.isNull() ? null : v.asText().trim();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        // the simulator keeps a customer's metadata as a map: a string or number sent is kept under "value"
        return value.isObject() ? JSON.convertValue(value, Map.class) : Map.of("value", JSON.convertValue(value, Object.class));
    }
}
