package nl.dsrhub.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dsrhub.demo.SimulatorServer.Request;
import nl.dsrhub.demo.SimulatorServer.Response;

/**
 * The e-commerce part of the Mailchimp simulator ({@code /3.0/ecommerce/stores/...}): connected stores, their
 * customers (filterable by {@code email_address}), orders (filterable by {@code customer_id}) and carts (not
 * filterable: the list is paged through), get and {@code DELETE} of each, and {@code PATCH}/{@code PUT} of a
 * customer ({@link MailchimpStoreCustomerChanges}). A shop plugin (Mailchimp for
 * WooCommerce) copies its customers, orders and abandoned carts here, with names, e-mail and addresses.
 * Deleting a customer leaves their orders and carts, so a connector deletes all three.
 * Requests and answers follow {@code ../shared/specs/mailchimp-ecommerce-swagger.yaml} (checked by
 * {@code MailchimpSimulatorConformsToSpecTest}).
 */
final class MailchimpEcommerce {

    private static final Pattern STORE = Pattern.compile("/ecommerce/stores/([^/]+)/?");
    private static final Pattern ITEMS = Pattern.compile("/ecommerce/stores/([^/]+)/(customers|orders|carts)/?");
    private static final Pattern ITEM = Pattern.compile("/ecommerce/stores/([^/]+)/(customers|orders|carts)/([^/]+)/?");

    private final Supplier<String> baseUrl;
    /** store id → store JSON */
    private final Map<String, ObjectNode> stores = new ConcurrentSkipListMap<>();
    /** store id → customer id → customer JSON */
    private final Map<String, Map<String, ObjectNode>> customers = new ConcurrentHashMap<>();
    /** store id → order id → order JSON */
    private final Map<String, Map<String, ObjectNode>> orders = new ConcurrentHashMap<>();
    /** store id → cart id → cart JSON */
    private final Map<String, Map<String, ObjectNode>> carts = new ConcurrentHashMap<>();

    private final MailchimpStoreCustomerChanges customerChanges = new MailchimpStoreCustomerChanges(this::withLinks);

    MailchimpEcommerce(Supplier<String> baseUrl) {
        this.baseUrl = baseUrl;
    }

    // ------------------------------------------------------------------ seeding and inspection

    void addStore(String id, String listId, String name, String domain, Instant createdAt) {
        ObjectNode s = SimulatorServer.JSON.createObjectNode();
        s.put("id", id);
        s.put("list_id", listId);
        s.put("name", name);
        s.put("platform", "WooCommerce");
        s.put("domain", domain);
        s.put("is_syncing", false);
        s.put("email_address", "winkel@" + domain);
        s.put("currency_code", "EUR");
        s.put("primary_locale", "nl");
        s.put("timezone", "Europe/Amsterdam");
        s.put("created_at", MailchimpSimulator.ts(createdAt));
        s.put("updated_at", MailchimpSimulator.ts(createdAt));
        stores.put(id, s);
        customers.putIfAbsent(id, new ConcurrentSkipListMap<>());
        orders.putIfAbsent(id, new ConcurrentSkipListMap<>());
        carts.putIfAbsent(id, new ConcurrentSkipListMap<>());
    }

    void addCustomer(String storeId, String customerId, String email, String firstName, String lastName,
                     DemoPeople.Address address, int ordersCount, double totalSpent, Instant createdAt) {
        ObjectNode c = SimulatorServer.JSON.createObjectNode();
        c.put("id", customerId);
        c.put("email_address", email);
        c.put("opt_in_status", true);
        c.put("company", "");
        c.put("first_name", firstName);
        c.put("last_name", lastName);
        c.put("orders_count", ordersCount);
        c.put("total_spent", totalSpent);
        if (address != null) {
            c.set("address", address(address));
        }
        c.put("created_at", MailchimpSimulator.ts(createdAt));
        c.put("updated_at", MailchimpSimulator.ts(createdAt));
        store(storeId, customers).put(customerId, c);
    }

