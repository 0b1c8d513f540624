package nl.dsrhub.demo;

import java.time.Instant;
import java.util.Map;

/**
 * One request a simulator received and the response it gave.
 *
 * @param method              HTTP method, upper case
 * @param path                the decoded request path including the API base path (e.g. {@code /3.0/lists})
 * @param rawQuery            the raw (still encoded) query string, or {@code null} when there was none
 * @param requestHeaders      request headers, names in lower case, repeated headers joined with {@code ", "}
 * @param requestBody         the request body as UTF-8 text ({@code ""} when empty)
 * @param status              response status code
 * @param responseContentType response {@code Content-Type}, or {@code null} when there was no body
 * @param responseBody        response body ({@code ""} when empty)
 * @param at                  when the request arrived
 */
public record RecordedCall(String method, String path, String rawQuery, Map<String, String> requestHeaders,
                           String requestBody, int status, String responseContentType, String responseBody,
                           Instant at) {

    public RecordedCall {
        requestHeaders = Map.copyOf(requestHeaders);
    }

    /** Request header by case-insensitive name, or {@code null}. */
    public String requestHeader(String name) {
        return requestHeaders.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
