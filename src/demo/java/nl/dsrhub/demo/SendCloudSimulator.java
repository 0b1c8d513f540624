package nl.dsrhub.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Simulates SendCloud's API v2 parcels and API v3 orders on one server (base path {@code /api}), following
 * {@code ../shared/specs/sendcloud-v2-parcels-openapi.yaml} and {@code sendcloud-v3-orders-openapi.yaml}:
 * <ul>
 *   <li>{@code GET /api/v2/parcels/{id}} → 200 {@code {parcel: {...}}} / 404;</li>
 *   <li>{@code POST /api/v2/parcels/{id}/cancel} → per the spec: 200 {@code cancelled} (announced parcel),
 *       202 {@code queued} (status 1000 ready to send), 200 {@code deleted} (not announced: gone),
 *       410 {@code deleted} (announcement failed, 1002), 400 {@code failed} (already cancelled, delivered, or
 *       announced more than 42 days ago), 404;</li>
 *   <li>{@code GET /api/v3/orders/{id}} → 200 {@code {data: {...}}} / 404 {@code {errors:[...]}};</li>
 *   <li>{@code DELETE /api/v3/orders/{id}} → 204, then 404.</li>
 * </ul>
 * Auth: HTTP Basic {@code public_key:secret_key}, else 401. At most {@value #DEFAULT_WRITE_LIMIT} write
 * requests (any method but GET/HEAD) per rolling minute ({@link #setWriteLimit(int, Duration)}); more get 429
 * with {@code Retry-After} (seconds). Errors: v2 {@code {error: {code, request, message}}}, v3
 * {@code {errors: [{status, code, title, detail}]}}.
 */
public class SendCloudSimulator extends SimulatorServer {

    public static final String BASE_PATH = "/api";
    public static final int DEFAULT_WRITE_LIMIT = 100;
    static final String JSON_TYPE = "application/json";
    private static final Duration CANCEL_PERIOD = Duration.ofDays(42);
    private static final DateTimeFormatter V2_TS = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss");
    private static final ZoneId NL = ZoneId.of("Europe/Amsterdam");

    private static final Pattern PARCEL = Pattern.compile("/v2/parcels/([^/]+)(/cancel)?/?");
    private static final Pattern ORDER = Pattern.compile("/v3/orders/([^/]+)/?");

    /** Parcel status ids SendCloud uses. */
    public static final int ANNOUNCED = 1;
    public static final int EN_ROUTE = 3;
    public static final int DELIVERED = 11;
    public static final int NO_LABEL = 999;
    public static final int READY_TO_SEND = 1000;
    public static final int ANNOUNCEMENT_FAILED = 1002;
    public static final int CANCELLATION_REQUESTED = 1999;
    public static final int CANCELLED = 2000;

    /** Recipient of a parcel or order. */
    public record Recipient(String name, String street, String houseNumber, String postalCode, String city,
                            String countryCode, String email, String phone) {
    }

    /** An order line. */
    public record Item(String name, int quantity, BigDecimal unitPrice) {
    }

    /**
     * A parcel as seeded. {@code announcedAt} {@code null} means not announced (no label).
     */
    public record Parcel(long id, String orderNumber, Recipient to, String trackingNumber, int statusId,
                         Instant createdAt, Instant announcedAt, BigDecimal orderValue) {
        Parcel withStatus(int s) {
            return new Parcel(id, orderNumber, to, trackingNumber, s, createdAt, announcedAt, orderValue);
        }
    }

    /** A v3 order. */
    public record Order(long id, String shopOrderId, String orderNumber, Recipient customer, List<Item> items,
                        BigDecimal total, Instant createdAt) {
    }

    private final Map<Long, Parcel> parcels = new ConcurrentHashMap<>();
    private final Map<Long, Order> orders = new ConcurrentHashMap<>();
    private final Map<Long, Long> orderOfParcel = new ConcurrentHashMap<>();
    private final AtomicLong orderIds = new AtomicLong(48_230_000);
    private final Deque<Instant> writes = new ArrayDeque<>();   // guarded by itself
    private volatile String publicKey;
    private volatile String secretKey;
    private volatile int writeLimit = DEFAULT_WRITE_LIMIT;
    private volatile Duration writeWindow = Duration.ofMinutes(1);
    private volatile Clock clock = Clock.systemUTC();

    public SendCloudSimulator(String publicKey, String secretKey) {
        super("sendcloud", BASE_PATH);
        setCredentials(publicKey, secretKey);
    }

    @Override
    public SendCloudSimulator start() {
        super.start();
        return this;
    }

    public void setCredentials(String publicKey, String secretKey) {
        this.publicKey = Objects.requireNonNull(publicKey);
        this.secretKey = Objects.requireNonNull(secretKey);
    }

    /** At most {@code count} write requests per rolling {@code window} (default 100 per minute). */
    public void setWriteLimit(int count, Duration window) {
        if (count < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("count >= 1 and a positive window expected");
        }
        synchronized (writes) {
            this.writeLimit = count;
            this.writeWindow = window;
            writes.clear();
        }
    }

    /** The clock of the 42-day cancellation rule and the write window (default: system UTC). */
    public void setClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
    }

    public Clock clock() {
        return clock;
    }

    /** {@code http://127.0.0.1:PORT/api/v2}. */
    public String v2Url() {
        return baseUrl() + "/v2";
    }

    /** {@code http://127.0.0.1:PORT/api/v3}. */
    public String v3Url() {
        return baseUrl() + "/v3";
    }

    // ------------------------------------------------------------------ seeding and inspection

    public void addParcel(Parcel p) {
        parcels.put(p.id(), p);
    }

    /** Adds a v3 order; with a parcel id, {@link #orderIdFor(String)} finds it. Returns the order's id. */
    public long addOrder(String parcelId, String shopOrderId, String orderNumber, Recipient customer,
                         List<Item> items, BigDecimal total, Instant createdAt) {
        long id = orderIds.incrementAndGet();
        orders.put(id, new Order(id, shopOrderId, orderNumber, customer, List.copyOf(items), total, createdAt));
        if (parcelId != null) {
            orderOfParcel.put(Long.parseLong(parcelId), id);
        }
        return id;
    }

    /** The v3 order id (numeric, as a string) belonging to a parcel, or {@code null}. */
    public String orderIdFor(String parcelId) {
        Long id = orderOfParcel.get(Long.parseLong(parcelId));
        return id == null ? null : String.valueOf(id);
    }

    public boolean parcelExists(String parcelId) {
        return parcels.containsKey(Long.parseLong(parcelId));
    }

    public boolean orderExists(String orderId) {
        return orders.containsKey(Long.parseLong(orderId));
    }

    /** The parcel's status id ({@link #DELIVERED}, {@link #CANCELLED}, …) or {@code null} when it is gone. */
    public Integer parcelStatus(String parcelId) {
        Parcel p = parcels.get(Long.parseLong(parcelId));
        return p == null ? null : p.statusId();
    }

    public static String statusMessage(int statusId) {
        return switch (statusId) {
            case ANNOUNCED -> "Announced";
            case EN_ROUTE -> "En route to sorting center";
            case DELIVERED -> "Delivered";
            case NO_LABEL -> "No label";
            case READY_TO_SEND -> "Ready to send";
            case ANNOUNCEMENT_FAILED -> "Announcement failed";
            case CANCELLATION_REQUESTED -> "Cancellation requested";
            case CANCELLED -> "Cancelled";
            default -> "Unknown status";
        };
    }

    // ------------------------------------------------------------------ the API

    @Override
    protected Optional<Response> authenticate(Request request) {
        Optional<String[]> up = request.basicAuth();
        if (up.isPresent() && up.get()[0].equals(publicKey) && up.get()[1].equals(secretKey)) {
            return Optional.empty();
        }
        return Optional.of(up.isEmpty()
                ? error(401, "Authentication credentials were not provided.", request)
                : error(401, "The username or password provided is incorrect.", request));
    }

    @Override
    protected Response error(int status, String detail, Request request) {
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

    @Override
    protected Response noRoute(Request request) {
        return error(404, "Not Found", request);
    }

    @Override
    protected Response route(Request req) {
        boolean write = !req.method().equals("GET") && !req.method().equals("HEAD");
        if (write) {
            long retryAfter = admitWrite();
            if (retryAfter > 0) {
                return error(429, "Request was throttled. Expected available in " + retryAfter + " seconds.", req)
                        .withHeaders(Map.of("Retry-After", String.valueOf(retryAfter)));
            }
        }
        String p = req.apiPath();
        Matcher m = PARCEL.matcher(p);
        if (m.matches()) {
            Long id = parseId(m.group(1));
            boolean cancel = m.group(2) != null;
            if (cancel && !req.method().equals("POST") || !cancel && !req.method().equals("GET")) {
                return error(405, "Method \"" + req.method() + "\" not allowed.", req);
            }
            Parcel parcel = id == null ? null : parcels.get(id);
            if (parcel == null) {
                return error(404, "No Parcel matches the given query.", req);
            }
            return cancel ? cancel(parcel) : Response.of(200, JSON_TYPE, toJson(wrap("parcel", parcelJson(parcel))));
        }
        m = ORDER.matcher(p);
        if (m.matches()) {
            Long id = parseId(m.group(1));
            if (!req.method().equals("GET") && !req.method().equals("DELETE")) {
                return error(405, "Method \"" + req.method() + "\" not allowed.", req);
            }
            Order order = id == null ? null : orders.get(id);
            if (order == null) {
                return error(404, "The order could not be found with the search criteria given", req);
            }
            if (req.method().equals("DELETE")) {
                orders.remove(id);
                orderOfParcel.values().removeIf(id::equals);
                return Response.empty(204);
            }
            return Response.of(200, JSON_TYPE, toJson(wrap("data", orderJson(order))));
        }
        return noRoute(req);
    }

    /** 0 when admitted (and counted), else the seconds until the oldest write in the window expires. */
    private long admitWrite() {
        Instant now = clock.instant();
        synchronized (writes) {
            Instant horizon = now.minus(writeWindow);
            while (!writes.isEmpty() && !writes.peekFirst().isAfter(horizon)) {
                writes.pollFirst();
            }
            if (writes.size() >= writeLimit) {
                Duration wait = Duration.between(now, writes.peekFirst().plus(writeWindow));
                return Math.max(1, (wait.toMillis() + 999) / 1000);
            }
            writes.addLast(now);
            return 0;
        }
    }

    private Response cancel(Parcel p) {
        synchronized (parcels) {
            int s = p.statusId();
            if (s == CANCELLED || s == CANCELLATION_REQUESTED) {
                return cancelStatus(400, "failed", "Parcel has already been cancelled.");
            }
            if (s == DELIVERED) {
                return cancelStatus(400, "failed", "Delivered parcels can no longer be cancelled.");
            }
            if (s == ANNOUNCEMENT_FAILED) {
                parcels.remove(p.id());
                return cancelStatus(410, "deleted", "Parcel has been deleted");
            }
            if (p.announcedAt() == null || s == NO_LABEL) {
                parcels.remove(p.id());
                return cancelStatus(200, "deleted", "Parcel has been deleted");
            }
            if (p.announcedAt().plus(CANCEL_PERIOD).isBefore(clock.instant())) {
                return cancelStatus(400, "failed",
                        "Parcels announced more than 42 days ago can no longer be cancelled.");
            }
            if (s == READY_TO_SEND) {
                parcels.put(p.id(), p.withStatus(CANCELLATION_REQUESTED));
                return cancelStatus(202, "queued", "Parcel cancellation has been queued");
            }
            parcels.put(p.id(), p.withStatus(CANCELLED));
            return cancelStatus(200, "cancelled", "Parcel has been cancelled");
        }
    }

    private static Response cancelStatus(int http, String status, String message) {
        ObjectNode n = JSON.createObjectNode();
        n.put("status", status);
        n.put("message", message);
        return Response.of(http, JSON_TYPE, toJson(n));
    }

    // ------------------------------------------------------------------ JSON

    private ObjectNode parcelJson(Parcel p) {
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
        n.putObject("status").put("id", p.statusId()).put("message", statusMessage(p.statusId()));
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

    private ObjectNode orderJson(Order o) {
        Recipient c = o.customer();
        ObjectNode n = JSON.createObjectNode();
        n.put("id", String.valueOf(o.id()));
        n.put("order_id", o.shopOrderId());
        n.put("order_number", o.orderNumber());
        n.put("created_at", o.createdAt().toString());
        n.put("modified_at", o.createdAt().toString());
        ObjectNode d = n.putObject("order_details");
        d.putObject("integration").put("id", 739283);
        d.putObject("status").put("code", "fulfilled").put("message", "Fulfilled");
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

    private static ObjectNode wrap(String field, ObjectNode inner) {
        ObjectNode n = JSON.createObjectNode();
        n.set(field, inner);
        return n;
    }

    private static String v2ts(Instant i) {
        return V2_TS.format(i.atZone(NL));
    }

    private static Long parseId(String s) {
        try {
            long v = Long.parseLong(s);
            return v < 1 ? null : v;
        } catch (NumberFormatException e) {
            return null;
        }
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
