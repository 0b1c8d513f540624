package nl.dsrhub.demo;

import static nl.dsrhub.demo.MollieJson.hal;
import static nl.dsrhub.demo.MollieJson.halError;
import static nl.dsrhub.demo.MollieJson.title;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Simulates the Mollie API v2 ({@code /v2}) following {@code ../shared/specs/mollie-openapi.yaml}: a customer,
 * its payments, mandates and subscriptions (cursor-paginated lists), a single payment,
 * {@code PATCH /v2/customers/{id}} and {@code PATCH /v2/payments/{id}} ({@link MollieUpdates}: a finalized payment
 * is 422), and {@code DELETE /v2/customers/{id}}, which removes the customer, revokes its mandates and cancels its
 * subscriptions; its <b>payments remain</b> (Mollie cannot delete payments).
 *
 * <p>Auth: {@code Authorization: Bearer <api key>}; otherwise 401. Errors are {@code application/hal+json}
 * {@code {status, title, detail, field?, _links: {documentation}}}. A write ({@code POST}, {@code PATCH},
 * {@code DELETE}) with an {@code Idempotency-Key} header is answered once ({@link MollieIdempotency}); a repeat
 * with the same key gets the stored first answer (also when the resource is gone by then), and every sighting is
 * counted in {@link #idempotencyKeysSeen()}.
 *
 * <p>Lists: newest first (Mollie's default {@code sort=desc}; {@code sort=asc} reverses), {@code limit} 1–250
 * (default {@value #DEFAULT_PAGE_LIMIT}, changeable with {@link #setPageLimit(int)}), {@code from} = id of
 * the first item of the page; {@code _links.next}/{@code previous} are absolute URLs of this simulator or
 * {@code null}.
 */
public class MollieSimulator extends SimulatorServer {

    public static final String BASE_PATH = "/v2";
    /** Mollie's default page size ("Defaults to 50 items"). */
    public static final int DEFAULT_PAGE_LIMIT = 50;
    public static final int MAX_PAGE_LIMIT = 250;
    static final String PROFILE_ID = "pfl_DsrHubDemo1";
    static final String ERROR_DOCS = "https://docs.mollie.com/overview/handling-errors";

    private static final Pattern CUSTOMER = Pattern.compile("/customers/([^/]+)(/payments|/mandates|/subscriptions)?/?");
    private static final Pattern PAYMENT = Pattern.compile("/payments/([^/]+)/?");

    /** A customer as seeded. */
    public record Customer(String id, String name, String email, String locale, Map<String, Object> metadata,
                           Instant createdAt) {
    }

    /** A payment; {@code customerId} may be {@code null}. */
    public record Payment(String id, String customerId, String currency, String value, String description,
                          String method, String status, Instant createdAt, Map<String, Object> metadata,
                          String consumerName, String consumerAccount) {
    }

    /** A mandate of a customer. */
    public record Mandate(String id, String customerId, String method, String status, String consumerName,
                          String consumerAccount, String consumerBic, String reference, LocalDate signatureDate,
                          Instant createdAt) {
        Mandate withStatus(String s) {
            return new Mandate(id, customerId, method, s, consumerName, consumerAccount, consumerBic, reference,
                    signatureDate, createdAt);
        }
    }

    /** A subscription of a customer. */
    public record Subscription(String id, String customerId, String mandateId, String currency, String value,
                               String interval, String description, String method, String status,
                               LocalDate startDate, Instant createdAt, Instant canceledAt) {
        Subscription canceled(Instant at) {
            return new Subscription(id, customerId, mandateId, currency, value, interval, description, method,
                    "canceled", startDate, createdAt, at);
        }
    }

    private final Map<String, Customer> customers = new ConcurrentHashMap<>();
    private final Map<String, Payment> payments = new ConcurrentHashMap<>();
    private final Map<String, Mandate> mandates = new ConcurrentHashMap<>();
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final MollieIdempotency idempotency = new MollieIdempotency();
    private volatile String apiKey;
    private volatile int pageLimit = DEFAULT_PAGE_LIMIT;
    private final MollieJson json = new MollieJson(this::baseUrl, this::mode);
    private final MollieCursorPaging paging = new MollieCursorPaging(this::baseUrl, () -> pageLimit);
    private final MollieUpdates updates = new MollieUpdates(customers, payments, json);

    public MollieSimulator(String apiKey) {
        super("mollie", BASE_PATH);
        setApiKey(apiKey);
    }

    @Override
    public MollieSimulator start() {
        super.start();
        return this;
    }

    /** From now on only this key is accepted ({@code test_...} keys answer in mode {@code test}). */
    public void setApiKey(String apiKey) {
        this.apiKey = Objects.requireNonNull(apiKey);
    }

    /** Page size of lists requested without {@code limit} (default {@value #DEFAULT_PAGE_LIMIT}). */
    public void setPageLimit(int limit) {
        if (limit < 1 || limit > MAX_PAGE_LIMIT) {
            throw new IllegalArgumentException("limit 1.." + MAX_PAGE_LIMIT);
        }
        this.pageLimit = limit;
    }

    // ------------------------------------------------------------------ seeding

    public void addCustomer(Customer c) {
        customers.put(c.id(), c);
    }

    public void addPayment(Payment p) {
        payments.put(p.id(), p);
    }

    public void addMandate(Mandate m) {
        requireCustomer(m.customerId());
        mandates.put(m.id(), m);
    }

    public void addSubscription(Subscription s) {
        requireCustomer(s.customerId());
        subscriptions.put(s.id(), s);
    }

    private void requireCustomer(String id) {
        if (!customers.containsKey(id)) {
            throw new IllegalArgumentException("unknown customer " + id);
        }
    }

    // ------------------------------------------------------------------ inspection

    public boolean customerExists(String id) {
        return customers.containsKey(id);
    }

    public boolean paymentExists(String id) {
        return payments.containsKey(id);
    }

    /** Ids of the customer's payments (also after the customer was deleted), oldest first. */
    public List<String> paymentIdsOf(String customerId) {
        return payments.values().stream().filter(p -> customerId.equals(p.customerId()))
                .sorted(Comparator.comparing(Payment::createdAt)).map(Payment::id).toList();
    }

    /** The customer's mandates that are still there (none after the customer was deleted). */
    public List<Mandate> mandatesOf(String customerId) {
        return mandates.values().stream().filter(m -> m.customerId().equals(customerId))
                .sorted(Comparator.comparing(Mandate::createdAt)).toList();
    }

    /** Status of a subscription ({@code active}, {@code canceled} …) or {@code null} when unknown. */
    public String subscriptionStatus(String subscriptionId) {
        Subscription s = subscriptions.get(subscriptionId);
        return s == null ? null : s.status();
    }

    /** How often each {@code Idempotency-Key} was seen on a write request. */
    public Map<String, Integer> idempotencyKeysSeen() {
        return idempotency.keysSeen();
    }

    // ------------------------------------------------------------------ the API

    @Override
    protected Optional<Response> authenticate(Request request) {
        String h = request.header("authorization");
        if (h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) && h.substring(7).trim().equals(apiKey)) {
            return Optional.empty();
        }
        return Optional.of(halError(401, "Unauthorized Request", "Missing authentication, or failed to authenticate",
                null, "https://docs.mollie.com/overview/authentication"));
    }

    @Override
    protected Response error(int status, String detail, Request request) {
        return halError(status, title(status), detail, null, ERROR_DOCS);
    }

    @Override
    protected Response noRoute(Request request) {
        return error(404, "The requested resource does not exist.", request);
    }

    @Override
    protected Response route(Request req) {
        return idempotency.answer(req, this::handle);
    }

    private Response handle(Request req) {
        String p = req.apiPath();
        Matcher m = CUSTOMER.matcher(p);
        if (m.matches()) {
            String id = m.group(1);
            String sub = m.group(2);
            if (sub == null) {
                return switch (req.method()) {
                    case "GET" -> getCustomer(id);
                    case "PATCH" -> updates.patchCustomer(req, id);
                    case "DELETE" -> deleteCustomer(id);
                    default -> notAllowed(req);
                };
            }
            if (!req.method().equals("GET")) {
                return notAllowed(req);
            }
            Customer c = customers.get(id);
            if (c == null) {
                return notFound("customer", id);
            }
            return switch (sub) {
                case "/payments" -> paging.page(req, "payments", "list-customer-payments",
                        payments.values().stream().filter(x -> id.equals(x.customerId())).toList(),
                        Payment::id, Payment::createdAt, updates::paymentJson);
                case "/mandates" -> paging.page(req, "mandates", "list-mandates",
                        mandates.values().stream().filter(x -> id.equals(x.customerId())).toList(),
                        Mandate::id, Mandate::createdAt, json::mandateJson);
                default -> paging.page(req, "subscriptions", "list-subscriptions",
                        subscriptions.values().stream().filter(x -> id.equals(x.customerId())).toList(),
                        Subscription::id, Subscription::createdAt, json::subscriptionJson);
            };
        }
        m = PAYMENT.matcher(p);
        if (m.matches()) {
            if (req.method().equals("PATCH")) {
                return updates.patchPayment(req, m.group(1));
            }
            if (!req.method().equals("GET")) {
                return notAllowed(req);
            }
            Payment pay = payments.get(m.group(1));
            return pay == null ? notFound("payment", m.group(1)) : hal(200, updates.paymentJson(pay));
        }
        return noRoute(req);
    }

    private Response getCustomer(String id) {
        Customer c = customers.get(id);
        return c == null ? notFound("customer", id) : hal(200, json.customerJson(c));
    }

    private synchronized Response deleteCustomer(String id) {
        Customer c = customers.remove(id);
        if (c == null) {
            return notFound("customer", id);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        mandates.values().removeIf(m -> m.customerId().equals(id));          // revoked: no longer retrievable
        subscriptions.replaceAll((k, s) -> s.customerId().equals(id) && !s.status().equals("canceled")
                ? s.canceled(now) : s);
        return Response.empty(204);
    }

    /** {@code live} or {@code test}, as Mollie answers after the kind of API key. */
    private String mode() {
        return apiKey.startsWith("live_") ? "live" : "test";
    }

    static Response notFound(String what, String id) {
        return halError(404, "Not Found", "No " + what + " exists with token " + id + ".", null, ERROR_DOCS);
    }

    private Response notAllowed(Request req) {
        return halError(405, "Method Not Allowed", "The method " + req.method() + " is not allowed here.", null,
                ERROR_DOCS);
    }

}
