package nl.dsrhub.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Simulates the Mailchimp Marketing API 3.0 ({@code /3.0}) following {@code ../shared/specs/mailchimp-*.yaml}:
 * lists, list members (by MD5 hash of the lower-case e-mail, or the e-mail itself), member activity,
 * activity-feed, notes and tags, {@code DELETE} of a member (which only <b>archives</b> it),
 * {@code POST .../actions/delete-permanent} (which erases it for good), {@code search-members}, and the
 * e-commerce stores with their customers and orders ({@link MailchimpEcommerce}).
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
    private static final Pattern MEMBER = Pattern.compile("/lists/([^/]+)/members/([^/]+)(/activity|/activity-feed|/tags|/notes|/actions/delete-permanent)?/?");

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

    private static final class Member {
        final String listId;
        final String email;
        final String firstName;
        final String lastName;
        final String phone;
        final Instant signedUp;
        final int webId;
        final List<Tag> tags = new CopyOnWriteArrayList<>();
        final List<Note> notes = new CopyOnWriteArrayList<>();
        final List<Activity> activity = new CopyOnWriteArrayList<>();
        volatile String status;
        volatile Instant lastChanged;

        Member(String listId, String email, String firstName, String lastName, String phone, String status,
               Instant signedUp, int webId) {
            this.listId = listId;
            this.email = email;
            this.firstName = firstName;
            this.lastName = lastName;
            this.phone = phone;
            this.status = status;
            this.signedUp = signedUp;
            this.lastChanged = signedUp;
            this.webId = webId;
        }
    }

    private final Map<String, AudienceList> lists = new ConcurrentHashMap<>();
    /** list id → subscriber hash → member. */
    private final Map<String, Map<String, Member>> members = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger(100);
    private volatile String apiKey;
    private volatile int maxConnections = DEFAULT_MAX_CONNECTIONS;
    private final MailchimpEcommerce ecommerce = new MailchimpEcommerce(this::baseUrl);

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

    /** Adds a member with status {@code subscribed} (or another status from the spec's enum). */
    public void addMember(String listId, String email, String firstName, String lastName, String phone,
                          String status, Instant signedUpAt) {
        if (!lists.containsKey(listId)) {
            throw new IllegalArgumentException("unknown list " + listId);
        }
        members.get(listId).put(subscriberHash(email), new Member(listId, email, firstName, lastName, phone,
                status, signedUpAt, ids.incrementAndGet()));
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
        Member m = members.getOrDefault(listId, Map.of()).get(subscriberHash(email));
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

    private Member member(String listId, String email) {
        Member m = members.getOrDefault(listId, Map.of()).get(subscriberHash(email));
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
            return m.equals("GET") ? getLists(req) : methodNotAllowed();
        }
        if (p.equals("/search-members") || p.equals("/search-members/")) {
            return m.equals("GET") ? searchMembers(req) : methodNotAllowed();
        }
        Matcher lm = MEMBERS.matcher(p);
        if (lm.matches()) {
            if (!lists.containsKey(lm.group(1))) {
                return notFound();
            }
            return m.equals("GET") ? listMembers(req, lm.group(1)) : methodNotAllowed();
        }
        Matcher mm = MEMBER.matcher(p);
        if (!mm.matches()) {
            return notFound();
        }
        String listId = mm.group(1);
        String idOrEmail = mm.group(2);
        String hash = idOrEmail.contains("@") ? subscriberHash(idOrEmail) : idOrEmail.toLowerCase(Locale.ROOT);
        String sub = mm.group(3) == null ? "" : mm.group(3);
        Map<String, Member> inList = members.get(listId);
        Member member = inList == null ? null : inList.get(hash);
        String expected = sub.equals("/actions/delete-permanent") ? "POST" : sub.isEmpty() ? null : "GET";
        if (expected == null ? !(m.equals("GET") || m.equals("DELETE")) : !m.equals(expected)) {
            return methodNotAllowed();
        }
        if (member == null) {
            return notFound();
        }
        return switch (sub) {
            case "" -> m.equals("GET") ? json(200, memberJson(member)) : archive(member);
            case "/activity" -> json(200, activity(member));
            case "/activity-feed" -> json(200, activityFeed(member, req));
            case "/tags" -> json(200, tags(member, req));
            case "/notes" -> json(200, notes(member, req));
            default -> deletePermanent(member);
        };
    }

    private Response getLists(Request req) {
        Integer count = intParam(req, "count", 10);
        Integer offset = intParam(req, "offset", 0);
        if (count == null || offset == null || count < 0 || count > 1000 || offset < 0) {
            return invalidResource("count/offset");
        }
        String email = req.param("email");
        List<AudienceList> all = lists().stream()
                .filter(l -> email == null || members.get(l.id()).containsKey(subscriberHash(email))).toList();
        ObjectNode body = JSON.createObjectNode();
        ArrayNode arr = body.putArray("lists");
        all.stream().skip(offset).limit(count).forEach(l -> arr.add(listJson(l)));
        body.put("total_items", all.size());
        ObjectNode constraints = body.putObject("constraints");
        constraints.put("may_create", true);
        constraints.put("max_instances", 5);
        constraints.put("current_total_instances", lists.size());
        body.set("_links", links(link("self", "/lists", "GET"), link("create", "/lists", "POST")));
        return json(200, body);
    }

    private Response listMembers(Request req, String listId) {
        Integer count = intParam(req, "count", 10);
        Integer offset = intParam(req, "offset", 0);
        if (count == null || offset == null || count < 0 || count > 1000 || offset < 0) {
            return invalidResource("count/offset");
        }
        String status = req.param("status");
        List<Member> all = members.get(listId).values().stream()
                .filter(mb -> status == null || status.equals(mb.status))
                .sorted((a, b) -> Integer.compare(a.webId, b.webId)).toList();
        ObjectNode body = JSON.createObjectNode();
        ArrayNode arr = body.putArray("members");
        all.stream().skip(offset).limit(count).forEach(mb -> arr.add(memberJson(mb)));
        body.put("list_id", listId);
        body.put("total_items", all.size());
        body.set("_links", links(link("self", "/lists/" + listId + "/members", "GET")));
        return json(200, body);
    }

    private Response searchMembers(Request req) {
        String query = req.param("query");
        if (query == null || query.isBlank()) {
            return invalidResource("query");
        }
        String q = query.trim().toLowerCase(Locale.ROOT);
        String listId = req.param("list_id");
        List<Member> candidates = members.entrySet().stream()
                .filter(e -> listId == null || e.getKey().equals(listId))
                .flatMap(e -> e.getValue().values().stream())
                .sorted((a, b) -> Integer.compare(a.webId, b.webId)).toList();
        List<Member> exact = candidates.stream().filter(mb -> mb.email.equalsIgnoreCase(q)).toList();
        List<Member> full = candidates.stream()
                .filter(mb -> mb.email.toLowerCase(Locale.ROOT).contains(q)
                        || fullName(mb).toLowerCase(Locale.ROOT).contains(q))
                .limit(10).toList();
        ObjectNode body = JSON.createObjectNode();
        ObjectNode em = body.putObject("exact_matches");
        ArrayNode ea = em.putArray("members");
        exact.forEach(mb -> ea.add(memberJson(mb)));
        em.put("total_items", exact.size());
        ObjectNode fs = body.putObject("full_search");
        ArrayNode fa = fs.putArray("members");
        full.forEach(mb -> fa.add(memberJson(mb)));
        fs.put("total_items", full.size());
        body.set("_links", links(link("self", "/search-members", "GET")));
        return json(200, body);
    }

    /** Plain DELETE: Mailchimp archives the contact, it stays in the audience. */
    private Response archive(Member m) {
        m.status = "archived";
        m.lastChanged = Instant.now();
        return Response.empty(204);
    }

    /** delete-permanent: the contact and its history are gone from this audience. */
    private Response deletePermanent(Member m) {
        members.get(m.listId).remove(subscriberHash(m.email));
        return Response.empty(204);
    }

    // ------------------------------------------------------------------ JSON shapes (per the spec)

    private ObjectNode listJson(AudienceList l) {
        List<Member> ms = List.copyOf(members.get(l.id()).values());
        ObjectNode o = JSON.createObjectNode();
        o.put("id", l.id());
        o.put("web_id", l.webId());
        o.put("name", l.name());
        ObjectNode contact = o.putObject("contact");
        contact.put("company", "Voorbeeldwinkel B.V.");
        contact.put("address1", "Voorbeeldweg 1");
        contact.put("address2", "");
        contact.put("city", "Utrecht");
        contact.put("state", "");
        contact.put("zip", "3500 AA");
        contact.put("country", "NL");
        contact.put("phone", "");
        o.put("permission_reminder", "Je ontvangt deze e-mail omdat je je hebt aangemeld op onze website.");
        o.put("use_archive_bar", true);
        ObjectNode defaults = o.putObject("campaign_defaults");
        defaults.put("from_name", "Voorbeeldwinkel");
        defaults.put("from_email", "nieuws@example.com");
        defaults.put("subject", "");
        defaults.put("language", "nl");
        o.put("notify_on_subscribe", "");
        o.put("notify_on_unsubscribe", "");
        o.put("date_created", ts(l.createdAt()));
        o.put("list_rating", 3);
        o.put("email_type_option", false);
        o.put("subscribe_url_short", "http://eepurl.com/" + l.id().substring(0, 6));
        o.put("subscribe_url_long", "https://example.us21.list-manage.com/subscribe?u=0&id=" + l.id());
        o.put("beamer_address", "us21-" + l.id() + "@inbound.mailchimp.com");
        o.put("visibility", "prv");
        o.put("double_optin", true);
        o.put("has_welcome", false);
        o.put("marketing_permissions", false);
        o.putArray("modules");
        ObjectNode stats = o.putObject("stats");
        long subscribed = ms.stream().filter(m -> m.status.equals("subscribed")).count();
        stats.put("member_count", subscribed);
        stats.put("total_contacts", ms.size());
        stats.put("unsubscribe_count", ms.stream().filter(m -> m.status.equals("unsubscribed")).count());
        stats.put("cleaned_count", ms.stream().filter(m -> m.status.equals("cleaned")).count());
        stats.put("member_count_since_send", 0);
        stats.put("unsubscribe_count_since_send", 0);
        stats.put("cleaned_count_since_send", 0);
        stats.put("campaign_count", 4);
        stats.put("campaign_last_sent", ts(l.createdAt().plus(200, ChronoUnit.DAYS)));
        stats.put("merge_field_count", 4);
        stats.put("avg_sub_rate", 2);
        stats.put("avg_unsub_rate", 0);
        stats.put("target_sub_rate", 1);
        stats.put("open_rate", 41.5);
        stats.put("click_rate", 6.25);
        stats.put("last_sub_date", ts(l.createdAt().plus(150, ChronoUnit.DAYS)));
        stats.put("last_unsub_date", ts(l.createdAt().plus(90, ChronoUnit.DAYS)));
        o.set("_links", links(link("self", "/lists/" + l.id(), "GET"), link("parent", "/lists", "GET"),
                link("members", "/lists/" + l.id() + "/members", "GET")));
        return o;
    }

    private ObjectNode memberJson(Member m) {
        String hash = subscriberHash(m.email);
        String self = "/lists/" + m.listId + "/members/" + hash;
        ObjectNode o = JSON.createObjectNode();
        o.put("id", hash);
        o.put("email_address", m.email);
        o.put("unique_email_id", md5("unique:" + m.email.toLowerCase(Locale.ROOT)).substring(0, 10));
        o.put("contact_id", md5("contact:" + m.email.toLowerCase(Locale.ROOT)));
        o.put("full_name", fullName(m));
        o.put("web_id", m.webId);
        o.put("email_type", "html");
        o.put("status", m.status);
        o.put("consents_to_one_to_one_messaging", true);
        ObjectNode merge = o.putObject("merge_fields");
        merge.put("FNAME", m.firstName);
        merge.put("LNAME", m.lastName);
        merge.put("PHONE", m.phone == null ? "" : m.phone);
        merge.put("BIRTHDAY", "");
        o.putObject("interests");
        ObjectNode stats = o.putObject("stats");
        long opens = m.activity.stream().filter(a -> a.action().equals("open")).count();
        long sent = Math.max(1, m.activity.stream().filter(a -> a.action().equals("sent")).count());
        stats.put("avg_open_rate", Math.min(1.0, (double) opens / sent));
        stats.put("avg_click_rate", Math.min(1.0,
                (double) m.activity.stream().filter(a -> a.action().equals("click")).count() / sent));
        o.put("ip_signup", "");
        o.put("timestamp_signup", ts(m.signedUp));
        o.put("ip_opt", "192.0.2." + (m.webId % 250 + 1));   // TEST-NET-1 documentation range
        o.put("timestamp_opt", ts(m.signedUp.plus(3, ChronoUnit.MINUTES)));
        o.put("member_rating", 2 + (int) Math.min(3, opens));
        o.put("last_changed", ts(m.lastChanged));
        o.put("language", "nl");
        o.put("vip", false);
        o.put("email_client", "");
        ObjectNode loc = o.putObject("location");
        loc.put("latitude", 52.09);
        loc.put("longitude", 5.12);
        loc.put("gmtoff", 1);
        loc.put("dstoff", 2);
        loc.put("country_code", "NL");
        loc.put("timezone", "Europe/Amsterdam");
        loc.put("region", "UT");
        o.putArray("marketing_permissions");
        if (!m.notes.isEmpty()) {
            Note last = m.notes.get(m.notes.size() - 1);
            ObjectNode ln = o.putObject("last_note");
            ln.put("note_id", last.id());
            ln.put("created_at", ts(last.createdAt()));
            ln.put("created_by", last.createdBy());
            ln.put("note", last.note());
        }
        o.put("source", "API - Generic");
        o.put("tags_count", m.tags.size());
        ArrayNode tags = o.putArray("tags");
        m.tags.forEach(t -> tags.addObject().put("id", t.id()).put("name", t.name()));
        o.put("list_id", m.listId);
        o.set("_links", links(link("self", self, "GET"), link("parent", "/lists/" + m.listId + "/members", "GET"),
                link("update", self, "PATCH"), link("upsert", self, "PUT"), link("delete", self, "DELETE"),
                link("activity", self + "/activity", "GET"), link("notes", self + "/notes", "GET")));
        return o;
    }

    private ObjectNode activity(Member m) {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode arr = o.putArray("activity");
        m.activity.stream().sorted((a, b) -> b.timestamp().compareTo(a.timestamp())).forEach(a -> {
            ObjectNode x = arr.addObject();
            x.put("action", a.action());
            x.put("timestamp", ts(a.timestamp()));
            if (a.url() != null) {
                x.put("url", a.url());
            }
            x.put("type", "regular");
            x.put("campaign_id", a.campaignId());
            x.put("title", a.campaignTitle());
            x.put("parent_campaign", "");
        });
        String self = "/lists/" + m.listId + "/members/" + subscriberHash(m.email);
        o.put("email_id", subscriberHash(m.email));
        o.put("contact_id", md5("contact:" + m.email.toLowerCase(Locale.ROOT)));
        o.put("list_id", m.listId);
        o.put("total_items", m.activity.size());
        o.set("_links", links(link("self", self + "/activity", "GET"), link("parent", self, "GET")));
        return o;
    }

    private ObjectNode activityFeed(Member m, Request req) {
        Integer count = intParam(req, "count", 10);
        Integer offset = intParam(req, "offset", 0);
        ObjectNode o = JSON.createObjectNode();
        ArrayNode arr = o.putArray("activity");
        m.activity.stream().sorted((a, b) -> b.timestamp().compareTo(a.timestamp()))
                .skip(offset == null ? 0 : offset).limit(count == null ? 10 : count).forEach(a -> {
                    ObjectNode x = arr.addObject();
                    x.put("activity_type", a.action());
                    x.put("created_at_timestamp", ts(a.timestamp()));
                    x.put("campaign_id", a.campaignId());
                    x.put("campaign_title", a.campaignTitle());
                    if (a.url() != null) {
                        x.put("link_clicked", a.url());
                    }
                });
        String self = "/lists/" + m.listId + "/members/" + subscriberHash(m.email);
        o.put("email_id", subscriberHash(m.email));
        o.put("list_id", m.listId);
        o.set("_links", links(link("self", self + "/activity-feed", "GET"), link("parent", self, "GET")));
        return o;
    }

    private ObjectNode tags(Member m, Request req) {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode arr = o.putArray("tags");
        page(m.tags, req).forEach(t -> arr.addObject().put("id", t.id()).put("name", t.name())
                .put("date_added", ts(t.dateAdded())));
        o.put("total_items", m.tags.size());
        String self = "/lists/" + m.listId + "/members/" + subscriberHash(m.email);
        o.set("_links", links(link("self", self + "/tags", "GET"), link("parent", self, "GET"),
                link("update", self + "/tags", "POST")));
        return o;
    }

    private ObjectNode notes(Member m, Request req) {
        String hash = subscriberHash(m.email);
        String self = "/lists/" + m.listId + "/members/" + hash;
        ObjectNode o = JSON.createObjectNode();
        ArrayNode arr = o.putArray("notes");
        page(m.notes, req).forEach(n -> {
            ObjectNode x = arr.addObject();
            x.put("id", n.id());
            x.put("created_at", ts(n.createdAt()));
            x.put("created_by", n.createdBy());
            x.put("updated_at", ts(n.createdAt()));
            x.put("note", n.note());
            x.put("list_id", m.listId);
            x.put("email_id", hash);
            x.put("contact_id", md5("contact:" + m.email.toLowerCase(Locale.ROOT)));
            x.set("_links", links(link("self", self + "/notes/" + n.id(), "GET"),
                    link("parent", self + "/notes", "GET")));
        });
        o.put("email_id", hash);
        o.put("list_id", m.listId);
        o.put("total_items", m.notes.size());
        o.set("_links", links(link("self", self + "/notes", "GET"), link("parent", self, "GET"),
                link("create", self + "/notes", "POST")));
        return o;
    }

    private static <T> List<T> page(List<T> all, Request req) {
        Integer count = intParam(req, "count", 10);
        Integer offset = intParam(req, "offset", 0);
        return all.stream().skip(offset == null ? 0 : offset).limit(count == null ? 10 : count).toList();
    }

    private ObjectNode link(String rel, String path, String method) {
        ObjectNode l = JSON.createObjectNode();
        l.put("rel", rel);
        l.put("href", baseUrl() + path);
        l.put("method", method);
        return l;
    }

    private static ArrayNode links(ObjectNode... links) {
        ArrayNode a = JSON.createArrayNode();
        for (ObjectNode l : links) {
            a.add(l);
        }
        return a;
    }

    // ------------------------------------------------------------------ errors and helpers

    @Override
    protected Response error(int status, String detail, Request request) {
        String title = switch (status) {
            case 400 -> "Invalid Resource";
            case 401 -> "API Key Invalid";
            case 403 -> "Forbidden";
            case 404 -> "Resource Not Found";
            case 405 -> "Method Not Allowed";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
        return problem(status, title, detail);
    }

    @Override
    protected Response noRoute(Request request) {
        return notFound();
    }

    private static Response notFound() {
        return problem(404, "Resource Not Found", "The requested resource could not be found.");
    }

    private static Response methodNotAllowed() {
        return problem(405, "Method Not Allowed", "The requested method and resource are not compatible.");
    }

    private static Response invalidResource(String field) {
        return problem(400, "Invalid Resource", "The resource submitted could not be validated: " + field + ".");
    }

    static Response problem(int status, String title, String detail) {
        ObjectNode p = JSON.createObjectNode();
        p.put("type", ERROR_DOC);
        p.put("title", title);
        p.put("status", status);
        p.put("detail", detail);
        p.put("instance", UUID.randomUUID().toString());
        return Response.of(status, PROBLEM_TYPE, toJson(p));
    }

    private static Response json(int status, ObjectNode body) {
        return Response.of(status, CONTENT_TYPE, toJson(body));
    }

    private static Integer intParam(Request req, String name, int fallback) {
        String v = req.param(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String fullName(Member m) {
        return (m.firstName + " " + m.lastName).trim();
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
