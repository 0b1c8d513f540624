package nl.dsrhub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dsrhub.store.SuppressionRegister;
import nl.dsrhub.testing.HubFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registers on the dashboard: the overview counts them and links the registers page, which lists the open
 * re-subscription findings (never the address) with a "handled" form each, guarded by the session's CSRF token.
 */
class DashboardRegistersTest {

    private static final String OBJECTED = "bea.bezwaar@example.com";

    @TempDir
    Path dataDir;

    HubFixture fixture;
    String origin;
    long finding;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** A finding at a processor the re-subscription check does not read: it stays open while the test runs. */
    @BeforeEach
    void start() {
        fixture = HubFixture.start(dataDir);
        origin = "http://127.0.0.1:" + URI.create(fixture.baseUrl()).getPort();
        SuppressionRegister register = fixture.hub().services().suppression;
        register.add("R-OBJ-DASH", OBJECTED, OffsetDateTime.now());
        finding = register.reconcile("woocommerce", List.of(new SuppressionRegister.Match(register.entry(OBJECTED)
                .orElseThrow(), null)), OffsetDateTime.now()).get(0).id();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void theOverviewCountsTheRegistersAndLinksTheirPage() throws Exception {
        String home = send(get("", logIn())).body();

        assertThat(home).contains("<p id=\"registers\">Suppression register: 1 address(es). <strong id=\"registers-open\">1"
                + " re-subscription(s) to handle.</strong> Restrictions in force: 0. <a href=\"/registers\"")
                .doesNotContain(OBJECTED);
    }

    @Test
    void theRegistersPageListsTheOpenFindingWithAHandledFormCarryingTheSessionsToken() throws Exception {
        String cookie = logIn();
        HttpResponse<String> page = send(get("registers", cookie));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<tr id=\"finding-" + finding + "\"><td>" + finding + "</td><td>woocommerce</td><td>-"
                        + "</td><td>R-OBJ-DASH</td>", "id=\"resolve-" + finding + "\"")
                .contains("<td id=\"open-findings\">1</td>").doesNotContain(OBJECTED);
        assertThat(csrf(page.body())).isNotBlank();
    }

    @Test
    void theHandledFormResolvesTheFindingAndThePageSaysSo() throws Exception {
        String cookie = logIn();
        String token = csrf(send(get("registers", cookie)).body());

        HttpResponse<String> posted = send(post("registers/findings/" + finding + "/resolve", cookie,
                "csrf=" + token + "&reason=newsletter+flag+cleared+in+the+shop"));

        assertThat(posted.statusCode()).isEqualTo(303);
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertThat(URLDecoder.decode(location, StandardCharsets.UTF_8)).isEqualTo("/registers?done=finding " + finding
                + " (woocommerce, request R-OBJ-DASH) marked handled");
        assertThat(fixture.hub().services().suppression.openFindingCount()).isZero();
        String after = send(get(location.substring(1), cookie)).body();
        assertThat(after).contains("id=\"flash\"", "id=\"no-findings\"");
        assertThat(fixture.hub().services().events.timeline("R-OBJ-DASH")).singleElement().satisfies(e -> assertThat(
                e.detail()).endsWith("by the officer on the dashboard: newsletter flag cleared in the shop"));
    }

    @Test
    void theHandledFormWithoutTheSessionsTokenIs403AndResolvesNothing() throws Exception {
        HttpResponse<String> posted = send(post("registers/findings/" + finding + "/resolve", logIn(), "reason=forged"));

        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(fixture.hub().services().suppression.openFindingCount()).isEqualTo(1);
    }

    private String logIn() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(fixture.baseUrl() + "login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString("token=" + fixture.token())));
        assertThat(answer.statusCode()).isEqualTo(303);
        return answer.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    private static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("a form with the session's CSRF token").isTrue();
        return m.group(1);
    }

    private HttpRequest.Builder get(String path, String cookie) {
        return HttpRequest.newBuilder(URI.create(fixture.baseUrl() + path)).header("Cookie", cookie).GET();
    }

    private HttpRequest.Builder post(String path, String cookie, String form) {
        return HttpRequest.newBuilder(URI.create(fixture.baseUrl() + path)).header("Cookie", cookie).header("Origin", origin)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