    void addOrder(String storeId, String orderId, String customerId, double total, Instant processedAt) {
        ObjectNode customer = customer(storeId, customerId);
        ObjectNode o = SimulatorServer.JSON.createObjectNode();
        o.put("id", orderId);
        o.set("customer", customer.deepCopy());
        o.put("store_id", storeId);
        o.put("financial_status", "paid");
        o.put("fulfillment_status", "shipped");
        o.put("currency_code", "EUR");
        o.put("order_total", total);
        o.put("processed_at_foreign", MailchimpSimulator.ts(processedAt));
        if (customer.has("address")) {
            ObjectNode ship = ((ObjectNode) customer.get("address")).deepCopy();
            ship.put("name", customer.path("first_name").asText() + " " + customer.path("last_name").asText());
            o.set("shipping_address", ship);
            o.set("billing_address", ship.deepCopy());
        }
        o.putArray("lines");
        store(storeId, orders).put(orderId, o);
    }

    /** An abandoned cart: the customer (as the plugin sent it) and the product lines left in it. */
    void addCart(String storeId, String cartId, String customerId, String productTitle, int quantity, double price,
                 Instant createdAt) {
        ObjectNode customer = customer(storeId, customerId);
        ObjectNode c = SimulatorServer.JSON.createObjectNode();
        c.put("id", cartId);
        c.set("customer", customer.deepCopy());
        c.put("campaign_id", "");
        c.put("checkout_url", "https://" + stores.get(storeId).path("domain").asText() + "/afrekenen/?cart=" + cartId);
        c.put("currency_code", "EUR");
        c.put("order_total", quantity * price);
        c.put("tax_total", Math.round(quantity * price * 21.0 / 121.0 * 100) / 100.0);
        ObjectNode line = c.putArray("lines").addObject();
        line.put("id", cartId + "-1");
        line.put("product_id", Integer.toHexString(productTitle.hashCode()));
        line.put("product_title", productTitle);
        line.put("product_variant_id", Integer.toHexString(productTitle.hashCode()) + "-v");
        line.put("product_variant_title", productTitle);
        line.put("quantity", quantity);
        line.put("price", price);
        c.put("created_at", MailchimpSimulator.ts(createdAt));
        c.put("updated_at", MailchimpSimulator.ts(createdAt));
        store(storeId, carts).put(cartId, c);
    }

    /** Orders and carts carry a copy of their customer, who must be in the store already (as in Mailchimp). */
    private ObjectNode customer(String storeId, String customerId) {
        ObjectNode customer = store(storeId, customers).get(customerId);
        if (customer == null) {
            throw new IllegalArgumentException("no customer " + customerId + " in store " + storeId);
        }
        return customer;
    }

    boolean cartExists(String storeId, String cartId) {
        return carts.getOrDefault(storeId, Map.of()).containsKey(cartId);
    }

    boolean customerExists(String storeId, String customerId) {
        return customers.getOrDefault(storeId, Map.of()).containsKey(customerId);
    }

    boolean orderExists(String storeId, String orderId) {
        return orders.getOrDefault(storeId, Map.of()).containsKey(orderId);
    }

    // ------------------------------------------------------------------ the API

    /** The answer for an {@code /ecommerce/...} path, or empty when the path is not an e-commerce one. */
    Optional<Response> route(Request req, String path) {
        if (!path.startsWith("/ecommerce/")) {
            return Optional.empty();
        }
        String m = req.method();
        if (path.matches("/ecommerce/stores/?")) {
            return Optional.of(m.equals("GET") ? listStores(req) : methodNotAllowed());
        }
        Matcher sm = STORE.matcher(path);
        if (sm.matches()) {
            ObjectNode s = stores.get(sm.group(1));
            return Optional.of(!m.equals("GET") ? methodNotAllowed() : s == null ? notFound() : json(200, withLinks(s, "/ecommerce/stores/" + s.path("id").asText())));
        }
        Matcher im = ITEMS.matcher(path);
        if (im.matches()) {
            if (!stores.containsKey(im.group(1))) {
                return Optional.of(notFound());
            }
            return Optional.of(!m.equals("GET") ? methodNotAllowed()
                    : im.group(2).equals("customers") ? listCustomers(req, im.group(1))
                    : im.group(2).equals("orders") ? listOrders(req, im.group(1)) : listCarts(req, im.group(1)));
        }
        Matcher one = ITEM.matcher(path);
        if (one.matches()) {
            boolean customer = one.group(2).equals("customers");
            Map<String, ObjectNode> items = (customer ? customers
                    : one.group(2).equals("orders") ? orders : carts).getOrDefault(one.group(1), Map.of());
            ObjectNode item = items.get(one.group(3));
            if (customer && (m.equals("PATCH") || m.equals("PUT")) && stores.containsKey(one.group(1))) {
                return Optional.of(customerChanges.change(req, items, one.group(1), one.group(3)));
            }
            if (!m.equals("GET") && !m.equals("DELETE")) {
                return Optional.of(methodNotAllowed());
            }
            if (item == null) {
                return Optional.of(notFound());
            }
            if (m.equals("DELETE")) {
                items.remove(one.group(3));
                return Optional.of(Response.of(204, null, null));
            }
            return Optional.of(json(200, withLinks(item, path)));
        }
        return Optional.of(notFound());
    }

