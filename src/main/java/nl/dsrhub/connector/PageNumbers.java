package nl.dsrhub.connector;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code page}: a page number in the query ({@code param}), the number of pages in a header of the answer
 * ({@code totalPagesHeader}, e.g. WooCommerce's {@code X-WP-TotalPages}); no header means one page.
 */
final class PageNumbers implements PageStyle {

    @Override
    public String name() {
        return "page";
    }

    @Override
    public List<String> missing(Paginate p) {
        List<String> missing = new ArrayList<>();
        if (p.param() == null) {
            missing.add("param");
        }
        if (p.totalPagesHeader() == null) {
            missing.add("totalPagesHeader");
        }
        return missing;
    }

    @Override
    public String next(Paging paging, String pageUrl, Answer answer, JsonNode body, int items) {
        Paginate p = paging.paginate();
        return paging.page() > totalPages(paging, answer) ? null
                : paging.urlWith(Map.of(p.param(), String.valueOf(paging.page())));
    }

    private static int totalPages(Paging paging, Answer answer) {
        String header = paging.paginate().totalPagesHeader();
        try {
            return Integer.parseInt(answer.header(header).orElse("1").trim());
        } catch (NumberFormatException e) {
            // pages could be missed: not a lookup to trust
            throw new PermanentFailure(paging.what() + ": the processor's " + header + " header is not a number of pages");
        }
    }
}
