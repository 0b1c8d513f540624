package nl.dsrhub.demo;

import static nl.dsrhub.demo.SimulatorServer.JSON;
import static nl.dsrhub.demo.SimulatorServer.toJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import nl.dsrhub.demo.SimulatorServer.Request;
import nl.dsrhub.demo.SimulatorServer.Response;

/**
 * What the simulated WooCommerce (WordPress REST) resources share: {@code page}/{@code per_page} paging with the
 * {@code X-WP-Total} and {@code Link} headers, WordPress's error bodies, and its lenient reading of parameters.
 */
final class WooCommerceHttp {

    private final Supplier<String> baseUrl;

    /** @param baseUrl the simulator's API root, asked for each Link header (the port is known only once started) */
    WooCommerceHttp(Supplier<String> baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The page of {@code all} that {@code page} and {@code per_page} ask for, with WordPress's total and Link headers. */
    Response page(Request req, String route, List<ObjectNode> all) {
        Integer perPage = integer(req.param("per_page", "10"));
        if (perPage == null || perPage < 1 || perPage > 100) {
            return invalidParam("per_page", "per_page must be between 1 (inclusive) and 100 (inclusive)");
        }
        Integer page = integer(req.param("page", "1"));
        if (page == null || page < 1) {
            return invalidParam("page", "page must be greater than or equal to 1");
        }
        int total = all.size();
        int pages = (total + perPage - 1) / perPage;
        ArrayNode arr = JSON.createArrayNode();
        all.stream().skip((long) (page - 1) * perPage).limit(perPage).forEach(arr::add);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-WP-Total", String.valueOf(total));
        headers.put("X-WP-TotalPages", String.valueOf(pages));
        List<String> links = new ArrayList<>();
        if (page > 1 && page <= pages + 1) {
            links.add("<" + pageUrl(req, route, page - 1) + ">; rel=\"prev\"");
        }
        if (page < pages) {
            links.add("<" + pageUrl(req, route, page + 1) + ">; rel=\"next\"");
        }
        if (!links.isEmpty()) {
            headers.put("Link", String.join(", ", links));
        }
        return json(200, arr).withHeaders(headers);
    }

    private String pageUrl(Request req, String route, int page) {
        StringBuilder sb = new StringBuilder(baseUrl.get()).append(route).append("?");
        req.query().forEach((k, vs) -> {
            if (!k.equals("page") && !k.startsWith("consumer_")) {
                vs.forEach(v -> sb.append(enc(k)).append('=').append(enc(v)).append('&'));
            }
        });
        return sb.append("page=").append(page).toString();
    }

    static Response invalidParam(String param, String why) {
        ObjectNode body = JSON.createObjectNode();
        body.put("code", "rest_invalid_param");
        body.put("message", "Invalid parameter(s): " + param);
        ObjectNode data = body.putObject("data");
        data.put("status", 400);
        data.putObject("params").put(param, why);
        ObjectNode details = data.putObject("details").putObject(param);
        details.put("code", "rest_invalid_param");
        details.put("message", why);
        details.putNull("data");
        return json(400, body);
    }

    static Response wpError(int status, String code, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("code", code);
        body.put("message", message);
        body.putObject("data").put("status", status);
        return json(status, body);
    }

    static Response json(int status, JsonNode body) {
        return Response.of(status, WooCommerceSimulator.CONTENT_TYPE, toJson(body));
    }

    static boolean contains(String lowerTerm, JsonNode... fields) {
        for (JsonNode f : fields) {
            if (f != null && f.isValueNode() && f.asText().toLowerCase(Locale.ROOT).contains(lowerTerm)) {
                return true;
            }
        }
        return false;
    }

    static String lower(String s) {
        return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
    }

    static Integer integer(String s) {
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Boolean bool(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> Boolean.TRUE;
            case "false", "0", "no", "" -> Boolean.FALSE;
            default -> null;
        };
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
