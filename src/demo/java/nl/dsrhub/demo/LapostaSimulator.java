package nl.dsrhub.demo;

import static nl.dsrhub.demo.LapostaJson.json;
import static nl.dsrhub.demo.LapostaJson.lapostaError;
import static nl.dsrhub.demo.LapostaJson.memberAnswer;
import static nl.dsrhub.demo.LapostaJson.unknownMember;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.dsrhub.demo.DemoPeople.ANNA;
import static nl.dsrhub.demo.DemoPeople.EVA;
import static nl.dsrhub.demo.DemoPeople.JAN;
import static nl.dsrhub.demo.DemoPeople.LOTTE;

/**
 * Simulates the Laposta API v2 ({@code /v2}) as far as a data-subject request needs it: lists, the members of a
 * list ({@code GET /v2/member?list_id=[&state=]}), a member looked up by member id <em>or</em> e-mail address
 * ({@code GET /v2/member/{member_id|email}?list_id=}), deleted ({@code DELETE}, answering the member with state
 * {@code deleted}; afterwards it is unknown), changed ({@code POST /v2/member/{member_id|email}}) and added
 * ({@code POST /v2/member}), the last two form-encoded ({@link LapostaMemberChanges}).
 *
 * <p>Auth: HTTP Basic with the API key as user name and an empty password. Errors have Laposta's shape
 * {@code {"error": {"type", "message"[, "code", "parameter"]}}}. Requests over the {@link #setRateLimit rate
 * limit} are answered {@code 429} with a {@code Retry-After} header in seconds.
 *
 * <p>{@link #seedDemoPeople()} fills two lists from {@link DemoPeople}.
 */
public class LapostaSimulator extends SimulatorServer {

    public static final String BASE_PATH = "/v2";
    /** Invented API key the demo uses. */
    public static final String API_KEY = "JdMtbsMq2jqJdQZD9AHC";
    /** List "Nieuwsbrief". */
    public static final String LIST_NEWSLETTER = "srbhotdwob";
    /** List "Klantenpanel". */
    public static final String LIST_PANEL = "kx7wqz2mfa";
    /** Default limit: generous enough that a normal hub run never meets it (tests lower it). */
    public static final int DEFAULT_RATE_LIMIT = 1000;
    public static final Duration DEFAULT_RATE_WINDOW = Duration.ofMinutes(1);

    static final String CONTENT_TYPE = "application/json; charset=UTF-8";
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern MEMBER = Pattern.compile("/member/([^/]+)/?");
    private static final Pattern LIST = Pattern.compile("/list/([^/]+)/?");

    /** list id → list object (the inner object of {@code {"list": …}}). */
    private final Map<String, ObjectNode> lists = new ConcurrentHashMap<>();
    /** list id → member id → member object (the inner object of {@code {"member": …}}), in insertion order. */
    private final Map<String, Map<String, ObjectNode>> members = new ConcurrentHashMap<>();
    private final Clock clock;
    private final FixedWindowRateLimit rateLimit;
    private volatile String apiKey;
    private final LapostaMemberChanges changes =
            new LapostaMemberChanges(members, this::find, this::now);

    public LapostaSimulator(String apiKey) {
        this(apiKey, Clock.systemUTC());
    }

    LapostaSimulator(String apiKey, Clock clock) {
        super("laposta", BASE_PATH);
        this.clock = Objects.requireNonNull(clock);
        this.rateLimit = new FixedWindowRateLimit(DEFAULT_RATE_LIMIT, DEFAULT_RATE_WINDOW, clock);
        setApiKey(apiKey);
    }

    @Override
    public LapostaSimulator start() {
        super.start();
        return this;
    }

    /** From now on only this API key is accepted. */
    public void setApiKey(String apiKey) {
        this.apiKey = Objects.requireNonNull(apiKey);
    }

    /** At most {@code count} requests per {@code window}; the count starts afresh. */
    public void setRateLimit(int count, Duration window) {
        rateLimit.set(count, window);
    }

