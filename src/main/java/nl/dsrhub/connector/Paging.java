package nl.dsrhub.connector;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import nl.dsrhub.connector.ConnectorDefinition.Paginate;

/**
 * Turns the pages of one lookup ({@code paginate}) for one value of its {@code forEach}, and ends the list where
 * the processor's answers end it, whatever else they say: a page without items is the last (a total or a next
 * link beyond it is not believed), and a link back to a page already read ends it too (a processor, or its
 * published example, that always links to the same page would otherwise be read ten thousand times). Without a
 * total, offset paging goes on while pages come back full. A processor's link is followed only to its origin.
 */
final class Paging {

    private final Paginate paginate;
    private final String baseUrl;
    private final String what;
    /** the step's URL with extra query parameters (page number, offset and size) */
    private final Function<Map<String, String>, String> urlWith;
    /** reads a JSON path of a page (JsonPath, always a list) */
    private final BiFunction<JsonNode, String, List<JsonNode>> read;
    private final Set<String> requested = new HashSet<>();
    private int page = 1;
    private int offset;

    /**
     * @param paginate null for a step that is not paged: one call
     * @param what     the connector and step, for messages
     */
    Paging(Paginate paginate, String baseUrl, String what, Function<Map<String, String>, String> urlWith,
           BiFunction<JsonNode, String, List<JsonNode>> read) {
        this.paginate = paginate;
        this.baseUrl = baseUrl;
        this.what = what;
        this.urlWith = urlWith;
        this.read = read;
    }

    /** The first page's URL: the step's own. */
    String first() {
        return remember(urlWith.apply(Map.of()));
    }

    /** How many pages at most: the step's {@code maxPages}, 1 when it is not paged. */
    int maxPages() {
        return paginate == null ? 1 : paginate.maxPagesOrDefault();
    }

    /** The next page's URL, or null after the last. */
    String next(String pageUrl, Answer answer, JsonNode body) {
        if (paginate == null) {
            return null;
        }
        int items = itemsOn(body);
        if (items == 0) {
            return null;
        }
        page++;
        offset += paginate.size() == null ? 0 : paginate.size();
        String next = switch (paginate.type()) {
            case "page" -> page > totalPages(answer) ? null : urlWith.apply(Map.of(paginate.param(), String.valueOf(page)));
            case "offset" -> moreAfterOffset(body, items) ? urlWith.apply(Map.of(paginate.param(), String.valueOf(offset),
                    paginate.sizeParam(), String.valueOf(paginate.size()))) : null;
            case "link-header" -> NextLink.inLinkHeader(answer.header("Link").orElse(null))
                    .map(link -> NextLink.follow(baseUrl, pageUrl, link, what)).orElse(null);
            default -> {
                List<JsonNode> link = read.apply(body, paginate.nextPath());
                yield link.isEmpty() || !link.get(0).isValueNode() || link.get(0).isNull() || link.get(0).asText().isBlank()
                        ? null : NextLink.follow(baseUrl, pageUrl, link.get(0).asText(), what);
            }
        };
        return next == null || !requested.add(next) ? null : next;
    }

    private String remember(String url) {
        requested.add(url);
        return url;
    }

    /** The number of items on the page; -1 when the step does not say where they are ({@code itemsPath}). */
    private int itemsOn(JsonNode body) {
        if (paginate.itemsPath() == null) {
            return -1;
        }
        List<JsonNode> found = read.apply(body, paginate.itemsPath());
        int n = 0;
        for (JsonNode f : found) {
            n += f.isArray() ? f.size() : f.isNull() ? 0 : 1;
        }
        return n;
    }

    /** With a total: until the offset reaches it. Without: while pages come back full. */
    private boolean moreAfterOffset(JsonNode body, int items) {
        List<JsonNode> totals = read.apply(body, paginate.totalPath() == null ? "$.__none__" : paginate.totalPath());
        if (!totals.isEmpty() && (totals.get(0).isNumber() || totals.get(0).asText().matches("\\d{1,18}"))) {
            return offset < totals.get(0).asLong();
        }
        return paginate.size() != null && items >= paginate.size();
    }

    private int totalPages(Answer answer) {
        String header = answer.header(paginate.totalPagesHeader()).orElse("1").trim();
        try {
            return Integer.parseInt(header);
        } catch (NumberFormatException e) {
            // pages could be missed: not a lookup to trust
            throw new PermanentFailure(what + ": the processor's " + paginate.totalPagesHeader()
                    + " header is not a number of pages");
        }
    }
}
