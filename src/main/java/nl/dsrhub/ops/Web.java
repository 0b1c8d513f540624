package nl.dsrhub.ops;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Small helpers for the platform-http routes: parameters in, one clean response out. */
final class Web {

    private Web() {
    }

    /** A path, query or form parameter: Camel puts path and query ones in headers; a form body is read here. */
    static String param(Exchange exchange, String name) {
        Object h = exchange.getMessage().getHeader(name);
        if (h != null && !String.valueOf(h).isEmpty()) {
            return String.valueOf(h);
        }
        return form(exchange).get(name);
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> form(Exchange exchange) {
        Object cached = exchange.getProperty("dsr.form");
        if (cached instanceof Map<?, ?> m) {
            return (Map<String, String>) m;
        }
        Map<String, String> out = new HashMap<>();
        String type = exchange.getMessage().getHeader("Content-Type", "", String.class);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            String body = exchange.getMessage().getBody(String.class);
            if (body != null) {
                for (String pair : body.split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                                URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        exchange.setProperty("dsr.form", out);
        return out;
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

    static void redirect(Exchange exchange, String location, Map<String, String> headers) {
        Map<String, String> h = new HashMap<>(headers);
        h.put("Location", location);
        respond(exchange, 303, "text/plain; charset=utf-8", "see " + location, h);
    }

    static String esc(Object o) {
        if (o == null) {
            return "";
        }
        return o.toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    static String url(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
