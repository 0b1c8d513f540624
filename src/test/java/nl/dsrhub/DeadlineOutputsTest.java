package nl.dsrhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dsrhub.cli.DsrHub;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.model.Deadlines;
import nl.dsrhub.testing.HubFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deadline as the officer and the subject read it, from a real hub (H2 file, HTTP, the command line): a date in
 * Dutch time in receipt.json, {@code status --json}, the dashboard and the confirmation; the shop's shorter term kept;
 * the processors' deadline shown; a term the hub cannot keep refused at start.
 */
class DeadlineOutputsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter NL = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl-NL"));
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("en-GB"));

    @TempDir
    Path dataDir;

    private HubFixture fixture;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aRequestReceivedJustAfterMidnightDutchTimeIsDueOnTheDutchDateInEveryOutput() throws Exception {
        fixture = HubFixture.start(dataDir);
        // 00:30 in Amsterdam on the last 31st before a 30-day month, written in UTC: the day before. A month added
        // in UTC would end on the 1st of the month after in Dutch time; the law's month ends on the 30th.
        LocalDate received = lastThirtyFirstBeforeAThirtyDayMonth();
        OffsetDateTime receivedAt = received.atTime(LocalTime.of(0, 30)).atZone(Deadlines.ZONE).toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
        LocalDate due = received.plusMonths(1);
        assertThat(due.getDayOfMonth()).isEqualTo(30);
        assertThat(receivedAt.toLocalDate()).isEqualTo(received.minusDays(1));

        String id = drop("erasure", receivedAt, "DEADLINE-DUTCH-DATE");
        fixture.awaitCompleted(id);

        JsonNode receipt = JSON.readTree(fixture.outbox(id).resolve("receipt.json").toFile());
        assertThat(receipt.path("deadline").asText()).isEqualTo(due.toString());
        JsonNode confirmation = JSON.readTree(fixture.outbox(id).resolve("confirmation.json").toFile());
        assertThat(confirmation.path("deadline").asText()).isEqualTo(due.toString());
        assertThat(Files.readString(fixture.outbox(id).resolve("confirmation.html")))
                .contains(NL.format(due) + " <span class=\"en\" lang=\"en\">/ " + EN.format(due) + "</span>");
        assertThat(statusJson(id).path("deadline").asText()).isEqualTo(due.toString());
        assertThat(dashboardCell(id, "deadline")).startsWith(due + " (the end of that day, Dutch time)");
    }

    @Test
    void aShopTermOf30DaysIsTheDeadlineTheHubKeeps() throws Exception {
        fixture = HubFixture.start(dataDir, Map.of("dsr.deadline.term", "P30D"));
        // the 15th of a 31-day month: 30 days end on the 14th of the next, a day before the law's month
        LocalDate received = lastFifteenthOfA31DayMonth();
        LocalDate due = received.plusDays(30);
        assertThat(due).isEqualTo(received.plusMonths(1).minusDays(1));

        String id = drop("export", received.atTime(12, 0).atZone(Deadlines.ZONE).toOffsetDateTime(), "DEADLINE-30-DAYS");

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(fixture.outbox(id).resolve("receipt.json")));
        assertThat(JSON.readTree(fixture.outbox(id).resolve("receipt.json").toFile()).path("deadline").asText())
                .isEqualTo(due.toString());
        assertThat(statusJson(id).path("deadline").asText()).isEqualTo(due.toString());
    }

    @Test
    void aShopTermOf4WeeksIsTheDeadlineTheHubKeeps() throws Exception {
        fixture = HubFixture.start(dataDir, Map.of("dsr.deadline.term", "P4W"));
        LocalDate received = lastFifteenthOfA31DayMonth();
        LocalDate due = received.plusWeeks(4);

        String id = drop("export", received.atTime(12, 0).atZone(Deadlines.ZONE).toOffsetDateTime(), "DEADLINE-4-WEEKS");

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(fixture.outbox(id).resolve("receipt.json")));
        assertThat(JSON.readTree(fixture.outbox(id).resolve("receipt.json").toFile()).path("deadline").asText())
                .isEqualTo(due.toString());
        assertThat(due.getDayOfWeek()).isEqualTo(received.getDayOfWeek());
    }

    @Test
    void theProcessorsDeadlineIsShownByStatusAndTheDashboard() throws Exception {
        fixture = HubFixture.start(dataDir, Map.of("dsr.deadline.processor-days", "10"));
        OffsetDateTime receivedAt = OffsetDateTime.now(Deadlines.ZONE).minusMinutes(10);
        // Pay.nl is off here: its task needs the officer, so the request stays open
        String id = drop("erasure", receivedAt, "DEADLINE-PROCESSORS", "paynl");
        LocalDate processorsBy = Deadlines.today(java.time.Clock.systemUTC()).plusDays(10);

        JsonNode status = statusJson(id);
        assertThat(status.path("processorDeadline").asText()).isEqualTo(processorsBy.toString());
        assertThat(status.path("deadline").asText()).isEqualTo(Deadlines.dateOf(receivedAt).plusMonths(1).toString());
        assertThat(dashboardCell(id, "processor-deadline")).startsWith(processorsBy.toString());
        assertThat(run("status")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("PROCESSORS BY").containsPattern(id + ".* " + processorsBy + " ");
    }

    @Test
    void aTermTheHubCannotKeepStopsTheStartNamingTheSetting() {
        int code = run("run", "--set", "dsr.deadline.term=P2M", "--set", "dsr.connectors.dir=" + dataDir.resolve("none"));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("dsr-hub: dsr.deadline.term: 'P2M' is longer than the law's"
                + " month (art. 12(3) GDPR)");
        assertThat(dataDir.resolve("hub.json")).doesNotExist();
    }

    // ---- helpers

    /** Drops a request for a person no processor knows, to the shop only (or the connectors named), and waits for it. */
    private String drop(String type, OffsetDateTime receivedAt, String reference, String... processors) {
        String at = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(receivedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        String list = processors.length == 0 ? "\"woocommerce\"" : "\"" + String.join("\", \"", processors) + "\"";
        fixture.drop(reference + ".json", """
                { "type": "%s", "receivedAt": "%s",
                  "subject": { "email": "%s", "name": "Sanne Smit" },
                  "verification": { "method": "known-email", "verifiedBy": "privacy@shop.example.nl", "verifiedAt": "%s" },
                  "processors": [%s], "reference": "%s" }
                """.formatted(type, at, DemoPeople.SANNE.email(), at, list, reference));
        return fixture.awaitRequest(reference);
    }

    /** {@code status ID --json}, through the running hub's API as the officer runs it. */
    private JsonNode statusJson(String id) throws Exception {
        assertThat(run("status", id, "--json")).as(() -> err.toString(StandardCharsets.UTF_8)).isZero();
        return JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        String[] withData = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--data", dataDir.toString())).toArray(String[]::new);
        return new DsrHub(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(withData);
    }

    /** The text of a cell of the request's dashboard page, after logging in with the token. */
    private String dashboardCell(String id, String cellId) throws Exception {
        String origin = fixture.baseUrl().substring(0, fixture.baseUrl().length() - 1);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(fixture.baseUrl() + "login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString("token=" + fixture.token())).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String page = http.send(HttpRequest.newBuilder(URI.create(fixture.baseUrl() + "requests/" + id)).header("Cookie", cookie)
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("<td id=\"" + cellId + "\">([^<]*)<").matcher(page);
        assertThat(m.find()).as(page).isTrue();
        return m.group(1);
    }

    /** The most recent 31st, at least two days ago, of a month followed by one of 30 days (March, May, August, October). */
    private static LocalDate lastThirtyFirstBeforeAThirtyDayMonth() {
        LocalDate d = LocalDate.now(Deadlines.ZONE).minusDays(2);
        while (!(d.getDayOfMonth() == 31 && d.plusMonths(1).lengthOfMonth() == 30)) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** The most recent 15th, at least a day ago, of a month of 31 days. */
    private static LocalDate lastFifteenthOfA31DayMonth() {
        LocalDate d = LocalDate.now(Deadlines.ZONE).minusDays(1);
        while (!(d.getDayOfMonth() == 15 && d.lengthOfMonth() == 31)) {
            d = d.minusDays(1);
        }
        return d;
    }
}
