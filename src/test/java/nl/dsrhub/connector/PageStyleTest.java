package nl.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Each pagination style alone: what it needs of the connector file, and where it finds the next page. */
class PageStyleTest {

    private static final String BASE = "https://api.example.com/v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Paging paging(Paginate p) {
        return new Paging(p, BASE, "shop step orders",
                extra -> BASE + "/orders" + (extra.isEmpty() ? "" : "?" + new TreeMap<>(extra)), AnswerJson::read);
    }

    private static Answer answer(Map<String, Object> headers) {
        return new Answer(200, headers, AnswerBody.empty());
    }

    @Test
    void pageNumbersAskForTheNextPageUntilTheTotalPagesHeader() throws Exception {
        Paging p = paging(new Paginate("page", "page", null, null, "X-WP-TotalPages", null, null, null, null));
        String first = p.first();

        String second = p.next(first, answer(Map.of("X-WP-TotalPages", "2")), JSON.readTree("[1]"));
        assertThat(second).isEqualTo(BASE + "/orders?{page=2}");
        assertThat(p.next(second, answer(Map.of("X-WP-TotalPages", "2")), JSON.readTree("[2]"))).isNull();
    }

    @Test
    void pageNumbersWithoutATotalPagesHeaderAreOnePage() throws Exception {
        Paging p = paging(new Paginate("page", "page", null, null, "X-WP-TotalPages", null, null, null, null));

        assertThat(p.next(p.first(), answer(Map.of()), JSON.readTree("[1]"))).isNull();
    }

    @Test
    void offsetPagesMoveTheOffsetBySize() throws Exception {
        Paging p = paging(new Paginate("offset", "offset", "count", 10, null, "$.total", "$.items", null, null));

        assertThat(p.next(p.first(), answer(Map.of()), JSON.readTree("{\"items\": [1], \"total\": 25}")))
                .isEqualTo(BASE + "/orders?{count=10, offset=10}");
    }

    @Test
    void nextLinkPagesFollowTheLinkInTheBody() throws Exception {
        Paging p = paging(new Paginate("next-link", null, null, null, null, null, null, "$.next", null));

        assertThat(p.next(p.first(), answer(Map.of()), JSON.readTree("{\"next\": \"/orders?from=o_9\"}")))
                .isEqualTo(BASE.replace("/v1", "") + "/orders?from=o_9");
    }

    @Test
    void linkHeaderPagesFollowTheNextRelationOfTheLinkHeader() throws Exception {
        Paging p = paging(new Paginate("link-header", null, null, null, null, null, null, null, null));
        String link = "<" + BASE + "/orders?page=1>; rel=\"prev\", <" + BASE + "/orders?page=3>; rel=\"next\"";

        assertThat(p.next(p.first(), answer(Map.of("Link", link)), JSON.readTree("[1]")))
                .isEqualTo(BASE + "/orders?page=3");
        assertThat(paging(new Paginate("link-header", null, null, null, null, null, null, null, null))
                .next(BASE + "/orders", answer(Map.of()), JSON.readTree("[1]"))).isNull();
    }

    @Test
    void anUnknownStyleIsRefusedNamingThePathAndTheStylesKnown() {
        assertThat(PageStyle.problems(new Paginate("cursor", null, null, null, null, null, null, null, null), "/find/1/paginate"))
                .containsExactly("/find/1/paginate/type: must be one of page, offset, next-link, link-header"
                        + " ('cursor' is not a pagination style)");
    }

    @Test
    void eachStyleNamesTheFieldsItNeeds() {
        assertThat(PageStyle.problems(new Paginate("offset", null, null, null, null, null, null, null, null), "/p"))
                .containsExactly("/p/param: is required for offset (the query parameter of the page number or offset)",
                        "/p/sizeParam: is required for offset (the query parameter of the page size)",
                        "/p/size: is required for offset (the number of items per page)");
        assertThat(PageStyle.problems(new Paginate("page", "page", null, null, null, null, null, null, null), "/p"))
                .containsExactly("/p/totalPagesHeader: is required for page (the answer's header with the number of pages)");
        assertThat(PageStyle.problems(new Paginate("link-header", null, null, null, null, null, null, null, null), "/p"))
                .isEmpty();
    }
}
