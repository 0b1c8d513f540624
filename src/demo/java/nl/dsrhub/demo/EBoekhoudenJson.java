package nl.dsrhub.demo;

import static nl.dsrhub.demo.SimulatorServer.JSON;
import static nl.dsrhub.demo.SimulatorServer.toJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import nl.dsrhub.demo.SimulatorServer.Request;
import nl.dsrhub.demo.SimulatorServer.Response;

/**
 * The simulated e-Boekhouden API's bodies: a private relation and an invoice as the API returns them, a list page,
 * a relation's PATCH, and the error shape.
 */
final class EBoekhoudenJson {

    private EBoekhoudenJson() {
    }

    /** A private ({@code P}) relation for the person. */
    static ObjectNode relation(int id, String code, DemoPeople.Person p, LocalDate date) {
        ObjectNode r = JSON.createObjectNode();
        r.put("id", id);
        r.put("type", "P");
        r.put("code", code);
        r.put("date", date.toString());
        r.put("name", p.name());
        r.put("contact", p.name());
        r.put("gender", "");
        r.put("salutation", "");
        DemoPeople.Address a = p.address();
        r.put("address", a == null ? "" : a.street());
        r.put("postalCode", a == null ? "" : a.postcode());
        r.put("city", a == null ? "" : a.city());
        r.put("country", a == null ? "" : a.country());
        r.put("phoneNumber", p.phone() == null ? "" : p.phone());
        r.put("mobilePhoneNumber", "");
        r.put("emailAddress", p.email());
        r.put("emailAddressInvoice", p.email());
        r.put("emailAddressReminder", "");
        r.put("website", "");
        r.put("note", "");
        r.put("iban", "");
        r.put("bic", "");
        r.put("vatNumber", "");
        r.put("companyRegistrationNumber", "");
        r.put("termOfPayment", 14);
        r.put("inactive", false);
        return r;
    }

    /** An invoice of the relation; {@code lines}: description → price incl. 21% VAT. */
    static ObjectNode invoice(int id, int relationId, String invoiceNumber, LocalDate date, Map<String, String> lines) {
        ObjectNode inv = JSON.createObjectNode();
        inv.put("id", id);
        inv.put("invoiceNumber", invoiceNumber);
        inv.put("relationId", relationId);
        inv.put("date", date.toString());
        inv.put("termOfPayment", 14);
        BigDecimal total = BigDecimal.ZERO;
        ArrayNode items = inv.putArray("items");
        for (Map.Entry<String, String> l : lines.entrySet()) {
            BigDecimal price = new BigDecimal(l.getValue());
            total = total.add(price);
            ObjectNode it = items.addObject();
            it.put("description", l.getKey());
            it.put("quantity", 1);
            it.put("pricePerUnitInclVat", price.toPlainString());
            it.put("vatCode", "HOOG_VERK_21");
            it.put("ledgerId", 8000);
        }
        BigDecimal excl = total.multiply(new BigDecimal("100")).divide(new BigDecimal("121"), 2, RoundingMode.HALF_UP);
        inv.put("totalExclVat", excl.toPlainString());
        inv.put("totalVat", total.subtract(excl).setScale(2, RoundingMode.HALF_UP).toPlainString());
        inv.put("totalInclVat", total.setScale(2, RoundingMode.HALF_UP).toPlainString());
        return inv;
    }

    /**
     * A PATCH of a relation: only {@link EBoekhoudenSimulator#PATCHABLE} fields, {@code name} always present, a
     * {@code null} clears a field (e-Boekhouden keeps it as an empty string).
     */
    static Response patch(Request req, ObjectNode relation) {
        JsonNode body;
        try {
            body = JSON.readTree(req.body() == null ? "" : req.body());
        } catch (IOException e) {
            return ebError(400, "INVALID_JSON", "The request body is not valid JSON.");
        }
        if (body == null || !body.isObject()) {
            return ebError(400, "INVALID_JSON", "The request body must be a JSON object.");
        }
        for (var it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!EBoekhoudenSimulator.PATCHABLE.contains(f)) {
                return ebError(400, "INVALID_FIELD", "Unknown field: " + f);
            }
        }
        if (!body.path("name").isTextual() || body.path("name").asText().isBlank()) {
            return ebError(400, "RELATION_NAME_REQUIRED", "Name is required.");
        }
        if (body.has("inactive") && !body.get("inactive").isBoolean()) {
            return ebError(400, "INVALID_FIELD", "inactive must be a boolean.");
        }
        synchronized (relation) {
            body.fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                if (v.isNull()) {
                    relation.put(e.getKey(), "");
                } else {
                    relation.set(e.getKey(), v.deepCopy());
                }
            });
        }
        return Response.empty(204);
    }

    /** A page of {@code all} by {@code limit} (1..2000) and {@code offset}, as {@code {items, count}}. */
    static Response list(Request req, List<ObjectNode> all) {
        int limit;
        int offset;
        try {
            limit = Integer.parseInt(req.param("limit", "100"));
            offset = Integer.parseInt(req.param("offset", "0"));
        } catch (NumberFormatException e) {
            return ebError(400, "INVALID_PARAMETER", "limit and offset must be numbers.");
        }
        if (limit < 1 || limit > 2000 || offset < 0) {
            return ebError(400, "INVALID_PARAMETER", "limit must be 1..2000 and offset >= 0.");
        }
        ObjectNode out = JSON.createObjectNode();
        ArrayNode items = out.putArray("items");
        all.stream().skip(offset).limit(limit).forEach(n -> {
            synchronized (n) {
                items.add(n.deepCopy());
            }
        });
        out.put("count", all.size());
        return json(200, out);
    }

    static Response ebError(int status, String code, String title) {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("code", code);
        return json(status, body);
    }

    static Response json(int status, JsonNode body) {
        return Response.of(status, EBoekhoudenSimulator.CONTENT_TYPE, toJson(body));
    }
}
