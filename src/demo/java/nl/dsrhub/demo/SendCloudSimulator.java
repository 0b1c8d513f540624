package nl.dsrhub.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
 *   <li>{@code PUT /api/v2/parcels} → 200 {@code {parcel: [{...}]}} while the parcel has no label, else 400;</li>
 *   <li>{@code GET /api/v3/orders/{id}} → 200 {@code {data: {...}}} / 404 {@code {errors:[...]}};</li>
 *   <li>{@code PATCH /api/v3/orders/{id}} → 200 / 400 / 404 (customer details and addresses);</li>
 *   <li>{@code DELETE /api/v3/orders/{id}} → 204, then 404.</li>
 * </ul>
 * The data-changing calls are in {@link SendCloudWrites}.
 * Auth: HTTP Basic {@code public_key:secret_key}, else 401. At most {@value #DEFAULT_WRITE_LIMIT} write
 * requests (any method but GET/HEAD) per rolling minute ({@link #setWriteLimit(int, Duration)}); more get 429
 * with {@code Retry-After} (seconds). Errors: v2 {@code {error: {code, request, message}}}, v3
 * {@code {errors: [{status, code, title, detail}]}}.
 */
public class SendCloudSimulator extends SimulatorServer {

    public static final String BASE_PATH = "/api";
    public static final int DEFAULT_WRITE_LIMIT = 100;
    static final String JSON_TYPE = "application/json";

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

        Parcel withRecipient(Recipient r) {
            return new Parcel(id, orderNumber, r, trackingNumber, statusId, createdAt, announcedAt, orderValue);
        }
    }

    /** A v3 order; {@code statusCode} the shop's own status code for it ({@code fulfilled} once shipped, {@code open} before). */
    public record Order(long id, String shopOrderId, String orderNumber, Recipient customer, List<Item> items,
                        BigDecimal total, Instant createdAt, String statusCode) {
    }

    private final Map<Long, Parcel> parcels = new ConcurrentHashMap<>();
    private final Map<Long, Order> orders = new ConcurrentHashMap<>();
    private final Map<Long, Long> orderOfParcel = new ConcurrentHashMap<>();
    private final AtomicLong orderIds = new AtomicLong(48_230_000);
    private final Deque<Instant> writeTimes = new ArrayDeque<>();   // guarded by itself
    private volatile String publicKey;
    private volatile String secretKey;
    private volatile int writeLimit = DEFAULT_WRITE_LIMIT;
    private volatile Duration writeWindow = Duration.ofMinutes(1);
    private volatile Clock clock = Clock.systemUTC();
    private final SendCloudWrites writes = new SendCloudWrites(parcels, this::clock);

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
        synchronized (writeTimes) {
            this.writeLimit = count;
            this.writeWindow = window;
            writeTimes.clear();
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

    /** Adds a shipped v3 order; with a parcel id, {@link #orderIdFor(String)} finds it. Returns the order's id. */
    public long addOrder(String parcelId, String shopOrderId, String orderNumber, Recipient customer,
                         List<Item> items, BigDecimal total, Instant createdAt) {
        return addOrder(parcelId, shopOrderId, orderNumber, customer, items, total, createdAt, "fulfilled");
    }

    /** Adds a v3 order with the shop's status code for it ({@code open}: not shipped yet). Returns the order's id. */
    public long addOrder(String parcelId, String shopOrderId, String orderNumber, Recipient customer,
                         List<Item> items, BigDecimal total, Instant createdAt, String statusCode) {
        long id = orderIds.incrementAndGet();
        orders.put(id, new Order(id, shopOrderId, orderNumber, customer, List.copyOf(items), total, createdAt, statusCode));
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
        return SendCloudJson.error(status, detail, request);
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
        if (p.equals("/v2/parcels") || p.equals("/v2/parcels/")) {
            return req.method().equals("PUT") ? writes.updateParcel(req)
                    : error(405, "Method \"" + req.method() + "\" not allowed.", req);
        }
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
            return cancel ? writes.cancel(parcel)
                    : Response.of(200, JSON_TYPE, toJson(SendCloudJson.wrap("parcel", SendCloudJson.parcelJson(parcel))));
        }
        m = ORDER.matcher(p);
        if (m.matches()) {
            Long id = parseId(m.group(1));
            if (!Set.of("GET", "PATCH", "DELETE").contains(req.method())) {
                return error(405, "Method \"" + req.method() + "\" not allowed.", req);
            }
            Order order = id == null ? null : orders.get(id);
            if (order == null) {
                return error(404, "The order could not be found with the search criteria given", req);
            }
            if (req.method().equals("PATCH")) {
                return writes.patchOrder(req, order);
            }
            if (req.method().equals("DELETE")) {
                orders.remove(id);
                orderOfParcel.values().removeIf(id::equals);
                writes.forgetOrder(id);
                return Response.empty(204);
            }
            return Response.of(200, JSON_TYPE, toJson(SendCloudJson.wrap("data", writes.orderJson(order))));
        }
        return noRoute(req);
    }

    /** 0 when admitted (and counted), else the seconds until the oldest write in the window expires. */
    private long admitWrite() {
        Instant now = clock.instant();
        synchronized (writeTimes) {
            Instant horizon = now.minus(writeWindow);
            while (!writeTimes.isEmpty() && !writeTimes.peekFirst().isAfter(horizon)) {
                writeTimes.pollFirst();
            }
            if (writeTimes.size() >= writeLimit) {
                Duration wait = Duration.between(now, writeTimes.peekFirst().plus(writeWindow));
                return Math.max(1, (wait.toMillis() + 999) / 1000);
            }
            writeTimes.addLast(now);
            return 0;
        }
    }

    private static Long parseId(String s) {
        try {
            long v = Long.parseLong(s);
            return v < 1 ? null : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
