package nl.dsrhub.demo;

import static nl.dsrhub.demo.SimulatorServer.JSON;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import nl.dsrhub.demo.MollieSimulator.Customer;
import nl.dsrhub.demo.MollieSimulator.Mandate;
import nl.dsrhub.demo.MollieSimulator.Payment;
import nl.dsrhub.demo.MollieSimulator.Subscription;
import nl.dsrhub.demo.SimulatorServer.Response;

/**
 * The simulated Mollie API's resources as {@code application/hal+json}, in the spec's shapes: customer, payment,
 * mandate and subscription with their {@code _links}, and Mollie's error body.
 */
final class MollieJson {

    static final String HAL = "application/hal+json";
    static final String DOCS = "https://docs.mollie.com/reference/";
    private static final String ORG = "org_1234567";
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private final Supplier<String> baseUrl;
    private final Supplier<String> mode;

    /**
     * @param baseUrl the simulator's API root, asked for each link (the port is known only once started)
     * @param mode    {@code live} or {@code test}, after the API key in use
     */
    MollieJson(Supplier<String> baseUrl, Supplier<String> mode) {
        this.baseUrl = baseUrl;
        this.mode = mode;
    }

    ObjectNode customerJson(Customer c) {
        ObjectNode n = JSON.createObjectNode();
        n.put("resource", "customer");
        n.put("id", c.id());
        n.put("mode", mode.get());
        n.put("name", c.name());
        n.put("email", c.email());
        n.put("locale", c.locale());
        n.set("metadata", c.metadata() == null ? null : JSON.valueToTree(c.metadata()));
        n.put("createdAt", ts(c.createdAt()));
        ObjectNode l = n.putObject("_links");
        String self = baseUrl.get() + "/customers/" + c.id();
        link(l, "self", self, HAL);
        link(l, "dashboard", "https://my.mollie.com/dashboard/" + ORG + "/customers/" + c.id(), "text/html");
        link(l, "payments", self + "/payments", HAL);
        link(l, "mandates", self + "/mandates", HAL);
        link(l, "subscriptions", self + "/subscriptions", HAL);
        link(l, "documentation", DOCS + "get-customer", "text/html");
        return n;
    }

    ObjectNode paymentJson(Payment p) {
        ObjectNode n = JSON.createObjectNode();
        n.put("resource", "payment");
        n.put("id", p.id());
        n.put("mode", mode.get());
        n.put("createdAt", ts(p.createdAt()));
        amount(n.putObject("amount"), p.currency(), p.value());
        n.put("description", p.description());
        n.put("method", p.method());
        n.set("metadata", p.metadata() == null ? null : JSON.valueToTree(p.metadata()));
        n.put("status", p.status());
        if ("paid".equals(p.status())) {
            n.put("paidAt", ts(p.createdAt().plusSeconds(47)));
            amount(n.putObject("amountRefunded"), p.currency(), "0.00");
            amount(n.putObject("amountRemaining"), p.currency(), p.value());
        }
        n.put("isCancelable", false);
        n.put("locale", "nl_NL");
        n.put("countryCode", "NL");
        n.put("profileId", MollieSimulator.PROFILE_ID);
        n.put("sequenceType", "oneoff");
        n.put("redirectUrl", "https://shop.example.nl/checkout/order-received/");
        n.put("webhookUrl", "https://shop.example.nl/wc-api/mollie_return");
        if (p.customerId() != null) {
            n.put("customerId", p.customerId());
        }
        if (p.consumerName() != null) {
            ObjectNode d = n.putObject("details");
            d.put("consumerName", p.consumerName());
            d.put("consumerAccount", p.consumerAccount());
            d.put("consumerBic", "INGBNL2A");
        }
        ObjectNode l = n.putObject("_links");
        link(l, "self", baseUrl.get() + "/payments/" + p.id(), HAL);
        link(l, "dashboard", "https://my.mollie.com/dashboard/" + ORG + "/payments/" + p.id(), "text/html");
        if (p.customerId() != null) {
            link(l, "customer", baseUrl.get() + "/customers/" + p.customerId(), HAL);
        }
        link(l, "documentation", DOCS + "get-payment", "text/html");
        return n;
    }

