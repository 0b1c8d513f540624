package nl.dsrhub.ops;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Small helpers for the HTTP routes: parameters in, one clean response out. */
final class Web {

    private Web() {
    }

    /**
     * A path, query or form parameter: platform-http puts all of them in headers (a form's fields too, both
     * url-encoded and multipart), so nothing is parsed here.
     */
    static String param(Exchange exchange, String name) {
        Object h = exchange.getMessage().getHeader(name);
        return h == null || String.valueOf(h).isEmpty() ? null : String.valueOf(h);
    }

    /**
     * Replaces the request's headers (which must not echo back: cookies, authorization) with the response's.
     */
    static void respond(Exchange exchange, int code, String contentType, String body, Map<String, String> headers) {
        Message m = exchange.getMessage();
        m.removeHeaders("*");
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, code);
        m.setHeader(Exchange.CONTENT_TYPE, contentType);
        m.setHeader("Cache-Control", "no-store");
        m.setHeader("X-Content-Type-Options", "nosniff");
        m.setHeader("X-Frame-Options", "DENY");
        headers.forEach(m::setHeader);
        m.setBody(body);
    }

    /**
     * A dashboard page: the response's headers, and its view record as the body for the route's template to render
     * (a {@code mustache:} step right after the bean).
     */
    static void page(Exchange exchange, int code, Object view) {
        respond(exchange, code, "text/html; charset=utf-8", null, Map.of());
        exchange.getMessage().setBody(view);
    }

    static void redirect(Exchange exchange, String location, Map<String, String> headers) {
        Map<String, String> h = new HashMap<>(headers);
        h.put("Location", location);
        respond(exchange, 303, "text/plain; charset=utf-8", "see " + location, h);
    }

    static String url(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
