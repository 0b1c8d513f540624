package nl.dsrhub.demo;

import static nl.dsrhub.demo.WooCommerceHttp.bool;
import static nl.dsrhub.demo.WooCommerceHttp.contains;
import static nl.dsrhub.demo.WooCommerceHttp.invalidParam;
import static nl.dsrhub.demo.WooCommerceHttp.json;
import static nl.dsrhub.demo.WooCommerceHttp.lower;
import static nl.dsrhub.demo.WooCommerceHttp.wpError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Simulates the WooCommerce REST API v3 ({@code /wp-json/wc/v3}) as far as a data-subject request needs it:
 * customers (list with the {@code role} filter that defaults to {@code customer}, get, update by
 * {@code PUT}/{@code POST}/{@code PATCH} ({@link WooCommerceCustomers}), delete only with {@code force=true}) and
 * orders (list with {@code search}, {@code customer} and WordPress pagination headers, get, update). Deleting or
 * changing a customer leaves their orders untouched, as the real shop does.
 *
 * <p>Auth: HTTP Basic {@code consumer_key:consumer_secret} (or the {@code consumer_key}/{@code consumer_secret}
 * query parameters, which WooCommerce also accepts). Errors are WordPress REST errors
 * {@code {"code","message","data":{"status"}}}.
 *
 * <p>Data are held as JSON objects exactly as the API returns them; {@link DemoPeople#seed} fills them.
 */
public class WooCommerceSimulator extends SimulatorServer {

    public static final String BASE_PATH = "/wp-json/wc/v3";
    static final String CONTENT_TYPE = "application/json; charset=UTF-8";
    static final Set<String> ROLES = Set.of("all", "administrator", "editor", "author", "contributor",
            "subscriber", "customer", "shop_manager");

    private static final Pattern CUSTOMER = Pattern.compile("/customers/(\\d+)/?");
    private static final Pattern ORDER = Pattern.compile("/orders/(\\d+)/?");

    private final ConcurrentSkipListMap<Long, ObjectNode> customers = new ConcurrentSkipListMap<>();
    private final ConcurrentSkipListMap<Long, ObjectNode> orders = new ConcurrentSkipListMap<>();
    private final WooCommerceHttp http = new WooCommerceHttp(this::baseUrl);
    private volatile String consumerKey;
    private volatile String consumerSecret;

    public WooCommerceSimulator(String consumerKey, String consumerSecret) {
        super("woocommerce", BASE_PATH);
        setCredentials(consumerKey, consumerSecret);
    }

    @Override
    public WooCommerceSimulator start() {
        super.start();
        return this;
    }

    /** From now on only this key and secret are accepted. */
    public void setCredentials(String consumerKey, String consumerSecret) {
        this.consumerKey = Objects.requireNonNull(consumerKey);
        this.consumerSecret = Objects.requireNonNull(consumerSecret);
    }

    // ------------------------------------------------------------------ state for seeding and inspection

    /** Adds or replaces a customer (a JSON object with at least a numeric {@code id}). */
    public void putCustomer(JsonNode customer) {
        customers.put(customer.path("id").asLong(), customer.deepCopy());
    }

    /** Adds or replaces an order (a JSON object with at least a numeric {@code id}). */
    public void putOrder(JsonNode order) {
        orders.put(order.path("id").asLong(), order.deepCopy());
    }

    public boolean customerExists(long id) {
        return customers.containsKey(id);
    }

    public boolean orderExists(long id) {
        return orders.containsKey(id);
    }

    /** A copy of the customer as the API would return it. */
    public Optional<JsonNode> customer(long id) {
        return Optional.ofNullable(customers.get(id)).map(ObjectNode::deepCopy);
    }

    /** A copy of the order as the API would return it. */
    public Optional<JsonNode> order(long id) {
        return Optional.ofNullable(orders.get(id)).map(ObjectNode::deepCopy);
    }

    /** Id of the user (any role) with this e-mail (case-insensitive), if any. */
    public Optional<Long> customerIdByEmail(String email) {
        return customers.values().stream()
                .filter(c -> c.path("email").asText().equalsIgnoreCase(email))
                .map(c -> c.path("id").asLong()).findFirst();
    }

    /** Ids of the orders whose billing e-mail equals this one (case-insensitive). */
    public List<Long> orderIdsByBillingEmail(String email) {
        return orders.values().stream()
                .filter(o -> o.path("billing").path("email").asText().equalsIgnoreCase(email))
                .map(o -> o.path("id").asLong()).toList();
    }

    public int customerCount() {
        return customers.size();
    }

    public int orderCount() {
        return orders.size();
    }

    // ------------------------------------------------------------------ the API

    @Override
    protected Optional<Response> authenticate(Request req) {
        String key;
        String secret;
        Optional<String[]> basic = req.basicAuth();
        if (basic.isPresent()) {
            key = basic.get()[0];
            secret = basic.get()[1];
        } else {
            key = req.param("consumer_key");
            secret = req.param("consumer_secret");
        }
        if (key == null || key.isEmpty()) {
            boolean delete = req.method().equals("DELETE");
            return Optional.of(wpError(401, delete ? "woocommerce_rest_cannot_delete" : "woocommerce_rest_cannot_view",
                    delete ? "Sorry, you are not allowed to delete this resource." : "Sorry, you cannot list resources."));
        }
        if (!key.equals(consumerKey)) {
            return Optional.of(wpError(401, "woocommerce_rest_authentication_error", "Consumer key is invalid."));
        }
        if (!Objects.equals(secret, consumerSecret)) {
            return Optional.of(wpError(401, "woocommerce_rest_authentication_error", "Consumer secret is invalid."));
        }
        return Optional.empty();
    }

    @Override
    protected Response route(Request req) {
        String p = req.apiPath();
        String m = req.method();
        Matcher cm = CUSTOMER.matcher(p);
        Matcher om = ORDER.matcher(p);
        if (p.equals("/customers") || p.equals("/customers/")) {
            if (m.equals("GET")) {
                return listCustomers(req);
            }
        } else if (cm.matches()) {
            long id = Long.parseLong(cm.group(1));
            if (m.equals("GET")) {
                ObjectNode c = customers.get(id);
                return c == null ? invalidCustomer() : json(200, c);
            }
            if (m.equals("DELETE")) {
                return deleteCustomer(req, id);
            }
            if (m.equals("PUT") || m.equals("POST") || m.equals("PATCH")) {
                ObjectNode c = customers.get(id);
                return c == null ? wpError(400, "woocommerce_rest_invalid_id", "Invalid resource ID.")
                        : WooCommerceCustomers.update(req, c, customers.values());
            }
        } else if (p.equals("/orders") || p.equals("/orders/")) {
            if (m.equals("GET")) {
                return listOrders(req);
            }
        } else if (om.matches()) {
            ObjectNode o = orders.get(Long.parseLong(om.group(1)));
            if (o == null && Set.of("GET", "PUT", "POST", "PATCH").contains(m)) {
                return wpError(404, "woocommerce_rest_shop_order_invalid_id", "Invalid ID.");
            }
            if (m.equals("GET")) {
                return json(200, o);
            }
            if (m.equals("PUT") || m.equals("POST") || m.equals("PATCH")) {
                return WooCommerceOrders.update(req, o);
            }
        }
        return noRoute(req);
    }

    private Response listCustomers(Request req) {
        String role = req.param("role", "customer");
        if (!ROLES.contains(role)) {
            return invalidParam("role", "role is not one of " + String.join(", ", ROLES.stream().sorted().toList()) + ".");
        }
        String email = req.param("email");
        String search = lower(req.param("search"));
        Predicate<ObjectNode> filter = c -> role.equals("all") || role.equals(c.path("role").asText());
        if (email != null) {
            filter = filter.and(c -> c.path("email").asText().equalsIgnoreCase(email.trim()));
        }
        if (search != null && !search.isEmpty()) {
            filter = filter.and(c -> contains(search, c.path("email"), c.path("username"),
                    c.path("first_name"), c.path("last_name")));
        }
        List<ObjectNode> all = customers.values().stream().filter(filter).toList();
        if ("desc".equalsIgnoreCase(req.param("order"))) {
            all = new ArrayList<>(all);
            java.util.Collections.reverse(all);
        }
        return http.page(req, "/customers", all);
    }

    private Response deleteCustomer(Request req, long id) {
        Boolean force = bool(req.param("force", "false"));
        if (force == null) {
            return invalidParam("force", "force is not of type boolean.");
        }
        if (!force) {
            return wpError(501, "woocommerce_rest_trash_not_supported", "Customers do not support trashing.");
        }
        ObjectNode removed = customers.remove(id);
        // like WordPress: the customer's orders keep customer_id and billing/shipping data
        return removed == null ? invalidCustomer() : json(200, removed);
    }

    private Response listOrders(Request req) {
        String search = lower(req.param("search"));
        String customer = req.param("customer");
        String status = req.param("status", "any");
        Predicate<ObjectNode> filter = o -> true;
        if (customer != null) {
            if (!customer.matches("\\d+")) {
                return invalidParam("customer", "customer is not of type integer.");
            }
            long cid = Long.parseLong(customer);
            filter = filter.and(o -> o.path("customer_id").asLong() == cid);
        }
        if (!status.equals("any")) {
            Set<String> wanted = Set.of(status.split(","));
            filter = filter.and(o -> wanted.contains(o.path("status").asText()));
        }
        if (search != null && !search.isEmpty()) {
            filter = filter.and(o -> WooCommerceOrders.matches(o, search));
        }
        Comparator<ObjectNode> byDate = Comparator.comparing((ObjectNode o) -> o.path("date_created").asText())
                .thenComparingLong(o -> o.path("id").asLong());
        boolean asc = "asc".equalsIgnoreCase(req.param("order"));
        List<ObjectNode> all = orders.values().stream().filter(filter)
                .sorted(asc ? byDate : byDate.reversed()).toList();
        return http.page(req, "/orders", all);
    }

    // ------------------------------------------------------------------ errors and helpers

    @Override
    protected Response error(int status, String detail, Request request) {
        String code = switch (status) {
            case 400 -> "rest_invalid_param";
            case 401 -> "woocommerce_rest_cannot_view";
            case 403 -> "rest_forbidden";
            case 404 -> "rest_no_route";
            case 429 -> "rest_too_many_requests";
            case 500 -> "internal_server_error";
            default -> "http_" + status;
        };
        String message = status == 500 ? "There has been a critical error on this website." : detail;
        return wpError(status, code, message);
    }

    @Override
    protected Response noRoute(Request request) {
        return wpError(404, "rest_no_route", "No route was found matching the URL and request method.");
    }

    private static Response invalidCustomer() {
        return wpError(404, "woocommerce_rest_invalid_id", "Invalid ID.");
    }
}
