package nl.dsrhub.demo;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A WooCommerce shop with one customer and a very long order history, made up on the fly page by page
 * (nothing is held in memory), for the benchmark's large export. It speaks the part of the WooCommerce
 * REST API the {@code woocommerce} connector uses to export: {@code GET customers?email=&role=all} and
 * {@code GET orders?search=&per_page=&page=} with the WordPress pagination headers. Every order is about
 * 500 bytes of JSON, so 200,000 orders are about 100 MB.
 */
public final class GeneratedOrdersShopSimulator extends SimulatorServer {

    private static final long CUSTOMER_ID = 7_000_001L;
    private final String consumerKey;
    private final String consumerSecret;
    private final String email;
    private final int orders;
    private final AtomicLong bytesServed = new AtomicLong();

    /** {@code orders} orders for the person with this (invented) e-mail address. */
    public GeneratedOrdersShopSimulator(String consumerKey, String consumerSecret, String email, int orders) {
        super("woocommerce-generated", WooCommerceSimulator.BASE_PATH);
        this.consumerKey = consumerKey;
        this.consumerSecret = consumerSecret;
        this.email = email;
        this.orders = orders;
    }

    @Override
    public GeneratedOrdersShopSimulator start() {
        super.start();
        return this;
    }

    /** Bytes of JSON answered so far (bodies only). */
    public long bytesServed() {
        return bytesServed.get();
    }

    @Override
    protected Response route(Request req) {
        if (!"GET".equals(req.method())) {
            return error(405, "Only reads are simulated here.", req);
        }
        String body;
        Map<String, String> headers = Map.of();
        if (req.apiPath().equals("/customers")) {
            body = email.equalsIgnoreCase(req.param("email", "")) ? "[" + customer() + "]" : "[]";
        } else if (req.apiPath().equals("/orders")) {
            boolean match = email.equalsIgnoreCase(req.param("search", ""));
            int perPage = Math.max(1, Math.min(100, Integer.parseInt(req.param("per_page", "10"))));
            int page = Math.max(1, Integer.parseInt(req.param("page", "1")));
            int total = match ? orders : 0;
            int pages = (total + perPage - 1) / perPage;
            StringBuilder sb = new StringBuilder(perPage * 560).append('[');
            for (int i = (page - 1) * perPage; i < Math.min(total, page * perPage); i++) {
                if (sb.length() > 1) {
                    sb.append(',');
                }
                order(sb, i);
            }
            body = sb.append(']').toString();
            headers = Map.of("X-WP-Total", String.valueOf(total), "X-WP-TotalPages", String.valueOf(pages));
        } else {
            return noRoute(req);
        }
        bytesServed.addAndGet(body.length());
        return Response.of(200, "application/json; charset=UTF-8", body).withHeaders(headers);
    }

    private String customer() {
        return "{\"id\":" + CUSTOMER_ID + ",\"email\":\"" + email + "\",\"first_name\":\"Bram\",\"last_name\":\"Bulk\","
                + "\"role\":\"customer\",\"username\":\"brambulk\",\"billing\":{\"email\":\"" + email + "\"}}";
    }

    /** One order, deterministic from its index, shaped like WooCommerce's (fewer fields). */
    private void order(StringBuilder sb, int i) {
        long id = 100_000L + i;
        String date = String.format("20%02d-%02d-%02dT%02d:%02d:00", 15 + i % 10, 1 + i % 12, 1 + i % 28, i % 24, i % 60);
        sb.append("{\"id\":").append(id).append(",\"parent_id\":0,\"status\":\"completed\",\"currency\":\"EUR\",")
                .append("\"date_created\":\"").append(date).append("\",\"total\":\"").append(10 + i % 90).append(".95\",")
                .append("\"customer_id\":").append(CUSTOMER_ID).append(',')
                .append("\"billing\":{\"first_name\":\"Bram\",\"last_name\":\"Bulk\",\"address_1\":\"Voorbeeldstraat ")
                .append(1 + i % 200).append("\",\"city\":\"Utrecht\",\"postcode\":\"3511 AB\",\"country\":\"NL\",\"email\":\"")
                .append(email).append("\"},")
                .append("\"payment_method\":\"mollie_wc_gateway_ideal\",\"transaction_id\":\"tr_gen").append(id).append("\",")
                .append("\"meta_data\":[{\"id\":").append(id * 10).append(",\"key\":\"_mollie_payment_id\",\"value\":\"tr_gen")
                .append(id).append("\"}],")
                .append("\"line_items\":[{\"id\":").append(id * 10 + 1)
                .append(",\"name\":\"Koffiebonen Espresso 1kg\",\"quantity\":").append(1 + i % 3)
                .append(",\"total\":\"24.95\",\"price\":24.95}],")
                .append("\"shipping_lines\":[{\"method_title\":\"PostNL\",\"total\":\"4.95\"}]}");
    }

    @Override
    protected Optional<Response> authenticate(Request req) {
        return req.basicAuth().filter(up -> up[0].equals(consumerKey) && up[1].equals(consumerSecret)).isPresent()
                ? Optional.empty()
                : Optional.of(error(401, "Sorry, you cannot list resources.", req));
    }

    @Override
    protected Response error(int status, String detail, Request req) {
        return Response.of(status, "application/json; charset=UTF-8",
                "{\"code\":\"woocommerce_rest_error\",\"message\":\"" + detail + "\",\"data\":{\"status\":" + status + "}}");
    }

    @Override
    protected Response noRoute(Request req) {
        return error(404, "No route was found matching the URL and request method.", req);
    }
}
