package nl.dsrhub.demo;

import static nl.dsrhub.demo.EBoekhoudenJson.ebError;
import static nl.dsrhub.demo.EBoekhoudenJson.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.dsrhub.demo.DemoPeople.ANNA;
import static nl.dsrhub.demo.DemoPeople.JAN;
import static nl.dsrhub.demo.DemoPeople.KEES;

/**
 * Simulates the e-Boekhouden REST API ({@code /v1}) as far as a data-subject request needs it.
 *
 * <p>Session based: {@code POST /v1/session} with {@code {"accessToken", "source"}} answers
 * {@code {"token", "expiresIn"}} (seconds); later calls send the session token as the whole
 * {@code Authorization} header (a {@code Bearer } prefix is tolerated). {@code DELETE /v1/session} ends the
 * session. An unknown, ended or expired session token is answered {@code 401}.
 *
 * <p>Relations: {@code GET /v1/relation?email=} (also {@code emailAddress=}; exact, case-insensitive; answers
 * {@code {"items": […], "count": n}}), {@code GET /v1/relation/{id}}, and {@code PATCH /v1/relation/{id}} to
 * change fields — there is <em>no delete</em>: the books must keep the relation, so erasure means clearing
 * contact details and setting {@code "inactive": true}. {@code name} must be present and non-empty in every
 * PATCH ({@code 400} otherwise). Invoices: {@code GET /v1/invoice?relationId=}, {@code GET /v1/invoice/{id}}.
 *
 * <p>{@link #seedDemoPeople()} adds Jan, Anna and Kees as private relations with invoices.
 */
public class EBoekhoudenSimulator extends SimulatorServer {

    public static final String BASE_PATH = "/v1";
    /** Invented API access token the demo uses. */
    public static final String ACCESS_TOKEN = "eb-demo-7c2f0a9d4e1b8c63f5a0d7e2b9c4f1a8e6d3b0c7";
    public static final Duration DEFAULT_SESSION_TTL = Duration.ofHours(1);

    public static final int JAN_RELATION_ID = 5042;
    public static final int ANNA_RELATION_ID = 5012;
    public static final int KEES_RELATION_ID = 5031;