    private Response listStores(Request req) {
        List<ObjectNode> all = new ArrayList<>(stores.values());
        ObjectNode body = SimulatorServer.JSON.createObjectNode();
        ArrayNode arr = body.putArray("stores");
        page(all, req).forEach(s -> arr.add(withLinks(s, "/ecommerce/stores/" + s.path("id").asText())));
        body.put("total_items", all.size());
        return json(200, body);
    }

    private Response listCustomers(Request req, String storeId) {
        String email = req.param("email_address");
        return list(req, storeId, "customers", customers.get(storeId).values().stream()
                .filter(c -> email == null || c.path("email_address").asText().equalsIgnoreCase(email.trim())).toList());
    }

    private Response listOrders(Request req, String storeId) {
        String customerId = req.param("customer_id");
        return list(req, storeId, "orders", orders.get(storeId).values().stream()
                .filter(o -> customerId == null || o.path("customer").path("id").asText().equals(customerId)).toList());
    }

    /** Carts cannot be filtered by customer in Mailchimp's API: every page is read and matched by the caller. */
    private Response listCarts(Request req, String storeId) {
        return list(req, storeId, "carts", new ArrayList<>(carts.get(storeId).values()));
    }

    /** One page of a store's resource, in Mailchimp's list shape: {store_id, <kind>: [...], total_items}. */
    private Response list(Request req, String storeId, String kind, List<ObjectNode> all) {
        ObjectNode body = SimulatorServer.JSON.createObjectNode();
        body.put("store_id", storeId);
        ArrayNode arr = body.putArray(kind);
        page(all, req).forEach(i -> arr.add(withLinks(i, "/ecommerce/stores/" + storeId + "/" + kind + "/" + i.path("id").asText())));
        body.put("total_items", all.size());
        return json(200, body);
    }

    private ObjectNode withLinks(ObjectNode item, String self) {
        ObjectNode copy = item.deepCopy();
        ObjectNode link = copy.putArray("_links").addObject();
        link.put("rel", "self");
        link.put("href", baseUrl.get() + self);
        link.put("method", "GET");
        return copy;
    }

    private static List<ObjectNode> page(List<ObjectNode> all, Request req) {
        int count = intOr(req.param("count"), 10);
        int offset = intOr(req.param("offset"), 0);
        return all.stream().skip(Math.max(offset, 0)).limit(Math.min(Math.max(count, 0), 1000)).toList();
    }

    private static int intOr(String v, int fallback) {
        try {
            return v == null ? fallback : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private Map<String, ObjectNode> store(String storeId, Map<String, Map<String, ObjectNode>> of) {
        Map<String, ObjectNode> m = of.get(storeId);
        if (m == null) {
            throw new IllegalArgumentException("unknown store " + storeId);
        }
        return m;
    }

    private static ObjectNode address(DemoPeople.Address a) {
        ObjectNode n = SimulatorServer.JSON.createObjectNode();
        n.put("address1", a.street());
        n.put("address2", "");
        n.put("city", a.city());
        n.put("province", "");
        n.put("postal_code", a.postcode());
        n.put("country", "Netherlands");
        n.put("country_code", a.country());
        return n;
    }

    private static Response json(int status, ObjectNode body) {
        return Response.of(status, MailchimpSimulator.CONTENT_TYPE, SimulatorServer.toJson(body));
    }

    private static Response notFound() {
        return MailchimpSimulator.problem(404, "Resource Not Found", "The requested resource could not be found.");
    }

    private static Response methodNotAllowed() {
        return MailchimpSimulator.problem(405, "Method Not Allowed", "The requested method and resource are not compatible.");
    }
}
