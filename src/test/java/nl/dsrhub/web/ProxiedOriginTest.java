package nl.dsrhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import nl.dsrhub.testing.HubFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Behind a TLS proxy the officer's browser names the proxy's origin ({@code dsr.web.origin}): forms are taken from
 * that origin only, not from the server's own address, and the session cookie is marked Secure.
 */
class ProxiedOriginTest {

    static final String PROXY = "https://dsr.shop.example.nl";

    @TempDir
    Path dataDir;

    HubFixture fixture;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() {
        fixture = HubFixture.start(dataDir, Map.of("dsr.web.origin", PROXY + "/"));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void logInIsTakenFromTheConfiguredOriginOnlyAndItsCookieIsSecure() throws Exception {
        String own = fixture.baseUrl().replaceAll("/$", "");
        assertThat(logIn(own).statusCode()).as("the server's own address, not what the browser uses").isEqualTo(403);
        assertThat(logIn("https://evil.example.com").statusCode()).isEqualTo(403);

        HttpResponse<String> viaProxy = logIn(PROXY);
        assertThat(viaProxy.statusCode()).isEqualTo(303);
        assertThat(viaProxy.headers().firstValue("Set-Cookie")).hasValueSatisfying(c ->
                assertThat(c).startsWith(Sessions.COOKIE + "=").contains("; Secure").contains("HttpOnly"));
    }

    private HttpResponse<String> logIn(String origin) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(fixture.baseUrl() + "login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString("token=" + fixture.token())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
