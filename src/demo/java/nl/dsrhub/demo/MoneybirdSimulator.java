package nl.dsrhub.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.dsrhub.demo.DemoPeople.ANNA;
import static nl.dsrhub.demo.DemoPeople.JAN;
import static nl.dsrhub.demo.DemoPeople.KEES;
import static nl.dsrhub.demo.DemoPeople.MARJAN;

/**
 * Simulates the Moneybird API v2 for one administration ({@code /api/v2/{administration_id}}, JSON format
 * chosen by the {@code .json} suffix) as far as a data-subject request needs it:
 * <ul>
 *   <li>{@code GET contacts.json?query=} — text search (case-insensitive substring over names, e-mail, address,
 *       phone, customer id), so {@code jan@example.nl} also finds {@code marjan@example.nl};</li>
 *   <li>{@code GET contacts/{id}.json};</li>
 *   <li>{@code PATCH contacts/{id}.json} with {@code {"contact": {…}}} — changes the contact;
 *       {@code DELETE contacts/{id}.json} — {@code 204}, or {@code 422} when the contact is used in the
 *       bookkeeping (has a sales invoice that is not a draft); the contact then stays;
 *       {@code PATCH contacts/{id}/archive.json} — archives it ({@link MoneybirdContactChanges});</li>
 *   <li>{@code GET sales_invoices.json?filter=contact_id:{id}[,state:{state}]}, {@code GET sales_invoices/{id}.json}
 *       — read only: an invoice keeps the contact data it was made with.</li>
 * </ul>
 *
 * <p>Auth: {@code Authorization: Bearer <token>}; otherwise {@code 401 {"error": "…"}}. Rate limit: 150 requests
 * per 5 minutes by default ({@link #setRateLimit}); every authenticated response carries {@code RateLimit-Limit},
 * {@code RateLimit-Remaining} and {@code RateLimit-Reset} (Unix time in seconds at which the window ends); over
 * the limit the answer is {@code 429} with {@code Retry-After} in seconds.
 *
 * <p>{@link #seedDemoPeople()} adds Jan, Anna and Marjan with booked invoices and Kees without any.
 */
public class MoneybirdSimulator extends SimulatorServer {

    public static final String ADMINISTRATION_ID = "123456789";
    public static final String BASE_PATH = "/api/v2/" + ADMINISTRATION_ID;
    /** Invented API token the demo uses. */
    public static final String API_TOKEN = "mb-demo-4f7a1c9e2b8d6053a1f4c7e9b2d8a6f3";
    public static final int DEFAULT_RATE_LIMIT = 150;
    public static final Duration DEFAULT_RATE_WINDOW = Duration.ofMinutes(5);
    public static final int MAX_PER_PAGE = 100;

    /** Contact ids of the seeded people (Moneybird ids are strings of digits). */
    public static final String JAN_CONTACT_ID = "430412345678901042";
    public static final String ANNA_CONTACT_ID = "430412345678901012";
    public static final String KEES_CONTACT_ID = "430412345678901031";
    public static final String MARJAN_CONTACT_ID = "430412345678901208";

    static final String CONTENT_TYPE = "application/json; charset=utf-8";
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final Pattern CONTACT = Pattern.compile("/contacts/(\\d+)\\.json");
    private static final Pattern ARCHIVE = Pattern.compile("/contacts/(\\d+)/archive(\\.json)?");
    private static final Pattern INVOICE = Pattern.compile("/sales_invoices/(\\d+)\\.json");

    private final ConcurrentSkipListMap<String, ObjectNode> contacts = new ConcurrentSkipListMap<>();
    private final ConcurrentSkipListMap<String, ObjectNode> invoices = new ConcurrentSkipListMap<>();
    private final AtomicLong nextId = new AtomicLong(430412345678950000L);
    private final Clock clock;
    private final FixedWindowRateLimit rateLimit;
    private final MoneybirdContactChanges contactChanges;
    private volatile String token;

    public MoneybirdSimulator(String token) {
        this(token, Clock.systemUTC());
    }

