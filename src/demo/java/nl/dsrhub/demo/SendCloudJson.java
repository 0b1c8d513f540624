package nl.dsrhub.demo;

import static nl.dsrhub.demo.SendCloudSimulator.JSON_TYPE;
import static nl.dsrhub.demo.SimulatorServer.JSON;
import static nl.dsrhub.demo.SimulatorServer.toJson;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import nl.dsrhub.demo.SendCloudSimulator.Item;
import nl.dsrhub.demo.SendCloudSimulator.Order;
import nl.dsrhub.demo.SendCloudSimulator.Parcel;
import nl.dsrhub.demo.SendCloudSimulator.Recipient;
import nl.dsrhub.demo.SimulatorServer.Request;
import nl.dsrhub.demo.SimulatorServer.Response;

/**
 * The simulated SendCloud API's bodies, in the spec's shapes: a v2 parcel, a v3 order, the answer to a cancel, and
 * the errors of both versions (v2 and v3 differ).
 */
final class SendCloudJson {

    private static final DateTimeFormatter V2_TS = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss");
    private static final ZoneId NL = ZoneId.of("Europe/Amsterdam");

    private SendCloudJson() {
    }

    /** An error in the shape of the API version asked: v3's {@code errors} array or v2's {@code error} object. */
    static Response error(int status, String detail, Request request) {
        String api = request.apiPath();
        if (api != null && api.startsWith("/v3/")) {
            ObjectNode root = JSON.createObjectNode();
            ObjectNode e = root.putArray("errors").addObject();
            e.put("status", String.valueOf(status));
            e.put("code", v3Code(status));
            e.put("title", title(status));
            e.put("detail", detail);
            return Response.of(status, JSON_TYPE, toJson(root));
        }
        ObjectNode root = JSON.createObjectNode();
        ObjectNode e = root.putObject("error");
        e.put("code", status);
        e.put("request", request.path().startsWith("/") ? request.path().substring(1) : request.path());
        e.put("message", detail);
        return Response.of(status, JSON_TYPE, toJson(root));
    }

    /** The answer to a cancel request: its HTTP status, SendCloud's own status word and message. */
    static Response cancelStatus(int http, String status, String message) {
        ObjectNode n = JSON.createObjectNode();
        n.put("status", status);
        n.put("message", message);
        return Response.of(http, JSON_TYPE, toJson(n));
    }

    static ObjectNode parcelJson(Parcel p) {
        Recipient r = p.to();
        ObjectNode n = JSON.createObjectNode();
        n.put("id", p.id());
        n.put("name", r.name());
        n.put("company_name", "");
        n.put("address", r.street() + " " + r.houseNumber());
        n.put("address_2", "");
        n.putObject("address_divided").put("street", r.street()).put("house_number", r.houseNumber());
        n.put("city", r.city());
        n.put("postal_code", r.postalCode());
        n.putObject("country").put("iso_2", r.countryCode()).put("iso_3", "NL".equals(r.countryCode()) ? "NLD" : "")
                .put("name", "NL".equals(r.countryCode()) ? "Netherlands" : r.countryCode());
        n.put("email", r.email());
        n.put("telephone", r.phone() == null ? "" : r.phone());
        n.put("order_number", p.orderNumber());
        n.putNull("external_reference");
        n.put("reference", "0");
        n.put("date_created", v2ts(p.createdAt()));
        n.put("date_updated", v2ts(p.announcedAt() == null ? p.createdAt() : p.announcedAt()));
        if (p.announcedAt() != null) {
            n.put("date_announced", v2ts(p.announcedAt()));
            n.put("tracking_number", p.trackingNumber());
            n.put("tracking_url", "https://tracking.sendcloud.sc/forward?carrier=postnl&code=" + p.trackingNumber()
                    + "&destination=NL&lang=nl&source=NL&type=parcel&verification=" + r.postalCode().replace(" ", ""));
        }
        n.putObject("status").put("id", p.statusId()).put("message", SendCloudSimulator.statusMessage(p.statusId()));
        n.putObject("carrier").put("code", "postnl");
        n.putObject("shipment").put("id", 8).put("name", "PostNL Standard 0-23kg");
        n.put("shipping_method_checkout_name", "PostNL");
        n.put("weight", "1.000");
        n.put("insured_value", 0);
        n.put("total_insured_value", 0);
        n.put("total_order_value", p.orderValue().setScale(2).toPlainString());
        n.put("total_order_value_currency", "EUR");
        n.put("is_return", false);
        n.put("collo_nr", 0);
        n.put("collo_count", 1);
        n.putObject("label");
        n.putArray("documents");
        n.putArray("parcel_items");
        n.putObject("data");
        n.putNull("note");
        return n;
    }

    static ObjectNode orderJson(Order o) {
        Recipient c = o.customer();
        ObjectNode n = JSON.createObjectNode();
        n.put("id", String.valueOf(o.id()));
        n.put("order_id", o.shopOrderId());
        n.put("order_number", o.orderNumber());
        n.put("created_at", o.createdAt().toString());
        n.put("modified_at", o.createdAt().toString());
        ObjectNode d = n.putObject("order_details");
        d.putObject("integration").put("id", 739283);
        d.putObject("status").put("code", o.statusCode())
                .put("message", Character.toUpperCase(o.statusCode().charAt(0)) + o.statusCode().substring(1));
        d.put("order_created_at", o.createdAt().toString());
        d.put("order_updated_at", o.createdAt().toString());
        ArrayNode items = d.putArray("order_items");
        for (Item i : o.items()) {
            ObjectNode it = items.addObject();
            it.put("name", i.name());
            it.put("quantity", i.quantity());
            it.putObject("unit_price").put("value", i.unitPrice()).put("currency", "EUR");
            it.putObject("total_price").put("value", i.unitPrice().multiply(BigDecimal.valueOf(i.quantity())))
                    .put("currency", "EUR");
        }
        ObjectNode pay = n.putObject("payment_details");
        pay.putObject("total_price").put("value", o.total()).put("currency", "EUR");
        pay.putObject("status").put("code", "paid").put("message", "Paid");
        ObjectNode cust = n.putObject("customer_details");
        cust.put("name", c.name());
        cust.put("email", c.email());
        if (c.phone() != null) {
            cust.put("phone_number", c.phone());
        }
        n.set("billing_address", address(c));
        n.set("shipping_address", address(c));
        return n;
    }

    private static ObjectNode address(Recipient r) {
        ObjectNode a = JSON.createObjectNode();
        a.put("name", r.name());
        a.put("address_line_1", r.street());
        a.put("house_number", r.houseNumber());
        a.put("postal_code", r.postalCode());
        a.put("city", r.city());
        a.put("country_code", r.countryCode());
        a.put("email", r.email());
        if (r.phone() != null) {
            a.put("phone_number", r.phone());
        }
        return a;
    }

    static ObjectNode wrap(String field, ObjectNode inner) {
        ObjectNode n = JSON.createObjectNode();
        n.set(field, inner);
        return n;
    }

    private static String v2ts(Instant i) {
        return V2_TS.format(i.atZone(NL));
    }

    private static String v3Code(int status) {
        return switch (status) {
            case 401 -> "authentication_failed";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 400, 422 -> "validation_error";
            case 429 -> "throttled";
            default -> "unknown_error";
        };
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Invalid username/password.";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 429 -> "Too many requests";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Internal server error" : "Error";
        };
    }
}
