package nl.dsrhub.demo;

import static nl.dsrhub.demo.SendCloudSimulator.ANNOUNCEMENT_FAILED;
import static nl.dsrhub.demo.SendCloudSimulator.CANCELLATION_REQUESTED;
import static nl.dsrhub.demo.SendCloudSimulator.CANCELLED;
import static nl.dsrhub.demo.SendCloudSimulator.DELIVERED;
import static nl.dsrhub.demo.SendCloudSimulator.JSON_TYPE;
import static nl.dsrhub.demo.SendCloudSimulator.NO_LABEL;
import static nl.dsrhub.demo.SendCloudSimulator.READY_TO_SEND;
import static nl.dsrhub.demo.SimulatorServer.JSON;
import static nl.dsrhub.demo.SimulatorServer.toJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.dsrhub.demo.SendCloudSimulator.Order;
import nl.dsrhub.demo.SendCloudSimulator.Parcel;
import nl.dsrhub.demo.SendCloudSimulator.Recipient;
import nl.dsrhub.demo.SimulatorServer.Request;
import nl.dsrhub.demo.SimulatorServer.Response;

/**
 * The calls that change data in the simulated SendCloud (each counted against the write limit by the simulator):
 * <ul>
 *   <li>{@code POST /api/v2/parcels/{id}/cancel}: as {@link SendCloudSimulator} describes;</li>
 *   <li>{@code PUT /api/v2/parcels} ({@code sc-public-v2-scp-put-update_a_parcel}) with {@code {"parcel": {"id",
 *       "name", "address", "house_number", "postal_code", "city", "country", "telephone", "email"}}}: 200
 *       {@code {"parcel": [{…}]}} while the parcel has no label (not announced, or its announcement failed);
 *       "once a parcel is announced and a label is created, it's not possible to make further changes via this
 *       endpoint", so then 400 in v2's error shape (<b>the spec gives no status for that case</b>: 400 is the
 *       simulator's choice); 404 for an unknown parcel;</li>
 *   <li>{@code PATCH /api/v3/orders/{id}} ({@code sc-public-v3-orders-patch-partial_update_order}):
 *       {@code customer_details}, {@code shipping_address}, {@code billing_address} merged field by field (the
 *       partial-update schema's {@code customer_details.phone} is kept as the order's {@code phone_number}); 200
 *       {@code {"data": {id, order_id, order_number}}}; 400 {@code {errors: [{status, code: "invalid", title,
 *       detail, source: {pointer}}]}}; 404.</li>
 * </ul>
 */
final class SendCloudWrites {

    private static final Duration CANCEL_PERIOD = Duration.ofDays(42);
    private static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    private static final Set<String> SECTIONS = Set.of("customer_details", "shipping_address", "billing_address");
    private static final Set<String> NOT_EMPTY = Set.of("name", "postal_code", "city", "country_code");
    private static final Pattern STREET_AND_NUMBER = Pattern.compile("^(.*\\S)\\s+(\\d+\\S*)$");

    private final Map<Long, Parcel> parcels;
    private final Supplier<Clock> clock;
    /** order id → the sections a PATCH changed, laid over the order as seeded. */
    private final Map<Long, ObjectNode> orderChanges = new ConcurrentHashMap<>();