    static final String CONTENT_TYPE = "application/json; charset=utf-8";
    private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9_-]{1,10}");
    private static final Pattern RELATION = Pattern.compile("/relation/(\\d+)/?");
    private static final Pattern INVOICE = Pattern.compile("/invoice/(\\d+)/?");
    /** Fields a PATCH may set; everything else is refused. */
    static final Set<String> PATCHABLE = Set.of("type", "code", "name", "contact", "gender", "salutation", "address",
            "postalCode", "city", "country", "phoneNumber", "mobilePhoneNumber", "emailAddress",
            "emailAddressInvoice", "emailAddressReminder", "website", "note", "iban", "bic", "vatNumber",
            "companyRegistrationNumber", "termOfPayment", "inactive");

    private final ConcurrentSkipListMap<Integer, ObjectNode> relations = new ConcurrentSkipListMap<>();
    private final ConcurrentSkipListMap<Integer, ObjectNode> invoices = new ConcurrentSkipListMap<>();
    private final Map<String, Instant> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger nextInvoiceId = new AtomicInteger(880000);
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private volatile String accessToken;
    private volatile Duration sessionTtl = DEFAULT_SESSION_TTL;

    public EBoekhoudenSimulator(String accessToken) {
        this(accessToken, Clock.systemUTC());
    }

    EBoekhoudenSimulator(String accessToken, Clock clock) {
        super("e-boekhouden", BASE_PATH);
        this.clock = Objects.requireNonNull(clock);
        setAccessToken(accessToken);
    }

    @Override
    public EBoekhoudenSimulator start() {
        super.start();
        return this;
    }

    /** From now on only this API access token starts sessions (existing sessions stay valid). */
    public void setAccessToken(String accessToken) {
        this.accessToken = Objects.requireNonNull(accessToken);
    }

    /** Lifetime of sessions started from now on (default one hour). */
    public void setSessionTtl(Duration ttl) {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a positive session lifetime expected");
        }
        this.sessionTtl = ttl;
    }

    /** Ends every session now, as if they had all expired. */
    public void expireAllSessions() {
        sessions.clear();
    }

    /** Sessions started and neither ended nor expired. */
    public int activeSessions() {
        Instant now = clock.instant();
        return (int) sessions.values().stream().filter(now::isBefore).count();
    }

    // ------------------------------------------------------------------ seeding and inspection

    /** Adds a private ({@code P}) relation for the person. */
    public void addRelation(int id, String code, DemoPeople.Person p, LocalDate date) {
        relations.put(id, EBoekhoudenJson.relation(id, code, p, date));
    }

    /** Adds an invoice of a relation; {@code lines} maps description → price incl. 21% VAT. */
    public int addInvoice(int relationId, String invoiceNumber, LocalDate date, Map<String, String> lines) {
        if (!relations.containsKey(relationId)) {
            throw new IllegalArgumentException("unknown relation " + relationId);
        }
        int id = nextInvoiceId.incrementAndGet();
        invoices.put(id, EBoekhoudenJson.invoice(id, relationId, invoiceNumber, date, lines));
        return id;
    }

    /** Jan (2 invoices), Anna (2, of 2024 and 2025) and Kees (1), all private relations. */
    public EBoekhoudenSimulator seedDemoPeople() {
        addRelation(JAN_RELATION_ID, "P0042", JAN, LocalDate.of(2024, 11, 3));
        addRelation(ANNA_RELATION_ID, "P0012", ANNA, LocalDate.of(2024, 11, 10));
        addRelation(KEES_RELATION_ID, "P0031", KEES, LocalDate.of(2024, 11, 22));
        addInvoice(JAN_RELATION_ID, "F2024-0001", LocalDate.of(2024, 11, 3),
                lines("Koffiebonen Espresso 1kg (2x)", "49.90", "Verzendkosten", "4.95"));
        addInvoice(JAN_RELATION_ID, "F2025-0007", LocalDate.of(2025, 2, 14),
                lines("Melkopschuimer", "39.95", "Verzendkosten", "4.95"));
        addInvoice(ANNA_RELATION_ID, "F2024-0002", LocalDate.of(2024, 11, 10),
                lines("Handmolen keramisch", "59.00", "Verzendkosten", "4.95"));
        addInvoice(KEES_RELATION_ID, "F2024-0003", LocalDate.of(2024, 11, 22),
                lines("Koffiebonen Decaf 500g (3x)", "33.75", "Verzendkosten", "4.95"));
        // Anna's workshop of January 2025: invoices of two years, kept until the ends of two years
        addInvoice(ANNA_RELATION_ID, "F2025-0004", LocalDate.of(2025, 1, 7),
                lines("Workshop latte art", "45.00", "Verzendkosten", "4.95"));
        return this;
    }

    public Optional<JsonNode> relation(int id) {
        return Optional.ofNullable(relations.get(id)).map(ObjectNode::deepCopy);
    }

    public List<Integer> invoiceIds(int relationId) {
        return invoices.values().stream().filter(i -> i.path("relationId").asInt() == relationId)
                .map(i -> i.path("id").asInt()).toList();
    }

    // ------------------------------------------------------------------ the API

    private static boolean isSessionStart(Request req) {
        return req.method().equals("POST") && (req.apiPath().equals("/session") || req.apiPath().equals("/session/"));
    }

    @Override
    protected Optional<Response> authenticate(Request req) {
        if (isSessionStart(req)) {
            return Optional.empty();
        }
        String token = sessionToken(req);
        if (token == null) {
            return Optional.of(ebError(401, "UNAUTHORIZED", "Authorization header with a session token is required."));
        }
        Instant expires = sessions.get(token);
        if (expires == null || !clock.instant().isBefore(expires)) {
            if (expires != null) {
                sessions.remove(token);
            }
            return Optional.of(ebError(401, "UNAUTHORIZED", "Session token is invalid or has expired."));
        }
        return Optional.empty();
    }

    private static String sessionToken(Request req) {
        String h = req.header("authorization");
        if (h == null || h.isBlank()) {
            return null;
        }
        h = h.trim();
        return h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).trim() : h;
    }

    @Override
    protected Response route(Request req) {
        String p = req.apiPath();
        String m = req.method();
        if (p.equals("/session") || p.equals("/session/")) {
            if (m.equals("POST")) {
                return startSession(req);
            }
            if (m.equals("DELETE")) {
                sessions.remove(sessionToken(req));
                return Response.empty(204);
            }
        }
        Matcher rm = RELATION.matcher(p);
        Matcher im = INVOICE.matcher(p);
        if ((p.equals("/relation") || p.equals("/relation/")) && m.equals("GET")) {
            String email = req.param("email", req.param("emailAddress"));
            Predicate<ObjectNode> f = r -> email == null || r.path("emailAddress").asText().equalsIgnoreCase(email.trim());
            return EBoekhoudenJson.list(req, relations.values().stream().filter(f).toList());
        }
        if (rm.matches()) {
            ObjectNode r = relations.get(Integer.parseInt(rm.group(1)));
            if (r == null) {
                return ebError(404, "RELATION_NOT_FOUND", "Relation not found.");
            }
            if (m.equals("GET")) {
                synchronized (r) {
                    return json(200, r);
                }
            }
            if (m.equals("PATCH")) {
                return EBoekhoudenJson.patch(req, r);
            }
        }
        if ((p.equals("/invoice") || p.equals("/invoice/")) && m.equals("GET")) {
            String rel = req.param("relationId");
            if (rel != null && !rel.matches("\\d+")) {
                return ebError(400, "INVALID_PARAMETER", "relationId must be a number.");
            }
            Predicate<ObjectNode> f = i -> rel == null || i.path("relationId").asText().equals(rel);
            return EBoekhoudenJson.list(req, invoices.values().stream().filter(f).toList());
        }
        if (im.matches() && m.equals("GET")) {
            ObjectNode i = invoices.get(Integer.parseInt(im.group(1)));
            return i == null ? ebError(404, "INVOICE_NOT_FOUND", "Invoice not found.") : json(200, i);
        }
        return noRoute(req);
    }

    private Response startSession(Request req) {
        JsonNode body;
        try {
            body = req.body() == null || req.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(req.body());
        } catch (IOException e) {
            return ebError(400, "INVALID_JSON", "The request body is not valid JSON.");
        }
        String token = body.path("accessToken").asText("");
        String source = body.path("source").asText("");
        if (source.isEmpty()) {
            return ebError(400, "API_SESSION_001", "Source is missing.");
        }
        if (!SOURCE.matcher(source).matches()) {
            return ebError(400, "API_SESSION_002", "Source does not match pattern.");
        }
        if (token.isEmpty()) {
            return ebError(400, "API_SESSION_003", "Access token is missing or empty.");
        }
        if (!token.equals(accessToken)) {
            return ebError(401, "UNAUTHORIZED", "Access token is invalid.");
        }
        byte[] b = new byte[24];
        random.nextBytes(b);
        String session = HexFormat.of().formatHex(b);
        Duration ttl = sessionTtl;
        sessions.put(session, clock.instant().plus(ttl));
        ObjectNode out = JSON.createObjectNode();
        out.put("token", session);
        out.put("expiresIn", ttl.toSeconds());
        return json(200, out);
    }

    // ------------------------------------------------------------------ errors and helpers

    @Override
    protected Response error(int status, String detail, Request request) {
        return ebError(status, "HTTP_" + status, detail);
    }

    @Override
    protected Response noRoute(Request request) {
        return ebError(404, "NOT_FOUND", "Resource not found.");
    }

    private static Map<String, String> lines(String... descAndPrice) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < descAndPrice.length; i += 2) {
            m.put(descAndPrice[i], descAndPrice[i + 1]);
        }
        return m;
    }
}
