package nl.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Where a lookup's pages end: where the answers end them, whatever total or link they also give. */
class PagingTest {

    private static final String BASE = "https://api.example.com/3.0";
    private static final Configuration PATHS = Configuration.builder().jsonProvider(new JacksonJsonNodeJsonProvider())
            .options(Option.ALWAYS_RETURN_LIST, Option.SUPPRESS_EXCEPTIONS).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Paging paging(Paginate p) {
        return new Paging(p, BASE, "shop step lists", extra -> BASE + "/lists" + (extra.isEmpty() ? "" : "?" + new TreeMap<>(extra)),
                PagingTest::read);
    }

    private static Paginate offset(String itemsPath) {
        return new Paginate("offset", "offset", "count", 2, null, "$.total_items", itemsPath, null, null);
    }

    private static Paginate nextLink() {
        return new Paginate("next-link", null, null, null, null, null, "$._embedded.items", "$._links.next.href", null);
    }

    private static Answer ok(Map<String, Object> headers) {
        return new Answer(200, headers, AnswerBody.empty());
    }

    @Test
    void aPageWithoutItemsIsTheLastWhateverTotalItGives() throws Exception {
        Paging p = paging(offset("$.lists"));
        String first = p.first();

        assertThat(p.next(first, ok(Map.of()), JSON.readTree("{\"lists\": [], \"total_items\": 2147483647}"))).isNull();
    }

    @Test
    void offsetPagingGoesOnUntilTheTotal() throws Exception {
        Paging p = paging(offset("$.lists"));
        String first = p.first();

        String second = p.next(first, ok(Map.of()), JSON.readTree("{\"lists\": [{\"id\": \"a\"}, {\"id\": \"b\"}], \"total_items\": 3}"));
        assertThat(second).isEqualTo(BASE + "/lists?{count=2, offset=2}");
        assertThat(p.next(second, ok(Map.of()), JSON.readTree("{\"lists\": [{\"id\": \"c\"}], \"total_items\": 3}"))).isNull();
    }

    @Test
    void withoutATotalOffsetPagingGoesOnWhilePagesComeBackFull() throws Exception {
        Paging p = paging(offset("$.lists"));
        String first = p.first();

        String second = p.next(first, ok(Map.of()), JSON.readTree("{\"lists\": [{\"id\": \"a\"}, {\"id\": \"b\"}]}"));
        assertThat(second).isNotNull();
        assertThat(p.next(second, ok(Map.of()), JSON.readTree("{\"lists\": [{\"id\": \"c\"}]}"))).isNull();
    }

    @Test
    void aLinkBackToAPageAlreadyReadEndsTheList() throws Exception {
        Paging p = paging(nextLink());
        String first = p.first();
        JsonNode page = JSON.readTree("{\"_embedded\": {\"items\": [{\"id\": 1}]}, \"_links\": {\"next\": {\"href\": \""
                + BASE + "/lists?from=2\"}}}");

        String second = p.next(first, ok(Map.of()), page);
        assertThat(second).isEqualTo(BASE + "/lists?from=2");
        assertThat(p.next(second, ok(Map.of()), page)).as("the same link again").isNull();
    }

    @Test
    void anAbsoluteNextLinkToTheProcessorsOwnOriginIsFollowedAndAnyOtherRefused() throws Exception {
        Paging p = paging(nextLink());
        String first = p.first();

        assertThat(p.next(first, ok(Map.of()), pageLinkingTo("https://api.example.com/3.0/lists?from=9")))
                .isEqualTo("https://api.example.com/3.0/lists?from=9");
        assertThatThrownBy(() -> paging(nextLink()).next(first, ok(Map.of()),
                pageLinkingTo("https://elsewhere.example.com/lists?from=9")))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("another origin");
    }

    @Test
    void aNullOrEmptyNextLinkEndsTheList() throws Exception {
        Paging p = paging(nextLink());
        String first = p.first();

        assertThat(p.next(first, ok(Map.of()), JSON.readTree("{\"_links\": {\"next\": null}}"))).isNull();
        assertThat(p.next(first, ok(Map.of()), JSON.readTree("{\"_links\": {\"next\": {\"href\": \"\"}}}"))).isNull();
    }

    @Test
    void aTotalPagesHeaderThatIsNoNumberIsNotTrustedToEndTheList() {
        Paging p = paging(new Paginate("page", "page", null, null, "X-WP-TotalPages", null, null, null, null));
        String first = p.first();

        assertThatThrownBy(() -> p.next(first, ok(Map.of("X-WP-TotalPages", "many")), JSON.nullNode()))
                .isInstanceOf(PermanentFailure.class)
                .hasMessage("shop step lists: the processor's X-WP-TotalPages header is not a number of pages");
    }

    @Test
    void aStepThatIsNotPagedIsOneCall() throws Exception {
        Paging p = paging(null);

        assertThat(p.maxPages()).isEqualTo(1);
        assertThat(p.next(p.first(), ok(Map.of()), JSON.readTree("{\"total_items\": 9}"))).isNull();
    }

    private static JsonNode pageLinkingTo(String next) throws Exception {
        return JSON.readTree("{\"_embedded\": {\"items\": [1]}, \"_links\": {\"next\": {\"href\": \"" + next + "\"}}}");
    }

    private static List<JsonNode> read(JsonNode body, String path) {
        Object r = JsonPath.using(PATHS).parse(body).read(path);
        List<JsonNode> out = new ArrayList<>();
        if (r instanceof ArrayNode a) {
            a.forEach(out::add);
        }
        return out;
    }
}