    MoneybirdSimulator(String token, Clock clock) {
        super("moneybird", BASE_PATH);
        this.clock = Objects.requireNonNull(clock);
        this.rateLimit = new FixedWindowRateLimit(DEFAULT_RATE_LIMIT, DEFAULT_RATE_WINDOW, clock);
        this.contactChanges = new MoneybirdContactChanges(contacts, invoices, clock);
        setToken(token);
    }

    @Override
    public MoneybirdSimulator start() {
        super.start();
        return this;
    }

    /** From now on only this bearer token is accepted. */
    public void setToken(String token) {
        this.token = Objects.requireNonNull(token);
    }

    /** At most {@code count} requests per {@code window} (default 150 per 5 minutes); the count starts afresh. */
    public void setRateLimit(int count, Duration window) {
        rateLimit.set(count, window);
    }

    // ------------------------------------------------------------------ seeding and inspection

    /** Adds a contact for the person and returns its id. */
    public String addContact(String id, DemoPeople.Person p, String customerId, Instant created) {
        contacts.put(id, MoneybirdRecords.contact(id, p, customerId, created));
        return id;
    }

    /**
     * Adds a sales invoice of a contact.
     *
     * @param state  {@code draft}, {@code open}, {@code late}, {@code paid}, … (anything but {@code draft} is booked)
     * @param lines  description → price incl. 21% VAT
     */
    public String addSalesInvoice(String contactId, String invoiceNumber, String state, LocalDate date,
                                  Map<String, String> lines) {
        ObjectNode contact = contacts.get(contactId);
        if (contact == null) {
            throw new IllegalArgumentException("unknown contact " + contactId);
        }
        String id = String.valueOf(nextId.incrementAndGet());
        invoices.put(id, MoneybirdRecords.salesInvoice(id, contact, invoiceNumber, state, date, lines));
        return id;
    }

    /** Jan (2 paid invoices), Anna (2 paid, of 2024 and 2025), Marjan (1 open) and Kees (none, so deletable). */
    public MoneybirdSimulator seedDemoPeople() {
        addContact(JAN_CONTACT_ID, JAN, "1", at("2024-11-03T14:15:00"));
        addContact(ANNA_CONTACT_ID, ANNA, "2", at("2024-11-10T10:05:00"));
        addContact(KEES_CONTACT_ID, KEES, "3", at("2024-11-22T16:50:00"));
        addContact(MARJAN_CONTACT_ID, MARJAN, "4", at("2025-02-20T17:30:00"));
        addSalesInvoice(JAN_CONTACT_ID, "2024-0001", "paid", LocalDate.of(2024, 11, 3),
                lines("Koffiebonen Espresso 1kg (2x)", "49.90", "Verzendkosten", "4.95"));
        addSalesInvoice(JAN_CONTACT_ID, "2025-0007", "paid", LocalDate.of(2025, 2, 14),
                lines("Melkopschuimer", "39.95", "Verzendkosten", "4.95"));
        addSalesInvoice(ANNA_CONTACT_ID, "2024-0002", "paid", LocalDate.of(2024, 11, 10),
                lines("Handmolen keramisch", "59.00", "Verzendkosten", "4.95"));
        addSalesInvoice(MARJAN_CONTACT_ID, "2025-0008", "open", LocalDate.of(2025, 2, 20),
                lines("Koffiefilters nr. 4 (80 st.)", "3.95", "Verzendkosten", "4.95"));
        // Anna's workshop of January 2025: invoices of two years, kept until the ends of two years
        addSalesInvoice(ANNA_CONTACT_ID, "2025-0003", "paid", LocalDate.of(2025, 1, 7),
                lines("Workshop latte art", "45.00", "Verzendkosten", "4.95"));
        return this;
    }

    public boolean contactExists(String id) {
        return contacts.containsKey(id);
    }

    public Optional<JsonNode> contact(String id) {
        return Optional.ofNullable(contacts.get(id)).map(ObjectNode::deepCopy);
    }

    public boolean isArchived(String contactId) {
        ObjectNode c = contacts.get(contactId);
        return c != null && c.path("archived").asBoolean();
    }

