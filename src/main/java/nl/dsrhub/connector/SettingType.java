package nl.dsrhub.connector;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a connector setting's value must be ({@code settings.<key>.type}): {@code string} (anything),
 * {@code boolean} ({@code true} or {@code false}), {@code integer}, {@code duration} (e.g. {@code 30s},
 * {@code 5m}, {@code 1h}) or {@code secret} (a string never logged or shown).
 */
enum SettingType {
    STRING, BOOLEAN, INTEGER, DURATION, SECRET;

    private static final Pattern INTEGER_VALUE = Pattern.compile("-?\\d{1,18}");
    private static final Pattern DURATION_VALUE = Pattern.compile("\\d+(\\.\\d+)?[smhSMH]");

    /** @throws IllegalArgumentException for a name not among the types */
    static SettingType named(String name) {
        return name == null ? STRING : valueOf(name.toUpperCase(Locale.ROOT));
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when the value is one of this type. */
    boolean accepts(String value) {
        return switch (this) {
            case BOOLEAN -> value.equals("true") || value.equals("false");
            case INTEGER -> INTEGER_VALUE.matcher(value.trim()).matches();
            case DURATION -> DURATION_VALUE.matcher(value.trim()).matches();
            case STRING, SECRET -> true;
        };
    }

    /** What a value of this type looks like, for messages. */
    String example() {
        return switch (this) {
            case BOOLEAN -> "true or false";
            case INTEGER -> "a whole number, e.g. 100";
            case DURATION -> "a duration such as 30s, 5m or 1h";
            case STRING, SECRET -> "text";
        };
    }
}
