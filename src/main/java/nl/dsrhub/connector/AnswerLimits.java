package nl.dsrhub.connector;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * How much of a processor's answer the engine reads, and for how long: a processor (or whatever answers in its
 * name) can send an endless body, or trickle one. Over the size the task needs attention (the same call would
 * get the same answer); over the time the call is a transient failure, like a timeout.
 *
 * @param connector the connector whose settings these are, named in the messages
 */
public record AnswerLimits(String connector, long maxBytes, Duration maxTime) {

    /** Per-connector setting (property {@code dsr.connector.<name>.max-answer-bytes}) and hub-wide key suffix. */
    public static final String MAX_BYTES = "max-answer-bytes";
    public static final String MAX_SECONDS = "max-answer-seconds";
    /** The defaults of application.properties, for a hub built without it (tests, {@code connectors --check}). */
    static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;
    static final long DEFAULT_MAX_SECONDS = 120;

    /** The defaults, for a connector with no settings of its own. */
    public static AnswerLimits defaults(String connector) {
        return new AnswerLimits(connector, DEFAULT_MAX_BYTES, Duration.ofSeconds(DEFAULT_MAX_SECONDS));
    }

    /**
     * Each connector's limits: its own setting ({@code dsr.connector.<name>.max-answer-bytes}, environment
     * {@code DSR_CONNECTOR_<NAME>_MAX_ANSWER_BYTES}), else the hub-wide one ({@code dsr.connectors.max-answer-bytes}),
     * else the default; the same for {@code max-answer-seconds}. Resolved once per connector.
     *
     * @throws IllegalArgumentException naming the setting, when a value is not a whole number above 0
     */
    public static Function<String, AnswerLimits> resolver(SettingsSource settings, Function<String, Optional<String>> hub) {
        Map<String, AnswerLimits> resolved = new ConcurrentHashMap<>();
        return name -> resolved.computeIfAbsent(name, n -> new AnswerLimits(n,
                number(settings, hub, n, MAX_BYTES, DEFAULT_MAX_BYTES),
                Duration.ofSeconds(number(settings, hub, n, MAX_SECONDS, DEFAULT_MAX_SECONDS))));
    }

    private static long number(SettingsSource settings, Function<String, Optional<String>> hub, String connector,
                               String key, long fallback) {
        Optional<String> own = settings.get(connector, key);
        String name = own.isPresent() ? SettingsSource.propertyName(connector, key) : "dsr.connectors." + key;
        Optional<String> value = own.or(() -> hub.apply("dsr.connectors." + key));
        try {
            long n = value.map(v -> Long.parseLong(v.trim())).orElse(fallback);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below, with the setting's name
        }
        throw new IllegalArgumentException(name + ": '" + value.orElse("") + "' is not a whole number above 0");
    }

    /** The answer went over the size limit: retrying would read the same, so the task needs attention. */
    PermanentFailure tooLarge(String what) {
        return new PermanentFailure(what + ": answer larger than " + maxBytes + " bytes, the limit ("
                + SettingsSource.propertyName(connector, MAX_BYTES) + " or dsr.connectors." + MAX_BYTES
                + "): the call was cut off");
    }

    /** The answer was not complete in time: a slow processor may be faster later, so it is retried. */
    TransientFailure tooSlow(String what) {
        return new TransientFailure(what + ": answer not complete within " + maxTime.toSeconds() + " s, the limit ("
                + SettingsSource.propertyName(connector, MAX_SECONDS) + " or dsr.connectors." + MAX_SECONDS
                + "): the call was cut off", null);
    }
}
