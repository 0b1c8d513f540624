package nl.dsrhub.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls as a Mollie client makes them: Bearer key, {@code Accept: application/hal+json}, optional Idempotency-Key. */
final class MollieHttp {

    private MollieHttp() {
    }

    static HttpResponse<String> send(String method, String url, String apiKey, String idempotencyKey) {
        return send(method, url, apiKey, idempotencyKey, null);
    }

    /** With a JSON body ({@code null}: none). */
    static HttpResponse<String> send(String method, String url, String apiKey, String idempotencyKey, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Accept", "application/hal+json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        try {
            return TestHttp.CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