    SendCloudWrites(Map<Long, Parcel> parcels, Supplier<Clock> clock) {
        this.parcels = parcels;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ v2 parcels

    Response cancel(Parcel p) {
        synchronized (parcels) {
            int s = p.statusId();
            if (s == CANCELLED || s == CANCELLATION_REQUESTED) {
                return SendCloudJson.cancelStatus(400, "failed", "Parcel has already been cancelled.");
            }
            if (s == DELIVERED) {
                return SendCloudJson.cancelStatus(400, "failed", "Delivered parcels can no longer be cancelled.");
            }
            if (s == ANNOUNCEMENT_FAILED) {
                parcels.remove(p.id());
                return SendCloudJson.cancelStatus(410, "deleted", "Parcel has been deleted");
            }
            if (p.announcedAt() == null || s == NO_LABEL) {
                parcels.remove(p.id());
                return SendCloudJson.cancelStatus(200, "deleted", "Parcel has been deleted");
            }
            if (p.announcedAt().plus(CANCEL_PERIOD).isBefore(clock.get().instant())) {
                return SendCloudJson.cancelStatus(400, "failed",
                        "Parcels announced more than 42 days ago can no longer be cancelled.");
            }
            if (s == READY_TO_SEND) {
                parcels.put(p.id(), p.withStatus(CANCELLATION_REQUESTED));
                return SendCloudJson.cancelStatus(202, "queued", "Parcel cancellation has been queued");
            }
            parcels.put(p.id(), p.withStatus(CANCELLED));
            return SendCloudJson.cancelStatus(200, "cancelled", "Parcel has been cancelled");
        }
    }

    Response updateParcel(Request req) {
        JsonNode body = body(req);
        JsonNode changes = body == null ? null : body.get("parcel");
        if (changes == null || !changes.isObject()) {
            return SendCloudJson.error(400, "The request body needs a parcel object.", req);
        }
        if (!changes.path("id").canConvertToLong()) {
            return SendCloudJson.error(400, "parcel.id: This field is required.", req);
        }
        String invalid = invalidParcelFields(changes);
        if (invalid != null) {
            return SendCloudJson.error(400, invalid, req);
        }
        synchronized (parcels) {
            Parcel p = parcels.get(changes.path("id").asLong());
            if (p == null) {
                return SendCloudJson.error(404, "No Parcel matches the given query.", req);
            }
            boolean labelled = p.announcedAt() != null && p.statusId() != NO_LABEL && p.statusId() != ANNOUNCEMENT_FAILED;
            if (labelled) {
                // the spec says such a parcel cannot be changed, but gives no status for it: 400 is our choice
                return SendCloudJson.error(400, "Once a parcel is announced and a label is created, it's not"
                        + " possible to make further changes via this endpoint.", req);
            }
            Parcel changed = p.withRecipient(recipient(p.to(), changes));
            parcels.put(p.id(), changed);
            ObjectNode answer = JSON.createObjectNode();
            answer.putArray("parcel").add(SendCloudJson.parcelJson(changed));
            return Response.of(200, JSON_TYPE, toJson(answer));
        }
    }

    private static String invalidParcelFields(JsonNode changes) {
        if (changes.has("email") && !changes.path("email").asText().matches(EMAIL)) {
            return "parcel.email: Enter a valid email address.";
        }
        if (changes.has("country") && !changes.path("country").asText().matches("[A-Z]{2}")) {
            return "parcel.country: Select a valid choice.";
        }
        for (String f : new String[] {"name", "address", "postal_code", "city"}) {
            if (changes.has(f) && changes.path(f).asText().isBlank()) {
                return "parcel." + f + ": This field may not be blank.";
            }
        }
        return null;
    }

    private static Recipient recipient(Recipient r, JsonNode c) {
        String street = r.street();
        String number = r.houseNumber();
        if (c.has("address")) {
            street = c.path("address").asText().trim();
            Matcher m = STREET_AND_NUMBER.matcher(street);
            if (!c.has("house_number") && m.matches()) {   // SendCloud splits "Stadhuisplein 10" itself
                street = m.group(1);
                number = m.group(2);
            }
        }
        if (c.has("house_number")) {
            number = c.path("house_number").asText().trim();
        }
        return new Recipient(text(c, "name", r.name()), street, number, text(c, "postal_code", r.postalCode()),
                text(c, "city", r.city()), text(c, "country", r.countryCode()), text(c, "email", r.email()),
                text(c, "telephone", r.phone()));
    }

    // ------------------------------------------------------------------ v3 orders

    Response patchOrder(Request req, Order order) {
        JsonNode body = body(req);
        if (body == null || !body.isObject()) {
            return invalidOrder("The request body must be a JSON object.", "order");
        }
        for (String section : SECTIONS) {
            JsonNode s = body.get(section);
            if (s == null) {
                continue;
            }
            if (!s.isObject()) {
                return invalidOrder("Expected an object.", "order/" + section);
            }
            for (var it = s.fields(); it.hasNext(); ) {
                var f = it.next();
                boolean badEmail = f.getKey().equals("email") && !f.getValue().asText().matches(EMAIL);
                if (badEmail || NOT_EMPTY.contains(f.getKey()) && f.getValue().asText().isBlank()) {
                    return invalidOrder("Invalid value.", "order/" + section + "/" + f.getKey());
                }
            }
        }
        ObjectNode changes = orderChanges.computeIfAbsent(order.id(), k -> JSON.createObjectNode());
        synchronized (changes) {
            for (String section : SECTIONS) {
                JsonNode s = body.get(section);
                if (s != null) {
                    ObjectNode to = changes.withObject("/" + section);
                    s.fields().forEachRemaining(f -> to.set(
                            section.equals("customer_details") && f.getKey().equals("phone") ? "phone_number" : f.getKey(),
                            f.getValue()));
                }
            }
            changes.put("modified_at", clock.get().instant().toString());
        }
        ObjectNode data = JSON.createObjectNode();
        data.putObject("data").put("id", order.id()).put("order_id", order.shopOrderId())
                .put("order_number", order.orderNumber());
        return Response.of(200, JSON_TYPE, toJson(data));
    }

    /** The order as the API answers it, with what PATCHes changed. */
    ObjectNode orderJson(Order order) {
        ObjectNode n = SendCloudJson.orderJson(order);
        ObjectNode changes = orderChanges.get(order.id());
        if (changes != null) {
            synchronized (changes) {
                changes.fields().forEachRemaining(f -> {
                    if (f.getValue().isObject()) {
                        n.withObject("/" + f.getKey()).setAll((ObjectNode) f.getValue().deepCopy());
                    } else {
                        n.set(f.getKey(), f.getValue());
                    }
                });
            }
        }
        return n;
    }

    void forgetOrder(long id) {
        orderChanges.remove(id);
    }

    private static Response invalidOrder(String detail, String pointer) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode e = root.putArray("errors").addObject();
        e.put("status", "400");
        e.put("code", "invalid");
        e.put("title", "Invalid");
        e.put("detail", detail);
        e.putObject("source").put("pointer", pointer);
        return Response.of(400, JSON_TYPE, toJson(root));
    }

    private static JsonNode body(Request req) {
        try {
            return JSON.readTree(req.body());
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String text(JsonNode c, String field, String current) {
        return c.has(field) ? c.path(field).asText().trim() : current;
    }
}
