package nl.dsrhub.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A processor's HTTP answer: status, headers (case-insensitive names) and body. Closing it removes the body's
 * file unless it was kept.
 */
record Answer(int status, Map<String, Object> headers, AnswerBody body) implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The header's value; a header sent more than once (Link) as its values joined with ", ", as HTTP reads them. */
    Optional<String> header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                .map(e -> e.getValue() instanceof List<?> values
                        ? values.stream().map(String::valueOf).collect(Collectors.joining(", "))
                        : String.valueOf(e.getValue()));
    }

    /** Worth retrying: throttled, timed out, or the server is (temporarily) in trouble; 501 and the like are not. */
    boolean isTransient() {
        return status == 429 || status == 408 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    /** The processor's error title or code, which name the kind of error, never the detail (it may quote data). */
    String errorTitle() {
        try (InputStream in = body.open()) {
            JsonNode n = JSON.readTree(in);
            for (String field : List.of("title", "code")) {
                if (n != null && n.hasNonNull(field) && n.get(field).isValueNode()) {
                    return " (" + n.get(field).asText() + ")";
                }
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: the status says enough
        }
        return "";
    }

    /** The processor's {@code Retry-After}, in seconds or as a date; null when it gave none (or none we can read). */
    Duration retryAfter(Clock clock) {
        Optional<String> h = header("Retry-After");
        if (h.isEmpty()) {
            return null;
        }
        String v = h.get().trim();
        try {
            return Duration.ofSeconds(Long.parseLong(v));
        } catch (NumberFormatException e) {
            try {
                return Duration.between(clock.instant(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (RuntimeException ignored) {
                return null;
            }
        }
    }

    @Override
    public void close() {
        body.close();
    }
}