    // ------------------------------------------------------------------ seeding and inspection

    /** Adds a list (or replaces its name). */
    public void addList(String listId, String name, Instant created) {
        lists.put(listId, LapostaJson.listRecord(listId, name, date(created)));
        members.computeIfAbsent(listId, k -> java.util.Collections.synchronizedMap(new LinkedHashMap<>()));
    }

    /**
     * Adds a member to a list and returns its member id.
     *
     * @param state        {@code active}, {@code unsubscribed} or {@code cleaned}
     * @param customFields values by the fields' custom names (e.g. {@code voornaam})
     */
    public String addMember(String listId, String email, String state, Instant signup, Map<String, String> customFields) {
        if (!lists.containsKey(listId)) {
            throw new IllegalArgumentException("unknown list " + listId);
        }
        String id = memberId(listId, email);
        members.get(listId).put(id, LapostaJson.memberRecord(id, listId, email, state, date(signup), customFields));
        return id;
    }

    /** Fills the lists "Nieuwsbrief" and "Klantenpanel": Jan and Anna in both, Eva and Lotte (unsubscribed) in the newsletter. */
    public LapostaSimulator seedDemoPeople() {
        addList(LIST_NEWSLETTER, "Nieuwsbrief", at("2023-04-03T10:00:00"));
        addList(LIST_PANEL, "Klantenpanel", at("2024-01-15T10:00:00"));
        addMember(LIST_NEWSLETTER, JAN.email(), "active", at("2024-11-03T14:20:11"), names(JAN));
        addMember(LIST_PANEL, JAN.email(), "active", at("2025-02-14T10:02:45"), names(JAN));
        addMember(LIST_NEWSLETTER, ANNA.email(), "active", at("2024-11-10T10:05:02"), names(ANNA));
        addMember(LIST_PANEL, ANNA.email(), "active", at("2025-01-07T12:10:30"), names(ANNA));
        addMember(LIST_NEWSLETTER, EVA.email(), "active", at("2024-12-09T08:45:19"), names(EVA));
        addMember(LIST_NEWSLETTER, LOTTE.email(), "unsubscribed", at("2024-12-18T21:20:03"), names(LOTTE));
        return this;
    }

    public List<String> listIds() {
        return List.copyOf(lists.keySet());
    }

    /** A copy of the member with this e-mail (case-insensitive) or member id in the list. */
    public Optional<JsonNode> member(String listId, String emailOrId) {
        return find(listId, emailOrId).map(ObjectNode::deepCopy);
    }

    public boolean memberExists(String listId, String emailOrId) {
        return find(listId, emailOrId).isPresent();
    }

    public int memberCount(String listId) {
        Map<String, ObjectNode> m = members.get(listId);
        return m == null ? 0 : m.size();
    }

