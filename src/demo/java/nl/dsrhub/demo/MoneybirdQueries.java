package nl.dsrhub.demo;

import static nl.dsrhub.demo.MoneybirdSimulator.MAX_PER_PAGE;
import static nl.dsrhub.demo.MoneybirdSimulator.mbError;
import static nl.dsrhub.demo.SimulatorServer.JSON;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import nl.dsrhub.demo.SimulatorServer.Request;
import nl.dsrhub.demo.SimulatorServer.Response;

/** How the simulated Moneybird finds and pages: the contacts' {@code query}, the invoices' {@code filter}, paging. */
final class MoneybirdQueries {

    private MoneybirdQueries() {
    }

    static boolean matches(ObjectNode c, String lowerQuery) {
        for (String f : List.of("company_name", "firstname", "lastname", "email", "address1", "address2", "zipcode",
                "city", "phone", "customer_id", "attention", "send_invoices_to_email")) {
            if (c.path(f).asText().toLowerCase(Locale.ROOT).contains(lowerQuery)) {
                return true;
            }
        }
        return (c.path("firstname").asText() + " " + c.path("lastname").asText()).toLowerCase(Locale.ROOT).contains(lowerQuery);
    }

    /** Moneybird filter syntax {@code key:value,key:value}; supported keys {@code contact_id} and {@code state}. */
    static Optional<Predicate<ObjectNode>> invoiceFilter(String filter) {
        Predicate<ObjectNode> p = i -> true;
        if (filter == null || filter.isBlank()) {
            return Optional.of(p);
        }
        Map<String, String> parts = new HashMap<>();
        for (String part : filter.split(",")) {
            int colon = part.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            parts.put(part.substring(0, colon).trim(), part.substring(colon + 1).trim());
        }
        for (Map.Entry<String, String> e : parts.entrySet()) {
            String v = e.getValue();
            switch (e.getKey()) {
                case "contact_id" -> p = p.and(i -> i.path("contact_id").asText().equals(v));
                case "state" -> {
                    List<String> states = List.of(v.split("\\|"));
                    p = p.and(i -> states.contains("all") || states.contains(i.path("state").asText()));
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(p);
    }

    static Response page(Request req, List<ObjectNode> all) {
        int perPage;
        int page;
        try {
            perPage = Integer.parseInt(req.param("per_page", String.valueOf(MAX_PER_PAGE)));
            page = Integer.parseInt(req.param("page", "1"));
        } catch (NumberFormatException e) {
            return mbError(400, "Pagination parameters are invalid");
        }
        if (perPage < 1 || perPage > MAX_PER_PAGE || page < 1) {
            return mbError(400, "Pagination parameters are invalid");
        }
        ArrayNode arr = JSON.createArrayNode();
        all.stream().skip((long) (page - 1) * perPage).limit(perPage).forEach(n -> arr.add(n.deepCopy()));
        return MoneybirdSimulator.json(200, arr);
    }
}
