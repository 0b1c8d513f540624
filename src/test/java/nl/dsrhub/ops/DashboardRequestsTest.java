package nl.dsrhub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dsrhub.hub.Services;
import nl.dsrhub.model.Deadlines;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.SeededRequests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The overview's tiles and the requests list on a running hub with requests of every kind: each tile's count and the
 * list it links to, the list's filters, search and pages, hostile query values escaped and bounded, and never the
 * subject's address. The requests are seeded in their state once for the class; every test only reads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardRequestsTest {

    /** Old requests of one type, enough for two pages of the list. */
    private static final int PAGED = RequestList.PAGE_SIZE + 1;

    HubFixture fixture;
    String cookie;
    final Map<String, String> byReference = new HashMap<>();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    void startAndSeed(@TempDir Path dataDir) throws Exception {
        fixture = HubFixture.start(dataDir);
        Services s = fixture.hub().services();
        SeededRequests seed = new SeededRequests(s.jdbc, s.requests, s.tasks);
        OffsetDateTime now = OffsetDateTime.now();
        LocalDate today = Deadlines.today(Clock.systemUTC());
        OffsetDateTime monthStart = RequestQuery.monthStart(now);
        byReference.put("REF-INTIME", seed.open("REF-INTIME", now.minusDays(1), today.plusDays(20)));
        byReference.put("REF-SOON", seed.open("REF-SOON", now.minusDays(2), today.plusDays(2)));
        byReference.put("REF-LATE", seed.open("REF-LATE", now.minusDays(40), today.minusDays(1)));
        byReference.put("REF-WAIT", seed.add(RequestType.ERASURE, RequestStore.PLANNED, "REF-WAIT", now.minusDays(3),
                today.plusDays(20), null, Map.of("mollie", Outcome.AWAITING_REPLY, "sendcloud", Outcome.ERASED)));
        byReference.put("REF-ATTN", seed.add(RequestType.EXPORT, RequestStore.PLANNED, "REF-ATTN", now.minusDays(4),
                today.plusDays(20), null, Map.of("woocommerce", Outcome.NEEDS_ATTENTION)));
        byReference.put("REF-DONE", seed.add(RequestType.ERASURE, RequestStore.COMPLETED, "REF-DONE", now.minusDays(5),
                today.plusDays(20), now.minusMinutes(1), Map.of("mollie", Outcome.ERASED)));
        byReference.put("REF-LASTMONTH", seed.add(RequestType.ERASURE, RequestStore.COMPLETED, "REF-LASTMONTH",
                now.minusDays(60), today.minusDays(30), monthStart.minusDays(1), Map.of()));
        byReference.put("REF-REFUSED", seed.add(RequestType.EXPORT, RequestStore.REFUSED, "REF-REFUSED", now.minusDays(6),
                today.plusDays(20), null, Map.of()));
        for (int i = 0; i < PAGED; i++) {
            seed.add(RequestType.LIFT_RESTRICTION, RequestStore.DISCARDED, "OLD-" + i, now.minusDays(100).minusMinutes(i),
                    today.minusDays(70), null, Map.of());
        }
        cookie = logIn();
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "tile-open            | /requests?status=open             | REF-INTIME REF-SOON REF-LATE REF-WAIT REF-ATTN",
            "tile-due-soon        | /requests?due=soon                | REF-SOON",
            "tile-overdue         | /requests?due=overdue             | REF-LATE",
            "tile-awaiting-reply  | /requests?task=AWAITING_REPLY     | REF-WAIT",
            "tile-needs-attention | /requests?task=NEEDS_ATTENTION    | REF-ATTN",
            "tile-completed       | /requests?completed=this-month    | REF-DONE"})
    void eachTileCountsItsRequestsAndLinksToTheListOfExactlyThem(String tile, String link, String references) throws Exception {
        List<String> expected = List.of(references.split(" "));
        Matcher m = Pattern.compile("<a href=\"([^\"]+)\" id=\"" + tile + "\"><span class=\"count\">(\\d+)</span>")
                .matcher(get("/"));

        assertThat(m.find()).as("the tile " + tile).isTrue();
        assertThat(html(m.group(1))).isEqualTo(link);
        assertThat(Long.parseLong(m.group(2))).isEqualTo(expected.size());
        assertThat(listed(get(html(m.group(1))))).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theDueSoonTileSaysTheDeadlineWatchsWarningDays() throws Exception {
        assertThat(get("/")).contains("<span class=\"label\">Due within 5 days</span>");
    }

    @Test
    void theHomePageStillListsTheOpenRequestsBelowTheTiles() throws Exception {
        String home = get("/");

        assertThat(home.indexOf("id=\"tiles\"")).isLessThan(home.indexOf("id=\"open-requests\"")).isPositive();
        assertThat(home).contains("id=\"req-" + byReference.get("REF-WAIT") + "\"", "id=\"connectors\"", "id=\"registers\"");
    }

    @Test
    void theListShowsOpenAndClosedRequestsNewestFirst() throws Exception {
        assertThat(listed(get("/requests"))).startsWith("REF-INTIME", "REF-SOON", "REF-WAIT", "REF-ATTN", "REF-DONE",
                "REF-REFUSED", "REF-LATE", "REF-LASTMONTH");
    }

    @Test
    void aLineShowsTheRequestsTypeStatusReferenceAndLinksItsPage() throws Exception {
        String id = byReference.get("REF-DONE");

        assertThat(get("/requests?q=REF-DONE")).contains("<tr id=\"req-" + id + "\" class=\"ok\"><td><a href=\"/requests/"
                + id + "\">" + id + "</a></td><td>erasure</td><td>COMPLETED</td>", "<td>REF-DONE</td>");
        assertThat(get("/requests/" + id)).contains(id);
    }

    @Test
    void statusTypeAndProcessorFiltersCombine() throws Exception {
        assertThat(listed(get("/requests?status=PLANNED&type=export&processor=woocommerce"))).containsExactly("REF-ATTN");
        assertThat(listed(get("/requests?processor=mollie"))).containsExactly("REF-WAIT", "REF-DONE");
        assertThat(listed(get("/requests?status=REFUSED"))).containsExactly("REF-REFUSED");
    }

    @Test
    void theSearchFindsARequestByItsIdOrItsReference() throws Exception {
        assertThat(listed(get("/requests?q=ref-wait"))).containsExactly("REF-WAIT");
        assertThat(listed(get("/requests?q=" + byReference.get("REF-LATE")))).containsExactly("REF-LATE");
    }

    @Test
    void theSearchNeverFindsTheSubjectsAddress() throws Exception {
        String page = get("/requests?q=" + URLEncoder.encode(SeededRequests.SUBJECT, StandardCharsets.UTF_8));

        assertThat(page).contains("id=\"no-requests\"");
    }

    @Test
    void noPageShowsTheSubjectsAddress() throws Exception {
        assertThat(get("/")).doesNotContain(SeededRequests.SUBJECT);
        assertThat(get("/requests")).doesNotContain(SeededRequests.SUBJECT);
        assertThat(get("/requests?page=2")).doesNotContain(SeededRequests.SUBJECT);
    }

    @Test
    void aScriptInTheSearchIsShownEscaped() throws Exception {
        String page = get("/requests?q=" + URLEncoder.encode("<script>alert(1)</script>", StandardCharsets.UTF_8));

        assertThat(page).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void anUnknownStatusIsNamedEscapedAndTheListIsNotFilteredByIt() throws Exception {
        HttpResponse<String> page = send("/requests?status=" + URLEncoder.encode("<b>GONE</b>", StandardCharsets.UTF_8));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("&lt;b&gt;GONE&lt;/b&gt;").doesNotContain("<b>GONE");
        assertThat(listed(page.body())).hasSize(RequestList.PAGE_SIZE);
    }

    @Test
    void aLongListIsPagedWithLinksToTheNextAndThePreviousPage() throws Exception {
        String first = get("/requests?type=lift-restriction");
        String second = get("/requests?type=lift-restriction&page=2");

        assertThat(listed(first)).hasSize(RequestList.PAGE_SIZE).startsWith("OLD-0");
        assertThat(first).contains("page 1 of 2", "href=\"" + "/requests?type=lift-restriction&amp;page=2".replace("=", "&#61;")
                + "\" id=\"page-next\"").doesNotContain("id=\"page-previous\"");
        assertThat(listed(second)).containsExactly("OLD-" + (PAGED - 1));
        assertThat(second).contains("page 2 of 2", "id=\"page-previous\"").doesNotContain("id=\"page-next\"");
    }

    @ParameterizedTest
    @CsvSource({"-1, 1", "x, 1", "99999, 2", "0, 1", "'', 1"})
    void aPageNumberOutOfRangeOrNoNumberGivesTheNearestPage(String asked, int shown) throws Exception {
        HttpResponse<String> page = send("/requests?type=lift-restriction&page=" + URLEncoder.encode(asked, StandardCharsets.UTF_8));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("page " + shown + " of 2");
    }

    /** The references of the listed requests, in the order shown. */
    private static List<String> listed(String page) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<tr id=\"req-[^\"]+\"[^>]*>.*?<td>((?:REF|OLD)-[A-Z0-9]+)</td>").matcher(page);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String html(String attribute) {
        return attribute.replace("&#61;", "=").replace("&amp;", "&");
    }

    private String get(String path) throws Exception {
        HttpResponse<String> answer = send(path);
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return answer.body();
    }

    private HttpResponse<String> send(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(fixture.baseUrl() + path.substring(1))).header("Cookie", cookie)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String logIn() throws Exception {
        String origin = "http://127.0.0.1:" + URI.create(fixture.baseUrl()).getPort();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(fixture.baseUrl() + "login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString("token=" + fixture.token())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(303);
        return answer.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }
}