    /** The member id the simulator gives this address in this list (stable, 10 lower-case letters/digits). */
    public static String memberId(String listId, String email) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((listId + "|" + email.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                sb.append(Character.forDigit(Math.floorMod(h[i], 36), 36));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ the API

    @Override
    protected Optional<Response> authenticate(Request req) {
        Optional<String[]> basic = req.basicAuth();
        if (basic.isEmpty() || basic.get()[0].isEmpty()) {
            return Optional.of(lapostaError(401, "invalid_request", "No API key provided", null, null));
        }
        if (!basic.get()[0].equals(apiKey)) {
            return Optional.of(lapostaError(401, "invalid_request", "Invalid API key", null, null));
        }
        FixedWindowRateLimit.Decision d = rateLimit.acquire();
        if (!d.allowed()) {
            return Optional.of(lapostaError(429, "request_failed", "Too many requests", null, null)
                    .withHeaders(Map.of("Retry-After", String.valueOf(d.retryAfterSeconds()))));
        }
        return Optional.empty();
    }

    @Override
    protected Response route(Request req) {
        String p = req.apiPath();
        String m = req.method();
        Matcher mm = MEMBER.matcher(p);
        Matcher lm = LIST.matcher(p);
        if ((p.equals("/list") || p.equals("/list/")) && m.equals("GET")) {
            return LapostaJson.allLists(lists.values(), members);
        }
        if (lm.matches() && m.equals("GET")) {
            ObjectNode l = lists.get(lm.group(1));
            if (l == null) {
                return lapostaError(404, "invalid_input", "Unknown list", 203, "list_id");
            }
            ObjectNode body = JSON.createObjectNode();
            body.set("list", LapostaJson.withCounts(l, members));
            return json(200, body);
        }
        if ((p.equals("/member") || p.equals("/member/")) && m.equals("GET")) {
            return checkList(req).orElseGet(() -> LapostaJson.membersOf(members.get(req.param("list_id")), req.param("state")));
        }
        if ((p.equals("/member") || p.equals("/member/")) && m.equals("POST")) {
            return changes.add(req);
        }
        if (mm.matches() && m.equals("POST")) {
            return changes.update(req, mm.group(1));
        }
        if (mm.matches()) {
            return checkList(req).orElseGet(() -> oneMember(req, mm.group(1)));
        }
        return noRoute(req);
    }

    /** GET or DELETE of a member by e-mail or member id; a deleted member is answered in state "deleted". */
    private Response oneMember(Request req, String emailOrId) {
        String listId = req.param("list_id");
        String method = req.method();
        Optional<ObjectNode> found = find(listId, emailOrId);
        if (found.isEmpty()) {
            return unknownMember();
        }
        if (method.equals("GET")) {
            return memberAnswer(found.get());
        }
        if (!method.equals("DELETE")) {
            return noRoute(req);
        }
        ObjectNode removed = members.get(listId).remove(found.get().path("member_id").asText());
        if (removed == null) {
            return unknownMember();   // deleted concurrently
        }
        ObjectNode answer = removed.deepCopy();
        answer.put("state", "deleted");
        answer.put("modified", date(clock.instant()));
        return memberAnswer(answer);
    }

    private Optional<Response> checkList(Request req) {
        String listId = req.param("list_id");
        if (listId == null || listId.isBlank()) {
            return Optional.of(lapostaError(400, "invalid_input", "list_id: Missing", 201, "list_id"));
        }
        if (!lists.containsKey(listId)) {
            return Optional.of(lapostaError(400, "invalid_input", "list_id: Unknown list", 203, "list_id"));
        }
        return Optional.empty();
    }

    private Optional<ObjectNode> find(String listId, String emailOrId) {
        Map<String, ObjectNode> ms = listId == null ? null : members.get(listId);
        if (ms == null || emailOrId == null) {
            return Optional.empty();
        }
        ObjectNode byId = ms.get(emailOrId);
        if (byId != null) {
            return Optional.of(byId);
        }
        synchronized (ms) {
            return ms.values().stream().filter(x -> x.path("email").asText().equalsIgnoreCase(emailOrId.trim())).findFirst();
        }
    }

    // ------------------------------------------------------------------ errors and helpers

    @Override
    protected Response error(int status, String detail, Request request) {
        Response r = lapostaError(status, LapostaJson.errorType(status), detail, null, null);
        return status == 429 ? r.withHeaders(Map.of("Retry-After", "1")) : r;
    }

    @Override
    protected Response noRoute(Request request) {
        return lapostaError(404, "invalid_request", "Unknown URL or method", null, null);
    }

    private static Map<String, String> names(DemoPeople.Person p) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("voornaam", p.firstName());
        m.put("achternaam", p.lastName());
        return m;
    }

    /** The time now, as Laposta writes dates. */
    private String now() {
        return date(clock.instant());
    }

    private static String date(Instant i) {
        return DATE.format(i.atZone(ZONE));
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZONE).toInstant();
    }
}
