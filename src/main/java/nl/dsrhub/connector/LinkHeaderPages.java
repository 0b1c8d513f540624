package nl.dsrhub.connector;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * {@code link-header}: the {@code rel="next"} link of the answer's RFC 8288 {@code Link} header; none ends the
 * list. Followed only to the base URL's origin.
 */
final class LinkHeaderPages implements PageStyle {

    @Override
    public String name() {
        return "link-header";
    }

    @Override
    public List<String> missing(Paginate p) {
        return List.of();
    }

    @Override
    public String next(Paging paging, String pageUrl, Answer answer, JsonNode body, int items) {
        return NextLink.inLinkHeader(answer.header("Link").orElse(null))
                .map(link -> paging.follow(pageUrl, link)).orElse(null);
    }
}
