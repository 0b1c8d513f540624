package nl.dsrhub.connector;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

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

    /** The next page's URL, or null after the last: the step's {@link PageStyle} says where it is. */
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
        String next = PageStyle.named(paginate.type()).next(this, pageUrl, answer, body, items);
        return next == null || !requested.add(next) ? null : next;
    }

    Paginate paginate() {
        return paginate;
    }

    /** The number of the next page (1 for the first). */
    int page() {
        return page;
    }

    /** The offset of the next page's first item (0 for the first). */
    int offset() {
        return offset;
    }

    String what() {
        return what;
    }

    /** The step's URL with extra query parameters. */
    String urlWith(Map<String, String> extraQuery) {
        return urlWith.apply(extraQuery);
    }

    /** What a JSON path finds on a page, always as a list. */
    List<JsonNode> read(JsonNode body, String path) {
        return read.apply(body, path);
    }

    /** A processor's link to the next page, resolved and checked to go to the base URL's origin. */
    String follow(String pageUrl, String link) {
        return NextLink.follow(baseUrl, pageUrl, link, what);
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
}
