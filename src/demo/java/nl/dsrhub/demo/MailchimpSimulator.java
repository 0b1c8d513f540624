package nl.dsrhub.demo;

import static nl.dsrhub.demo.MailchimpHttp.methodNotAllowed;
import static nl.dsrhub.demo.MailchimpHttp.notFound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Simulates the Mailchimp Marketing API 3.0 ({@code /3.0}) following {@code ../shared/specs/mailchimp-*.yaml}:
 * lists, list members (by MD5 hash of the lower-case e-mail, the e-mail itself or the contact id) with their
 * activity, activity-feed, notes and tags ({@link MailchimpMemberRoutes}); member changes by PATCH and PUT, tags by
 * POST, {@code DELETE} (which only <b>archives</b>) and {@code POST .../actions/delete-permanent} (which erases for
 * good) ({@link MailchimpMemberChanges}, {@link MailchimpMemberTags}); {@code search-members}; and the e-commerce
 * stores with their customers, orders and carts ({@link MailchimpEcommerce}).
 *
 * <p>Auth: HTTP Basic with any user name and the API key as password. At most
 * {@value #DEFAULT_MAX_CONNECTIONS} requests in flight at once: the next one gets 429. All errors are
 * {@code application/problem+json} {@code {type,title,status,detail,instance}}.
 */
public class MailchimpSimulator extends SimulatorServer {

    public static final String BASE_PATH = "/3.0";
    public static final int DEFAULT_MAX_CONNECTIONS = 10;
    static final String CONTENT_TYPE = "application/json; charset=utf-8";
    static final String PROBLEM_TYPE = "application/problem+json; charset=utf-8";
    static final String ERROR_DOC = "https://mailchimp.com/developer/marketing/docs/errors/";
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private static final Pattern MEMBERS = Pattern.compile("/lists/([^/]+)/members/?");

    /** A Mailchimp audience. */
    public record AudienceList(String id, int webId, String name, Instant createdAt) {
    }

    /** Campaign activity of a member (as seen by {@code /activity} and {@code /activity-feed}). */
    public record Activity(String action, Instant timestamp, String campaignId, String campaignTitle, String url) {
        public static Activity sent(Instant at, String campaignId, String title) {
            return new Activity("sent", at, campaignId, title, null);
        }

        public static Activity open(Instant at, String campaignId, String title) {
            return new Activity("open", at, campaignId, title, null);
        }

        public static Activity click(Instant at, String campaignId, String title, String url) {
            return new Activity("click", at, campaignId, title, url);
        }
    }

    /** A note a user wrote on a member. */
    public record Note(int id, String note, String createdBy, Instant createdAt) {
    }

    /** A tag on a member. */
    public record Tag(int id, String name, Instant dateAdded) {
    }

    private final Map<String, AudienceList> lists = new ConcurrentHashMap<>();
    /** list id → subscriber hash → member. */
    private final Map<String, Map<String, MailchimpMember>> members = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger(100);
    private volatile String apiKey;
    private volatile int maxConnections = DEFAULT_MAX_CONNECTIONS;
    private final MailchimpEcommerce ecommerce = new MailchimpEcommerce(this::baseUrl);
    private final MailchimpHttp http = new MailchimpHttp(this::baseUrl);
    private final MailchimpMemberResources memberResources = new MailchimpMemberResources(http);
    private final MailchimpAudienceResources audiences =
            new MailchimpAudienceResources(this::lists, members, memberResources, http);
    private final MailchimpMemberRoutes memberRoutes = new MailchimpMemberRoutes(members, memberResources,
            new MailchimpMemberChanges(members, memberResources, ids::incrementAndGet),
            new MailchimpMemberTags(ids::incrementAndGet));

    public MailchimpSimulator(String apiKey) {
        super("mailchimp", BASE_PATH);
        setCredentials(apiKey);
    }

    @Override
    public MailchimpSimulator start() {
        super.start();
        return this;
    }

    /** From now on only this API key (as the Basic-auth password) is accepted. */
    public void setCredentials(String apiKey) {
        this.apiKey = Objects.requireNonNull(apiKey);
    }

    /** Changes the simultaneous-connection limit (default 10; 0 = unlimited). */
    public void setMaxConnections(int max) {
        this.maxConnections = max;
    }

    /** MD5 hex of the lower-case e-mail: Mailchimp's subscriber hash. */
    public static String subscriberHash(String email) {
        return md5(email.trim().toLowerCase(Locale.ROOT));
    }

    // ------------------------------------------------------------------ seeding and inspection

    public void addList(String id, String name, Instant createdAt) {
        lists.put(id, new AudienceList(id, ids.incrementAndGet(), name, createdAt));
        members.putIfAbsent(id, new ConcurrentHashMap<>());
    }

    /**
     * Adds a member with status {@code subscribed} (or another status from the spec's enum). A member added as
     * {@code unsubscribed} unsubscribed themselves (Mailchimp then refuses to subscribe them again by API).
     */
    public void addMember(String listId, String email, String firstName, String lastName, String phone,
                          String status, Instant signedUpAt) {
        if (!lists.containsKey(listId)) {
            throw new IllegalArgumentException("unknown list " + listId);
        }
        MailchimpMember m = new MailchimpMember(listId, email, firstName, lastName, phone, status, signedUpAt,
                ids.incrementAndGet());
        m.unsubscribedThemselves = "unsubscribed".equals(status);
        members.get(listId).put(subscriberHash(email), m);
    }

    /** The member clicks the unsubscribe link of a campaign: unsubscribed, and no API call can subscribe them again. */
    public void memberUnsubscribesThemselves(String listId, String email) {
        MailchimpMember m = member(listId, email);
        m.status = "unsubscribed";
        m.unsubscribedThemselves = true;
        m.lastChanged = Instant.now();
    }

    /** The member confirms the opt-in mail Mailchimp sent for status {@code pending}: subscribed again. */
    public void memberConfirmsOptIn(String listId, String email) {
        MailchimpMember m = member(listId, email);
        m.status = "subscribed";
        m.unsubscribedThemselves = false;
        m.lastChanged = Instant.now();
    }

    /** Names of the member's tags, in the order they were added. */
    public List<String> memberTags(String listId, String email) {
        return member(listId, email).tags.stream().map(Tag::name).toList();
    }

    public void addTag(String listId, String email, String tag, Instant addedAt) {
        member(listId, email).tags.add(new Tag(ids.incrementAndGet(), tag, addedAt));
    }

    public void addNote(String listId, String email, String note, String createdBy, Instant createdAt) {
        member(listId, email).notes.add(new Note(ids.incrementAndGet(), note, createdBy, createdAt));
    }

    public void addActivity(String listId, String email, Activity activity) {
        member(listId, email).activity.add(activity);
    }

    /** "subscribed", "archived", … or {@code null} when the list does not (or no longer) hold the address. */
    public String memberStatus(String listId, String email) {
        MailchimpMember m = members.getOrDefault(listId, Map.of()).get(subscriberHash(email));
        return m == null ? null : m.status;
    }

    /** Ids of the lists that hold this address in any status. */
    public List<String> listsOf(String email) {
        String hash = subscriberHash(email);
        return members.entrySet().stream().filter(e -> e.getValue().containsKey(hash)).map(Map.Entry::getKey)
                .sorted().toList();
    }

    public List<AudienceList> lists() {
        return lists.values().stream().sorted((a, b) -> a.createdAt().compareTo(b.createdAt())).toList();
    }

    private MailchimpMember member(String listId, String email) {
        MailchimpMember m = members.getOrDefault(listId, Map.of()).get(subscriberHash(email));
        if (m == null) {
            throw new IllegalArgumentException("no such member in list " + listId);
        }
        return m;
    }

    /** The connected stores and the customers and orders their plugin copied here. */
    public void addStore(String id, String listId, String name, String domain, Instant createdAt) {
        ecommerce.addStore(id, listId, name, domain, createdAt);
    }

    public void addStoreCustomer(String storeId, String customerId, DemoPeople.Person p, int orders, double spent,
                                 Instant createdAt) {
        ecommerce.addCustomer(storeId, customerId, p.email(), p.firstName(), p.lastName(), p.address(), orders, spent,
                createdAt);
    }

    public void addStoreOrder(String storeId, String orderId, String customerId, double total, Instant processedAt) {
        ecommerce.addOrder(storeId, orderId, customerId, total, processedAt);
    }

    public void addStoreCart(String storeId, String cartId, String customerId, String productTitle, int quantity,
                             double price, Instant createdAt) {
        ecommerce.addCart(storeId, cartId, customerId, productTitle, quantity, price, createdAt);
    }

    public boolean storeCartExists(String storeId, String cartId) {
        return ecommerce.cartExists(storeId, cartId);
    }

    public boolean storeCustomerExists(String storeId, String customerId) {
        return ecommerce.customerExists(storeId, customerId);
    }

    public boolean storeOrderExists(String storeId, String orderId) {
        return ecommerce.orderExists(storeId, orderId);
    }

    // ------------------------------------------------------------------ the API

    @Override
    protected int maxConcurrentRequests() {
        return maxConnections;
    }

    @Override
    protected Response tooManyRequests(Request request) {
        return problem(429, "Too Many Requests",
                "You have exceeded the limit of " + maxConnections + " simultaneous connections.");
    }

    @Override
    protected Optional<Response> authenticate(Request req) {
        Optional<String[]> basic = req.basicAuth();
        if (basic.isEmpty()) {
            return Optional.of(problem(401, "API Key Missing",
                    "Your request did not include an API key."));
        }
        if (!basic.get()[1].equals(apiKey)) {
            return Optional.of(problem(401, "API Key Invalid",
                    "Your API key may be invalid, or you've attempted to access the wrong datacenter."));
        }
        return Optional.empty();
    }

    @Override
    protected Response route(Request req) {
        String p = req.apiPath();
        String m = req.method();
        Optional<Response> shop = ecommerce.route(req, p);
        if (shop.isPresent()) {
            return shop.get();
        }
        if (p.equals("/lists") || p.equals("/lists/")) {
            return m.equals("GET") ? audiences.getLists(req) : methodNotAllowed();
        }
        if (p.equals("/search-members") || p.equals("/search-members/")) {
            return m.equals("GET") ? audiences.searchMembers(req) : methodNotAllowed();
        }
        Matcher lm = MEMBERS.matcher(p);
        if (lm.matches()) {
            if (!lists.containsKey(lm.group(1))) {
                return notFound();
            }
            return m.equals("GET") ? audiences.listMembers(req, lm.group(1)) : methodNotAllowed();
        }
        return memberRoutes.route(req, p).orElseGet(MailchimpHttp::notFound);
    }

    // ------------------------------------------------------------------ errors and helpers

    @Override
    protected Response error(int status, String detail, Request request) {
        return problem(status, MailchimpHttp.title(status), detail);
    }

    @Override
    protected Response noRoute(Request request) {
        return notFound();
    }

    static Response problem(int status, String title, String detail) {
        return MailchimpHttp.problem(status, title, detail);
    }

    static String ts(Instant i) {
        return OffsetDateTime.ofInstant(i.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC).format(TS);
    }

    static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
