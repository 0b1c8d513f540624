package nl.dsrhub.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Simulates the Mollie API v2 ({@code /v2}) following {@code ../shared/specs/mollie-openapi.yaml}: a customer,
 * its payments, mandates and subscriptions (cursor-paginated lists), a single payment, and
 * {@code DELETE /v2/customers/{id}}, which removes the customer, revokes its mandates and cancels its
 * subscriptions; its <b>payments remain</b> (Mollie cannot delete payments).
 *
 * <p>Auth: {@code Authorization: Bearer <api key>}; otherwise 401. Errors are {@code application/hal+json}
 * {@code {status, title, detail, field?, _links: {documentation}}}. A write ({@code POST}, {@code PATCH},
 * {@code DELETE}) with an {@code Idempotency-Key} header is answered once; a repeat with the same key gets
 * the stored first answer (also when the resource is gone by then), and every sighting is counted in
 * {@link #idempotencyKeysSeen()}.
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
    static final String HAL = "application/hal+json";
    static final String PROFILE_ID = "pfl_DsrHubDemo1";
    private static final String ORG = "org_1234567";
    private static final String DOCS = "https://docs.mollie.com/reference/";
    private static final String ERROR_DOCS = "https://docs.mollie.com/overview/handling-errors";
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

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

    private record Stored(String method, String path, Response response) {
    }

    private final Map<String, Customer> customers = new ConcurrentHashMap<>();
    private final Map<String, Payment> payments = new ConcurrentHashMap<>();
    private final Map<String, Mandate> mandates = new ConcurrentHashMap<>();
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, Stored> idempotent = new ConcurrentHashMap<>();
    private final Map<String, Integer> keysSeen = new ConcurrentHashMap<>();
    private volatile String apiKey;
    private volatile int pageLimit = DEFAULT_PAGE_LIMIT;

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
        return Map.copyOf(keysSeen);
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
        boolean write = !req.method().equals("GET") && !req.method().equals("HEAD");
        String key = req.header("idempotency-key");
        if (!write || key == null || key.isBlank()) {
            return handle(req);
        }
        keysSeen.merge(key, 1, Integer::sum);
        Stored first = idempotent.get(key);
        if (first != null) {
            if (!first.method().equals(req.method()) || !first.path().equals(req.path())) {
                return halError(422, "Unprocessable Entity",
                        "The idempotency key was already used for a different request.", null, ERROR_DOCS);
            }
            return first.response();
        }
        synchronized (this) {
            Stored again = idempotent.get(key);
            if (again != null) {
                return again.response();
            }
            Response r = handle(req);
            if (r.status() < 500) {
                idempotent.put(key, new Stored(req.method(), req.path(), r));
            }
            return r;
        }
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
                case "/payments" -> list(req, "payments", "list-customer-payments",
                        payments.values().stream().filter(x -> id.equals(x.customerId())).toList(),
                        Payment::id, Payment::createdAt, this::paymentJson);
                case "/mandates" -> list(req, "mandates", "list-mandates",
                        mandates.values().stream().filter(x -> id.equals(x.customerId())).toList(),
                        Mandate::id, Mandate::createdAt, this::mandateJson);
                default -> list(req, "subscriptions", "list-subscriptions",
                        subscriptions.values().stream().filter(x -> id.equals(x.customerId())).toList(),
                        Subscription::id, Subscription::createdAt, this::subscriptionJson);
            };
        }
        m = PAYMENT.matcher(p);
        if (m.matches()) {
            if (!req.method().equals("GET")) {
                return notAllowed(req);
            }
            Payment pay = payments.get(m.group(1));
            return pay == null ? notFound("payment", m.group(1)) : hal(200, paymentJson(pay));
        }
        return noRoute(req);
    }

    private Response getCustomer(String id) {
        Customer c = customers.get(id);
        return c == null ? notFound("customer", id) : hal(200, customerJson(c));
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

    private <T> Response list(Request req, String name, String doc, List<T> all, Function<T, String> idOf,
                              Function<T, Instant> createdOf, Function<T, ObjectNode> json) {
        int limit = pageLimit;
        String rawLimit = req.param("limit");
        if (rawLimit != null && !rawLimit.isEmpty()) {
            try {
                limit = Integer.parseInt(rawLimit);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_PAGE_LIMIT) {
                return halError(400, "Bad Request", "The limit must be between 1 and " + MAX_PAGE_LIMIT + ".",
                        "limit", ERROR_DOCS);
            }
        }
        boolean asc = "asc".equals(req.param("sort"));
        Comparator<T> order = Comparator.comparing(createdOf).thenComparing(idOf);
        List<T> sorted = new ArrayList<>(all);
        sorted.sort(asc ? order : order.reversed());
        int start = 0;
        String from = req.param("from");
        if (from != null && !from.isEmpty()) {
            start = -1;
            for (int i = 0; i < sorted.size(); i++) {
                if (idOf.apply(sorted.get(i)).equals(from)) {
                    start = i;
                    break;
                }
            }
            if (start < 0) {
                return halError(400, "Bad Request", "The 'from' cursor does not refer to an item of this list.",
                        "from", ERROR_DOCS);
            }
        }
        int end = Math.min(sorted.size(), start + limit);
        List<T> page = sorted.subList(start, end);

        ObjectNode root = JSON.createObjectNode();
        root.put("count", page.size());
        ArrayNode items = root.putObject("_embedded").putArray(name);
        page.forEach(t -> items.add(json.apply(t)));
        ObjectNode links = root.putObject("_links");
        String base = baseUrl() + req.apiPath();
        String sortQ = req.param("sort") == null ? "" : "&sort=" + req.param("sort");
        String self = base + (req.rawQuery() == null ? "" : "?" + req.rawQuery());
        link(links, "self", self, HAL);
        if (start > 0) {
            int prev = Math.max(0, start - limit);
            link(links, "previous", base + "?from=" + idOf.apply(sorted.get(prev)) + "&limit=" + limit + sortQ, HAL);
        } else {
            links.putNull("previous");
        }
        if (end < sorted.size()) {
            link(links, "next", base + "?from=" + idOf.apply(sorted.get(end)) + "&limit=" + limit + sortQ, HAL);
        } else {
            links.putNull("next");
        }
        link(links, "documentation", DOCS + doc, "text/html");
        return hal(200, root);
    }

    // ------------------------------------------------------------------ JSON

    private String mode() {
        return apiKey.startsWith("live_") ? "live" : "test";
    }

    private ObjectNode customerJson(Customer c) {
        ObjectNode n = JSON.createObjectNode();
        n.put("resource", "customer");
        n.put("id", c.id());
        n.put("mode", mode());
        n.put("name", c.name());
        n.put("email", c.email());
        n.put("locale", c.locale());
        n.set("metadata", c.metadata() == null ? null : JSON.valueToTree(c.metadata()));
        n.put("createdAt", ts(c.createdAt()));
        ObjectNode l = n.putObject("_links");
        String self = baseUrl() + "/customers/" + c.id();
        link(l, "self", self, HAL);
        link(l, "dashboard", "https://my.mollie.com/dashboard/" + ORG + "/customers/" + c.id(), "text/html");
        link(l, "payments", self + "/payments", HAL);
        link(l, "mandates", self + "/mandates", HAL);
        link(l, "subscriptions", self + "/subscriptions", HAL);
        link(l, "documentation", DOCS + "get-customer", "text/html");
        return n;
    }

    private ObjectNode paymentJson(Payment p) {
        ObjectNode n = JSON.createObjectNode();
        n.put("resource", "payment");
        n.put("id", p.id());
        n.put("mode", mode());
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
        n.put("profileId", PROFILE_ID);
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
        link(l, "self", baseUrl() + "/payments/" + p.id(), HAL);
        link(l, "dashboard", "https://my.mollie.com/dashboard/" + ORG + "/payments/" + p.id(), "text/html");
        if (p.customerId() != null) {
            link(l, "customer", baseUrl() + "/customers/" + p.customerId(), HAL);
        }
        link(l, "documentation", DOCS + "get-payment", "text/html");
        return n;
    }

    private ObjectNode mandateJson(Mandate m) {
        ObjectNode n = JSON.createObjectNode();
        n.put("resource", "mandate");
        n.put("id", m.id());
        n.put("mode", mode());
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
        link(l, "self", baseUrl() + "/customers/" + m.customerId() + "/mandates/" + m.id(), HAL);
        link(l, "customer", baseUrl() + "/customers/" + m.customerId(), HAL);
        link(l, "documentation", DOCS + "get-mandate", "text/html");
        return n;
    }

    private ObjectNode subscriptionJson(Subscription s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("resource", "subscription");
        n.put("id", s.id());
        n.put("mode", mode());
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
        n.put("profileId", PROFILE_ID);
        ObjectNode l = n.putObject("_links");
        link(l, "self", baseUrl() + "/customers/" + s.customerId() + "/subscriptions/" + s.id(), HAL);
        link(l, "customer", baseUrl() + "/customers/" + s.customerId(), HAL);
        if (s.mandateId() != null) {
            link(l, "mandate", baseUrl() + "/customers/" + s.customerId() + "/mandates/" + s.mandateId(), HAL);
        }
        link(l, "profile", baseUrl() + "/profiles/" + PROFILE_ID, HAL);
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

    private static void link(ObjectNode links, String rel, String href, String type) {
        links.putObject(rel).put("href", href).put("type", type);
    }

    private static String ts(Instant i) {
        return TS.format(i.atOffset(ZoneOffset.UTC));
    }

    private static Response hal(int status, ObjectNode body) {
        return Response.of(status, HAL, toJson(body));
    }

    private Response notFound(String what, String id) {
        return halError(404, "Not Found", "No " + what + " exists with token " + id + ".", null, ERROR_DOCS);
    }

    private Response notAllowed(Request req) {
        return halError(405, "Method Not Allowed", "The method " + req.method() + " is not allowed here.", null,
                ERROR_DOCS);
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
        return Response.of(status, HAL, toJson(JSON.valueToTree(body)));
    }

    private static String title(int status) {
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
