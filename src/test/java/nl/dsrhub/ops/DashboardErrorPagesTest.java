package nl.dsrhub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import nl.dsrhub.testing.HubFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's pages as the server sends them, rendered by their templates: the response's headers, a request that
 * is not there (404, its id escaped), a form without its session's token (403, nothing done).
 */
class DashboardErrorPagesTest {

    @TempDir
    static Path dataDir;
    static HubFixture fixture;
    static String origin;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        fixture = HubFixture.start(dataDir);
        origin = "http://127.0.0.1:" + URI.create(fixture.baseUrl()).getPort();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void aPageIsHtmlThatIsNeitherFramedNorSniffedNorKeptInTheBrowsersCache() throws Exception {
        HttpResponse<String> home = send(get("", logIn()));

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(home.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(home.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        // a page names people: the browser must not keep it on disk for the next user of the machine
        assertThat(home.headers().allValues("Cache-Control")).containsExactly("no-store");
        assertThat(home.body()).startsWith("<!doctype html>").contains("id=\"connectors\"", "id=\"logout-form\"");
    }

    @Test
    void anUnknownRequestIs404WithItsIdEscaped() throws Exception {
        String id = "R1<b>x</b>";
        HttpResponse<String> page = send(get("requests/" + URLEncoder.encode(id, StandardCharsets.UTF_8), logIn()));

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("No request R1&lt;b&gt;x&lt;/b&gt;.").doesNotContain("<b>x");
    }

    @Test
    void aFormWithoutItsSessionsTokenIs403AndDoesNothing() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(fixture.baseUrl() + "requests/R1/retry"))
                .header("Cookie", logIn()).header("Origin", origin).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("connector=mollie")));

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("id=\"refused\"", "does not carry this session&#39;s token").doesNotContain("logout-form");
    }

    private static String logIn() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(fixture.baseUrl() + "login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString("token=" + fixture.token())));
        assertThat(answer.statusCode()).isEqualTo(303);
        return answer.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    private static HttpRequest.Builder get(String path, String cookie) {
        return HttpRequest.newBuilder(URI.create(fixture.baseUrl() + path)).header("Cookie", cookie).GET();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
