package nl.dsrhub.demo;

import static nl.dsrhub.demo.MoneybirdSimulator.json;
import static nl.dsrhub.demo.MoneybirdSimulator.mbError;
import static nl.dsrhub.demo.SimulatorServer.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

import nl.dsrhub.demo.SimulatorServer.Request;
import nl.dsrhub.demo.SimulatorServer.Response;

/**
 * The calls that change a contact in the simulated Moneybird administration:
 * <ul>
 *   <li>{@code PATCH contacts/{id}.json} with {@code {"contact": {firstname, lastname, company_name, address1,
 *       address2, zipcode, city, country, phone, email, send_invoices_to_email, …}}} (namespaced, as Moneybird's
 *       clients send it): the fields sent replace the contact's; 200 with the contact. An attribute Moneybird does
 *       not know, a country that is not an ISO code, or a contact left without company name and without name: 422
 *       {@code {"error": {"<attribute>": ["…"]}}}; no {@code contact} object: 400. Sales invoices keep the contact
 *       data they were made with;</li>
 *   <li>{@code DELETE contacts/{id}.json}: 204, or 422 when the contact is used in the bookkeeping (has a sales
 *       invoice that is not a draft);</li>
 *   <li>{@code PATCH contacts/{id}/archive.json}: archived, 200 with the contact.</li>
 * </ul>
 */
final class MoneybirdContactChanges {

    /** The contact attributes Moneybird's contact update accepts (developer.moneybird.com/api/contacts). */
    static final Set<String> ATTRIBUTES = Set.of("company_name", "address1", "address2", "zipcode", "city", "country",
            "phone", "delivery_method", "customer_id", "tax_number", "firstname", "lastname", "chamber_of_commerce",
            "bank_account", "attention", "email", "email_ubl", "send_invoices_to_attention", "send_invoices_to_email",
            "send_estimates_to_attention", "send_estimates_to_email", "sepa_active", "sepa_iban",
            "sepa_iban_account_name", "sepa_bic", "sepa_mandate_id", "sepa_mandate_date", "sepa_sequence_type",
            "si_identifier_type", "si_identifier", "invoice_workflow_id", "estimate_workflow_id");

    private final Map<String, ObjectNode> contacts;
    private final Map<String, ObjectNode> invoices;
    private final Clock clock;

    MoneybirdContactChanges(Map<String, ObjectNode> contacts, Map<String, ObjectNode> invoices, Clock clock) {
        this.contacts = contacts;
        this.invoices = invoices;
        this.clock = clock;
    }

    Response patch(Request req, ObjectNode c) {
        JsonNode body;
        try {
            body = JSON.readTree(req.body());
        } catch (java.io.IOException e) {
            return mbError(400, "JSON is invalid");
        }
        JsonNode changes = body == null ? null : body.get("contact");
        if (changes == null || !changes.isObject()) {
            return mbError(400, "Parameter contact is missing");
        }
        for (var it = changes.fieldNames(); it.hasNext(); ) {
            String attribute = it.next();
            if (!ATTRIBUTES.contains(attribute)) {
                return invalid(attribute, "is not a known attribute");
            }
        }
        if (changes.has("country") && !changes.path("country").asText().matches("[A-Z]{2}")) {
            return invalid("country", "is not a valid ISO 3166-1 alpha-2 code");
        }
        synchronized (c) {
            ObjectNode after = c.deepCopy();
            after.setAll((ObjectNode) changes);
            if (blank(after, "company_name") && blank(after, "firstname") && blank(after, "lastname")) {
                return invalid("company_name", "can't be blank when firstname and lastname are blank");
            }
            c.setAll((ObjectNode) changes);
            touch(c);
            return json(200, c);
        }
    }

    Response delete(String id) {
        boolean booked = invoices.values().stream()
                .anyMatch(i -> i.path("contact_id").asText().equals(id) && !i.path("state").asText().equals("draft"));
        if (booked) {
            return mbError(422, "Contact is used in the bookkeeping and cannot be deleted");
        }
        invoices.values().removeIf(i -> i.path("contact_id").asText().equals(id));   // drafts go with it
        contacts.remove(id);
        return Response.empty(204);
    }

    Response archive(ObjectNode c) {
        synchronized (c) {
            c.put("archived", true);
            touch(c);
        }
        return json(200, c);
    }

    private void touch(ObjectNode c) {
        c.put("updated_at", clock.instant().toString());
        c.put("version", clock.instant().getEpochSecond());
    }

    private static boolean blank(ObjectNode c, String field) {
        return c.path(field).asText("").isBlank();
    }

    private static Response invalid(String attribute, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").putArray(attribute).add(message);
        return json(422, body);
    }
}
