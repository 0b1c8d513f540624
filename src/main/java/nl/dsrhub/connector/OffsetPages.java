package nl.dsrhub.connector;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code offset}: an offset ({@code param}) and a page size ({@code sizeParam}, {@code size}) in the query
 * (Mailchimp's {@code offset} and {@code count}). With a total in the body ({@code totalPath}) the list goes on
 * until the offset reaches it; without one, while pages come back full.
 */
final class OffsetPages implements PageStyle {

    @Override
    public String name() {
        return "offset";
    }

    @Override
    public List<String> missing(Paginate p) {
        List<String> missing = new ArrayList<>();
        if (p.param() == null) {
            missing.add("param");
        }
        if (p.sizeParam() == null) {
            missing.add("sizeParam");
        }
        if (p.size() == null) {
            missing.add("size");
        }
        return missing;
    }

    @Override
    public String next(Paging paging, String pageUrl, Answer answer, JsonNode body, int items) {
        Paginate p = paging.paginate();
        return moreAfter(paging, body, items) ? paging.urlWith(Map.of(p.param(), String.valueOf(paging.offset()),
                p.sizeParam(), String.valueOf(p.size()))) : null;
    }

    private static boolean moreAfter(Paging paging, JsonNode body, int items) {
        Paginate p = paging.paginate();
        List<JsonNode> totals = p.totalPath() == null ? List.of() : paging.read(body, p.totalPath());
        if (!totals.isEmpty() && (totals.get(0).isNumber() || totals.get(0).asText().matches("\\d{1,18}"))) {
            return paging.offset() < totals.get(0).asLong();
        }
        return p.size() != null && items >= p.size();
    }
}
