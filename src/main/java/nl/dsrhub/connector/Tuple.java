package nl.dsrhub.connector;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values of {@code pickPairs}: an id kept together with the parent it belongs to (a Mailchimp e-commerce
 * customer with its store), read back in templates as {@code ${each[0]}}, {@code ${each[1]}}, ...
 * The parts are joined by the ASCII unit separator, which no processor uses in an id.
 */
final class Tuple {

    static final char SEPARATOR = '\u001F';
    private static final Pattern PART = Pattern.compile("^each\\[(\\d+)]$");

    private Tuple() {
    }

    static String of(String parent, String value) {
        return parent + SEPARATOR + value;
    }

    /** The part {@code each[N]} names, or null (an unknown placeholder) when there is no such part. */
    static String part(String each, String placeholder) {
        Matcher m = PART.matcher(placeholder);
        if (each == null || !m.matches()) {
            return null;
        }
        String[] parts = each.split(String.valueOf(SEPARATOR), -1);
        int i = Integer.parseInt(m.group(1));
        return i < parts.length ? parts[i] : null;
    }
}
