package nl.dsrhub.demo;

import static nl.dsrhub.demo.MollieJson.HAL;
import static nl.dsrhub.demo.MollieJson.link;
import static nl.dsrhub.demo.SimulatorServer.JSON;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import nl.dsrhub.demo.SimulatorServer.Request;
import nl.dsrhub.demo.SimulatorServer.Response;

/**
 * Mollie's cursor pagination of lists: newest first ({@code sort=asc} reverses), {@code limit} 1–250, {@code from} =
 * id of the first item of the page, {@code _links.next}/{@code previous} as absolute URLs or {@code null}.
 */
final class MollieCursorPaging {

    private final Supplier<String> baseUrl;
    private final IntSupplier defaultLimit;

    /**
     * @param baseUrl      the simulator's API root, for the links to other pages
     * @param defaultLimit the page size when the request names no {@code limit} (a test may change it)
     */
    MollieCursorPaging(Supplier<String> baseUrl, IntSupplier defaultLimit) {
        this.baseUrl = baseUrl;
        this.defaultLimit = defaultLimit;
    }

    /** The page of {@code all} the request asks for, as a HAL list of {@code name} documented at {@code doc}. */
    <T> Response page(Request req, String name, String doc, List<T> all, Function<T, String> idOf,
                      Function<T, Instant> createdOf, Function<T, ObjectNode> json) {
        int limit = limit(req);
        if (limit < 1) {
            return MollieJson.halError(400, "Bad Request", "The limit must be between 1 and "
                    + MollieSimulator.MAX_PAGE_LIMIT + ".", "limit", MollieSimulator.ERROR_DOCS);
        }
        Comparator<T> order = Comparator.comparing(createdOf).thenComparing(idOf);
        List<T> sorted = new ArrayList<>(all);
        sorted.sort("asc".equals(req.param("sort")) ? order : order.reversed());
        int start = start(req, sorted, idOf);
        if (start < 0) {
            return MollieJson.halError(400, "Bad Request", "The 'from' cursor does not refer to an item of this list.",
                    "from", MollieSimulator.ERROR_DOCS);
        }
        int end = Math.min(sorted.size(), start + limit);
        List<T> page = sorted.subList(start, end);

        ObjectNode root = JSON.createObjectNode();
        root.put("count", page.size());
        ArrayNode items = root.putObject("_embedded").putArray(name);
        page.forEach(t -> items.add(json.apply(t)));
        links(root.putObject("_links"), req, doc, limit,
                start > 0 ? idOf.apply(sorted.get(Math.max(0, start - limit))) : null,
                end < sorted.size() ? idOf.apply(sorted.get(end)) : null);
        return MollieJson.hal(200, root);
    }

    /** The requested page size, the default when none is asked, -1 when it is not a number in 1..250. */
    private int limit(Request req) {
        String rawLimit = req.param("limit");
        if (rawLimit == null || rawLimit.isEmpty()) {
            return defaultLimit.getAsInt();
        }
        try {
            int limit = Integer.parseInt(rawLimit);
            return limit < 1 || limit > MollieSimulator.MAX_PAGE_LIMIT ? -1 : limit;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Where the page starts: 0 without {@code from}, else the index of that id, -1 when it is not in the list. */
    private static <T> int start(Request req, List<T> sorted, Function<T, String> idOf) {
        String from = req.param("from");
        if (from == null || from.isEmpty()) {
            return 0;
        }
        for (int i = 0; i < sorted.size(); i++) {
            if (idOf.apply(sorted.get(i)).equals(from)) {
                return i;
            }
        }
        return -1;
    }

    /** self, previous and next (null when there is none) and the documentation. */
    private void links(ObjectNode links, Request req, String doc, int limit, String previousFrom, String nextFrom) {
        String base = baseUrl.get() + req.apiPath();
        String sortQ = req.param("sort") == null ? "" : "&sort=" + req.param("sort");
        link(links, "self", base + (req.rawQuery() == null ? "" : "?" + req.rawQuery()), HAL);
        if (previousFrom != null) {
            link(links, "previous", base + "?from=" + previousFrom + "&limit=" + limit + sortQ, HAL);
        } else {
            links.putNull("previous");
        }
        if (nextFrom != null) {
            link(links, "next", base + "?from=" + nextFrom + "&limit=" + limit + sortQ, HAL);
        } else {
            links.putNull("next");
        }
        link(links, "documentation", MollieJson.DOCS + doc, "text/html");
    }
}
