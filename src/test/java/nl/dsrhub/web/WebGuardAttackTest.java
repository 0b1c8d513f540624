package nl.dsrhub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub's HTTP server probed as an attacker would, on a running hub: bodies sent without credentials, tokens
 * where they do not belong, cookies on the API, forms from other origins, bodies over their bound. Each is refused
 * before the body is read, and nothing is stored or written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebGuardAttackTest {

    static final long HUNDRED_MB = 100L * 1024 * 1024;

    HubFixture fixture;
    int port;
    String origin;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    void start(@TempDir Path dataDir) {
        fixture = HubFixture.start(dataDir);
        port = URI.create(fixture.baseUrl()).getPort();
        origin = "http://127.0.0.1:" + port;
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    // ---- bodies without credentials

    @Test
    void unauthenticatedHundredMegabyteSubmissionIsAnsweredBeforeItsBodyIsRead() throws Exception {
        try (RawPost post = new RawPost(port, "POST /api/requests HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nContent-Type: application/json\r\nContent-Length: " + HUNDRED_MB, new byte[0], HUNDRED_MB)) {
            assertThat(post.statusLine()).isEqualTo("HTTP/1.1 401 Unauthorized");
            assertThat(post.restUntilClosed()).containsIgnoringCase("connection: close").contains("Bearer");
            await().atMost(Duration.ofSeconds(10)).until(post::writerEnded);
            // what the socket buffers took before the server stopped reading, far from the 100 MB offered
            System.out.printf("WebGuardAttackTest: %.1f MB of the 100 MB body left the attacker's socket%n", post.bodyBytesSent() / 1e6);
            assertThat(post.bodyBytesSent()).isLessThan(16L * 1024 * 1024);
        }
        assertThat(fixture.requests().all()).isEmpty();
    }

    @Test
    void uploadWithoutASessionIsRefusedBeforeAnyFileIsWritten() throws Exception {
        Path incoming = fixture.dataDir.resolve("work").resolve(".uploads").resolve("incoming");
        String boundary = "----attacker";
        byte[] partHead = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file-1\"; filename=\"x.json\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        // the body is never finished: a server that wrote uploads before checking would still be writing the file
        try (RawPost post = new RawPost(port, "POST /requests/R20261128-ANY/settle HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nOrigin: " + origin + "\r\nContent-Type: multipart/form-data; boundary=" + boundary
                + "\r\nContent-Length: " + HUNDRED_MB, partHead, HUNDRED_MB / 2)) {
            assertThat(post.statusLine()).isEqualTo("HTTP/1.1 401 Unauthorized");
            assertThat(files(incoming)).isEmpty();
            await().atMost(Duration.ofSeconds(10)).until(post::writerEnded);
            assertThat(post.bodyBytesSent()).isLessThan(16L * 1024 * 1024);
        }
        assertThat(files(incoming)).isEmpty();
    }

    // ---- tokens where they do not belong

    @Test
    void apiRefusesTheSessionCookieAndTokensInTheQueryString() throws Exception {
        String cookie = logIn();
        String token = fixture.token();
        assertThat(send(get("api/requests").header("Cookie", cookie)).statusCode()).isEqualTo(401);
        for (String query : List.of("access_token=" + token, "token=" + token, "Authorization=Bearer%20" + token,
                "authorization=Bearer%20" + token)) {
            assertThat(send(get("api/requests?" + query)).statusCode()).as(query.replace(token, "TOKEN")).isEqualTo(401);
        }
        // the original attack: a text/plain body (a "simple" cross-site request) with the officer's cookie
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(fixture.baseUrl() + "api/requests"))
                .header("Cookie", cookie).header("Content-Type", "text/plain").header("Origin", "http://127.0.0.1:1")
                .POST(HttpRequest.BodyPublishers.ofString(Requests.file("erasure", DemoPeople.JAN.email(), Requests.now(), "CSRF-API"))));
        assertThat(created.statusCode()).isEqualTo(401);
        assertThat(fixture.requests().all()).noneMatch(r -> "CSRF-API".equals(r.reference()));
    }

    @Test
    void theSessionCookieIsARandomIdNotTheTokenAndEndsAtLogOut() throws Exception {
        String cookie = logIn();
        assertThat(cookie).startsWith(Sessions.COOKIE + "=").doesNotContain(fixture.token());
        HttpResponse<String> home = send(get("").header("Cookie", cookie));
        assertThat(home.statusCode()).isEqualTo(200);
        String csrf = csrfOf(home.body());
        HttpResponse<String> out = send(form("logout", cookie, origin, "csrf=" + csrf));
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c).contains("Max-Age=0"));
        assertThat(send(get("").header("Cookie", cookie)).statusCode()).as("the old cookie after log-out").isEqualTo(303);
    }

    // ---- forms from elsewhere

    @Test
    void formsFromAnotherOriginOrWithoutTheSessionsTokenChangeNothing() throws Exception {
        fixture.drop("form-target.json", Requests.file("erasure", DemoPeople.KEES.email(), Requests.now(), "FORM-TARGET"));
        String id = fixture.awaitRequest("FORM-TARGET");
        var deadline = fixture.requests().row(id).orElseThrow().deadline();
        String cookie = logIn();
        String csrf = csrfOf(send(get("requests/" + id).header("Cookie", cookie)).body());
        String extend = "requests/" + id + "/extend";

        // another port of 127.0.0.1 is another origin (and the same site: SameSite does not stop this one)
        assertThat(send(form(extend, cookie, "http://127.0.0.1:" + (port + 1), "months=2&reason=x&csrf=" + csrf)).statusCode())
                .isEqualTo(403);
        assertThat(send(form(extend, cookie, "null", "months=2&reason=x&csrf=" + csrf)).statusCode()).isEqualTo(403);
        // no Origin: the browser's Sec-Fetch-Site must say same-origin; a client that says neither is refused
        assertThat(send(HttpRequest.newBuilder(URI.create(fixture.baseUrl() + extend)).header("Cookie", cookie)
                .header("Sec-Fetch-Site", "cross-site").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("months=2&reason=x&csrf=" + csrf))).statusCode()).isEqualTo(403);
        assertThat(send(HttpRequest.newBuilder(URI.create(fixture.baseUrl() + extend)).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("months=2&reason=x&csrf=" + csrf))).statusCode()).isEqualTo(403);
        // the hub's own origin but without the session's token, or with the token in the query string
        assertThat(send(form(extend, cookie, origin, "months=2&reason=x")).statusCode()).isEqualTo(403);
        assertThat(send(form(extend + "?csrf=" + csrf, cookie, origin, "months=2&reason=x")).statusCode()).isEqualTo(403);
        assertThat(send(form(extend, cookie, origin, "months=2&reason=x&csrf=" + "0".repeat(64))).statusCode()).isEqualTo(403);

        assertThat(fixture.requests().row(id).orElseThrow().deadline()).isEqualTo(deadline);
        assertThat(fixture.hub().services().events.timeline(id)).noneMatch(e -> e.kind().equals("extended"));

        // the hub's own page, as a browser sends it
        assertThat(send(form(extend, cookie, origin, "months=1&reason=archive&csrf=" + csrf)).statusCode()).isEqualTo(303);
        assertThat(fixture.requests().row(id).orElseThrow().deadline()).isAfter(deadline);
    }

    @Test
    void logInFromAnotherOriginIsRefused() throws Exception {
        HttpResponse<String> answer = send(form("login", null, "http://127.0.0.1:" + (port + 1), "token=" + fixture.token()));
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().firstValue("Set-Cookie")).isEmpty();
    }

    // ---- bounds of authenticated bodies

    @Test
    void anApiSubmissionOverTheRequestFileLimitIsRefusedUnread() throws Exception {
        long tooLarge = 1048576 + 1;
        try (RawPost post = new RawPost(port, "POST /api/requests HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nAuthorization: Bearer " + fixture.token() + "\r\nContent-Type: application/json\r\nContent-Length: "
                + tooLarge, new byte[0], 0)) {
            assertThat(post.statusLine()).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
            assertThat(post.restUntilClosed()).contains("at most 1048576 bytes");
        }
    }

    @Test
    void aBodyWithoutAStatedLengthIsRefused() throws Exception {
        try (RawPost post = new RawPost(port, "POST /api/requests HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nAuthorization: Bearer " + fixture.token() + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked",
                "10\r\n{\"type\":\"export\"\r\n".getBytes(StandardCharsets.ISO_8859_1), 0)) {
            assertThat(post.statusLine()).isEqualTo("HTTP/1.1 411 Length Required");
        }
    }

    @Test
    void aDashboardFormOverItsBoundIsRefusedUnread() throws Exception {
        String cookie = logIn();
        try (RawPost post = new RawPost(port, "POST /requests/R20261128-ANY/extend HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nOrigin: " + origin + "\r\nCookie: " + cookie
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + (64 * 1024 + 1), new byte[0], 0)) {
            assertThat(post.statusLine()).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
        }
    }

    // ---- helpers

    private String logIn() throws Exception {
        HttpResponse<String> answer = send(form("login", null, origin, "token=" + fixture.token()));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
        return answer.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    private static String csrfOf(String page) {
        var m = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([0-9a-f]{64})\"").matcher(page);
        assertThat(m.find()).as("a form with the session's token").isTrue();
        return m.group(1);
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(fixture.baseUrl() + path)).GET();
    }

    private HttpRequest.Builder form(String path, String cookie, String from, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fixture.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", from)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<Path> files(Path dir) throws java.io.IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var s = Files.list(dir)) {
            return s.toList();
        }
    }
}