    ObjectNode mandateJson(Mandate m) {
        ObjectNode n = JSON.createObjectNode();
        n.put("resource", "mandate");
        n.put("id", m.id());
        n.put("mode", mode.get());
        n.put("status", m.status());
        n.put("method", m.method());
        ObjectNode d = n.putObject("details");
        d.put("consumerName", m.consumerName());
        d.put("consumerAccount", m.consumerAccount());
        d.put("consumerBic", m.consumerBic());
        n.put("mandateReference", m.reference());
        n.put("signatureDate", m.signatureDate().toString());
        n.put("customerId", m.customerId());
        n.putArray("scopes").add("customer-not-present");
        n.put("createdAt", ts(m.createdAt()));
        ObjectNode l = n.putObject("_links");
        link(l, "self", baseUrl.get() + "/customers/" + m.customerId() + "/mandates/" + m.id(), HAL);
        link(l, "customer", baseUrl.get() + "/customers/" + m.customerId(), HAL);
        link(l, "documentation", DOCS + "get-mandate", "text/html");
        return n;
    }

    ObjectNode subscriptionJson(Subscription s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("resource", "subscription");
        n.put("id", s.id());
        n.put("mode", mode.get());
        n.put("createdAt", ts(s.createdAt()));
        n.put("status", s.status());
        amount(n.putObject("amount"), s.currency(), s.value());
        n.put("description", s.description());
        n.put("method", s.method());
        n.putNull("times");
        n.putNull("timesRemaining");
        n.put("interval", s.interval());
        n.put("startDate", s.startDate().toString());
        if (s.canceledAt() == null) {
            n.put("nextPaymentDate", nextPaymentDate(s).toString());
        } else {
            n.put("canceledAt", ts(s.canceledAt()));
        }
        n.put("webhookUrl", "https://shop.example.nl/wc-api/mollie_subscription");
        n.putNull("metadata");
        n.put("customerId", s.customerId());
        if (s.mandateId() != null) {
            n.put("mandateId", s.mandateId());
        }
        n.put("profileId", MollieSimulator.PROFILE_ID);
        ObjectNode l = n.putObject("_links");
        link(l, "self", baseUrl.get() + "/customers/" + s.customerId() + "/subscriptions/" + s.id(), HAL);
        link(l, "customer", baseUrl.get() + "/customers/" + s.customerId(), HAL);
        if (s.mandateId() != null) {
            link(l, "mandate", baseUrl.get() + "/customers/" + s.customerId() + "/mandates/" + s.mandateId(), HAL);
        }
        link(l, "profile", baseUrl.get() + "/profiles/" + MollieSimulator.PROFILE_ID, HAL);
        link(l, "documentation", DOCS + "get-subscription", "text/html");
        return n;
    }

    /** The first monthly date on or after today (intervals other than months are approximated monthly). */
    private static LocalDate nextPaymentDate(Subscription s) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate d = s.startDate();
        while (d.isBefore(today)) {
            d = d.plusMonths(1);
        }
        return d;
    }

    private static void amount(ObjectNode n, String currency, String value) {
        n.put("value", value);
        n.put("currency", currency);
    }

    static void link(ObjectNode links, String rel, String href, String type) {
        links.putObject(rel).put("href", href).put("type", type);
    }

    static String ts(Instant i) {
        return TS.format(i.atOffset(ZoneOffset.UTC));
    }

    static Response hal(int status, ObjectNode body) {
        return Response.of(status, HAL, SimulatorServer.toJson(body));
    }

    static Response halError(int status, String title, String detail, String field, String docs) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("title", title);
        body.put("detail", detail);
        if (field != null) {
            body.put("field", field);
        }
        body.put("_links", Map.of("documentation", Map.of("href", docs, "type", "text/html")));
        return Response.of(status, HAL, SimulatorServer.toJson(JSON.valueToTree(body)));
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized Request";
            case 404 -> "Not Found";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }
}
