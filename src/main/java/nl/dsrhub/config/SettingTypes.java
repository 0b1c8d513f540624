package nl.dsrhub.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A setting's type is its default's: a whole number, {@code true}/{@code false}, or text. A value of the wrong type
 * stops the hub at once with one line naming the setting, where the value came from and what is expected, rather
 * than failing a route or a task later.
 */
final class SettingTypes {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d+");

    private SettingTypes() {
    }

    /** Checks every setting whose default is a number or a boolean. */
    static void check(HubConfig config) {
        for (String key : config.settings()) {
            String fallback = config.defaultOf(key);
            if (WHOLE_NUMBER.matcher(fallback).matches()) {
                wholeNumber(config, key, Long.MIN_VALUE, Long.MAX_VALUE);
            } else if (isBoolean(fallback)) {
                bool(config, key);
            }
        }
    }

    static Long wholeNumber(HubConfig config, String key, long min, long max) {
        String value = config.optional(key).orElseThrow(() -> wrong(config, key, "", "a whole number"));
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw wrong(config, key, value, "a whole number" + (max == Integer.MAX_VALUE ? " (at most " + max + ")" : ""));
    }

    static boolean bool(HubConfig config, String key) {
        String value = config.optional(key).orElse("");
        if (!isBoolean(value)) {
            throw wrong(config, key, value, "true or false");
        }
        return Boolean.parseBoolean(value);
    }

    private static boolean isBoolean(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        return v.equals("true") || v.equals("false");
    }

    private static IllegalArgumentException wrong(HubConfig config, String key, String value, String expected) {
        return new IllegalArgumentException(key + " = \"" + shown(value) + "\" (from " + config.source(key) + ") is not "
                + expected + "; the default is " + config.defaultOf(key));
    }

    /** The value as given, on one line and short: it is only ever a number or a word gone wrong. */
    private static String shown(String value) {
        String line = value.replaceAll("\\p{Cntrl}", "?");
        return line.length() > 40 ? line.substring(0, 40) + "..." : line;
    }
}
