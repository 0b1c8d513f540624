package nl.dsrhub.connector;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ${name}} placeholders of connector files: {@code subject.email}, {@code subject.emailHash},
 * {@code each}, {@code settings.KEY}, {@code id.NAME} and picked variables.
 */
public final class Template {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    private Template() {
    }

    /** A placeholder without a value. Its message names the placeholder only, never a value: safe to show and log. */
    public static final class Unexpandable extends IllegalArgumentException {
        Unexpandable(String name) {
            super("no value for ${" + name + "}");
        }
    }

    /**
     * Expands every placeholder; an unknown one is an error naming the placeholder, never a silent blank.
     *
     * @throws Unexpandable for a placeholder without a value
     */
    public static String expand(String template, Function<String, String> values) {
        return expand(template, values, Function.identity());
    }

    /** Expands a path: each value is encoded as a path segment, so an id cannot change the path. */
    public static String expandPath(String template, Function<String, String> values) {
        return expand(template, values, v -> URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private static String expand(String template, Function<String, String> values, Function<String, String> encode) {
        if (template == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1).trim();
            String value = values.apply(name);
            if (value == null) {
                throw new Unexpandable(name);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(encode.apply(value)));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
