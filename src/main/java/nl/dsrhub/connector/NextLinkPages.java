package nl.dsrhub.connector;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * {@code next-link}: the next page's URL (a cursor) in the body, at {@code nextPath} (Mollie's
 * {@code $._links.next.href}); none, null or blank ends the list. Followed only to the base URL's origin.
 */
final class NextLinkPages implements PageStyle {

    @Override
    public String name() {
        return "next-link";
    }

    @Override
    public List<String> missing(Paginate p) {
        return p.nextPath() == null ? List.of("nextPath") : List.of();
    }

    @Override
    public String next(Paging paging, String pageUrl, Answer answer, JsonNode body, int items) {
        List<JsonNode> link = paging.read(body, paging.paginate().nextPath());
        if (link.isEmpty() || !link.get(0).isValueNode() || link.get(0).isNull() || link.get(0).asText().isBlank()) {
            return null;
        }
        return paging.follow(pageUrl, link.get(0).asText());
    }
}
