package nl.dsrhub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
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

/**
 * A request's page on a running hub, read over HTTP/1.1 as the officer's browser gets it: the processors answered, the
 * deadline and days left in words, each processor's outcome in words with its technical detail folded and escaped.
 * The requests are seeded in their state once for the class; every test only reads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardRequestStoryTest {

    private static final String HOSTILE = "HTTP 401 <img src=x onerror=alert(1)>";

    HubFixture fixture;
    String cookie;
    String dueSoon;
    String overdue;
    LocalDate today;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    void startAndSeed(@TempDir Path dataDir) throws Exception {
        fixture = HubFixture.start(dataDir);
        Services s = fixture.hub().services();
        SeededRequests seed = new SeededRequests(s.jdbc, s.requests, s.tasks);
        OffsetDateTime now = OffsetDateTime.now();
        today = Deadlines.today(Clock.systemUTC());
        Map<String, Outcome> outcomes = new TreeMap<>(Map.of("mollie", Outcome.ERASED, "sendcloud", Outcome.NOT_FOUND,
                "mailchimp", Outcome.RETAINED, "laposta", Outcome.AWAITING_REPLY, "woocommerce", Outcome.NEEDS_ATTENTION));
        dueSoon = seed.add(RequestType.ERASURE, RequestStore.PLANNED, "REF-STORY", now.minusDays(3), today.plusDays(2), null,
                outcomes);
        s.jdbc.update("UPDATE dsr_task SET last_error = ? WHERE request_id = ? AND connector = ?", HOSTILE, dueSoon,
                "woocommerce");
        // a processor still to answer keeps each request open: a running hub completes one whose every task answered
        overdue = seed.add(RequestType.EXPORT, RequestStore.PLANNED, "REF-LATE", now.minusDays(40), today.minusDays(2), null,
                Map.of("mollie", Outcome.EXPORTED, "laposta", Outcome.AWAITING_REPLY));
        cookie = logIn();
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    @Test
    void theTopSaysHowManyProcessorsAnsweredWithAProgressBar() throws Exception {
        assertThat(get(dueSoon)).contains(">3 of 5 processors answered</label>",
                "<progress id=\"answered-bar\" max=\"5\" value=\"3\">3 of 5</progress>");
        assertThat(get(overdue)).contains(">1 of 2 processors answered</label>");
    }

    @Test
    void theTopSaysTheDeadlineAndTheDaysLeftInWords() throws Exception {
        assertThat(get(dueSoon)).contains("<p id=\"due-words\" class=\"due due-soon\">due " + OfficerTime.date(today.plusDays(2))
                + ", 2 days left</p>");
    }

    @Test
    void anOverdueRequestSaysByHowManyDays() throws Exception {
        assertThat(get(overdue)).contains("<p id=\"due-words\" class=\"due overdue\">due " + OfficerTime.date(today.minusDays(2))
                + ", overdue by 2 days</p>");
    }

    @Test
    void eachProcessorsOutcomeIsInWords() throws Exception {
        String page = get(dueSoon);

        assertThat(page).contains("<span class=\"task-words done\">data erased</span>",
                "<span class=\"task-words none\">no data found</span>", "<span class=\"task-words kept\">not erased",
                "<span class=\"task-words open\">request sent, still awaiting a reply</span>",
                "<span class=\"task-words-nl\" lang=\"nl\">(gegevens verwijderd)</span>");
    }

    @Test
    void theTechnicalDetailIsFoldedAndEscaped() throws Exception {
        String page = get(dueSoon);

        assertThat(page).contains("<details class=\"task-detail\"><summary>technical detail</summary><pre>HTTP 401 "
                + "&lt;img src&#61;x onerror&#61;alert(1)&gt;</pre></details>").doesNotContain("<img");
    }

    @Test
    void thePageNeverShowsTheSubjectsAddress() throws Exception {
        assertThat(get(dueSoon)).doesNotContain(SeededRequests.SUBJECT);
    }

    private String get(String id) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(fixture.baseUrl() + "requests/" + id))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
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