    /** Ids of the contacts whose e-mail equals this one (case-insensitive). */
    public List<String> contactIdsByEmail(String email) {
        return contacts.values().stream().filter(c -> c.path("email").asText().equalsIgnoreCase(email))
                .map(c -> c.path("id").asText()).toList();
    }

    /** Ids of the sales invoices of a contact. */
    public List<String> salesInvoiceIds(String contactId) {
        return invoices.values().stream().filter(i -> i.path("contact_id").asText().equals(contactId))
                .map(i -> i.path("id").asText()).toList();
    }

    // ------------------------------------------------------------------ the API

    @Override
    protected Optional<Response> authenticate(Request req) {
        String h = req.header("authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7) || h.substring(7).isBlank()) {
            return Optional.of(mbError(401, "No token given"));
        }
        if (!h.substring(7).trim().equals(token)) {
            return Optional.of(mbError(401, "Token is invalid"));
        }
        return Optional.empty();
    }

    @Override
    protected Response route(Request req) {
        FixedWindowRateLimit.Decision d = rateLimit.acquire();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("RateLimit-Limit", String.valueOf(d.limit()));
        headers.put("RateLimit-Remaining", String.valueOf(d.remaining()));
        headers.put("RateLimit-Reset", String.valueOf(d.resetAt().getEpochSecond()));
        if (!d.allowed()) {
            headers.put("Retry-After", String.valueOf(d.retryAfterSeconds()));
            return mbError(429, "Too many requests").withHeaders(headers);
        }
        return api(req).withHeaders(headers);
    }

    private Response api(Request req) {
        String p = req.apiPath();
        String m = req.method();
        Matcher cm = CONTACT.matcher(p);
        Matcher am = ARCHIVE.matcher(p);
        Matcher im = INVOICE.matcher(p);
        if (p.equals("/contacts.json") && m.equals("GET")) {
            String q = req.param("query", "").trim().toLowerCase(Locale.ROOT);
            List<ObjectNode> found = contacts.values().stream().filter(c -> q.isEmpty() || MoneybirdQueries.matches(c, q)).toList();
            return MoneybirdQueries.page(req, found);
        }
        if (cm.matches()) {
            String id = cm.group(1);
            ObjectNode c = contacts.get(id);
            if (c == null) {
                return notFound();
            }
            if (m.equals("GET")) {
                synchronized (c) {
                    return json(200, c);
                }
            }
            if (m.equals("PATCH")) {
                return contactChanges.patch(req, c);
            }
            if (m.equals("DELETE")) {
                return contactChanges.delete(id);
            }
        }
        if (am.matches() && m.equals("PATCH")) {
            ObjectNode c = contacts.get(am.group(1));
            return c == null ? notFound() : contactChanges.archive(c);
        }
        if (p.equals("/sales_invoices.json") && m.equals("GET")) {
            Optional<Predicate<ObjectNode>> filter = MoneybirdQueries.invoiceFilter(req.param("filter"));
            if (filter.isEmpty()) {
                return mbError(400, "Filter is invalid");
            }
            List<ObjectNode> found = invoices.values().stream().filter(filter.get()).toList();
            return MoneybirdQueries.page(req, found);
        }
        if (im.matches() && m.equals("GET")) {
            ObjectNode i = invoices.get(im.group(1));
            return i == null ? notFound() : json(200, i);
        }
        return noRoute(req);
    }

    // ------------------------------------------------------------------ errors and helpers

    @Override
    protected Response error(int status, String detail, Request request) {
        Response r = mbError(status, detail);
        return status == 429 ? r.withHeaders(Map.of("Retry-After", "1")) : r;
    }

    @Override
    protected Response noRoute(Request request) {
        return mbError(404, "Not found");
    }

    private static Response notFound() {
        return mbError(404, "record not found");
    }

    static Response mbError(int status, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("error", message);
        return json(status, body);
    }

    static Response json(int status, JsonNode body) {
        return Response.of(status, CONTENT_TYPE, toJson(body));
    }

    private static Map<String, String> lines(String... descAndPrice) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < descAndPrice.length; i += 2) {
            m.put(descAndPrice[i], descAndPrice[i + 1]);
        }
        return m;
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZONE).toInstant().atOffset(ZoneOffset.UTC).toInstant();
    }
}
