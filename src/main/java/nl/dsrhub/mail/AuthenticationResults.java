package nl.dsrhub.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code Authentication-Results} header (RFC 8601), read: the id of the server that wrote it and each
 * method's result with its properties, e.g. {@code dkim=pass header.d=example.nl}. Comments in parentheses,
 * folded lines, quoted values, method and header versions ({@code dkim/1}, {@code mx.example.nl 1;}) and
 * spaces around {@code =} are all allowed by the RFC and all read. A result the RFC's grammar does not
 * allow is skipped; a header without a server id is no header at all.
 *
 * @param authservId the id of the server that evaluated the mail (case kept as written)
 * @param results    each {@code method=result}; empty for {@code none}
 */
public record AuthenticationResults(String authservId, List<Result> results) {

    /**
     * One method's verdict.
     *
     * @param method     lower-case, without its version: {@code dkim}, {@code spf}, {@code dmarc}, {@code arc} ...
     * @param result     lower-case: {@code pass}, {@code fail}, {@code none}, {@code temperror} ...
     * @param properties lower-case keys such as {@code header.d}, {@code header.from}, {@code smtp.mailfrom},
     *                   {@code reason}; the first value of a key counts
     */
    public record Result(String method, String result, Map<String, String> properties) {
        public Optional<String> property(String key) {
            return Optional.ofNullable(properties.get(key));
        }
    }

    /** Reads a header's value (folded or not); empty when it names no server. */
    public static Optional<AuthenticationResults> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        List<String> parts = split(withoutComments(header.replaceAll("\\r?\\n[ \\t]+", " ").replaceAll("[\\r\\n]", " ")), ';');
        List<String> head = split(parts.get(0).trim(), ' ').stream().filter(s -> !s.isBlank()).toList();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        String id = unquote(head.get(0));
        if (id.isEmpty()) {
            return Optional.empty();
        }
        List<Result> results = new ArrayList<>();
        for (String part : parts.subList(1, parts.size())) {
            result(part).ifPresent(results::add);
        }
        return Optional.of(new AuthenticationResults(id, List.copyOf(results)));
    }

    /** {@code method[/version]=result [reason=...] [ptype.property=value ...]}; empty for {@code none} or junk. */
    private static Optional<Result> result(String part) {
        // CFWS is allowed around '=' and '/': joined, every word is then one name=value pair
        List<String> words = split(part.trim().replaceAll("\\s*([=/])\\s*", "$1"), ' ').stream().filter(s -> !s.isBlank()).toList();
        if (words.isEmpty() || words.get(0).indexOf('=') <= 0) {
            return Optional.empty();
        }
        String first = words.get(0);
        String method = first.substring(0, first.indexOf('=')).replaceAll("/.*", "").toLowerCase(Locale.ROOT);
        String result = unquote(first.substring(first.indexOf('=') + 1)).toLowerCase(Locale.ROOT);
        if (method.isEmpty() || result.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (String word : words.subList(1, words.size())) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                properties.putIfAbsent(word.substring(0, eq).toLowerCase(Locale.ROOT), unquote(word.substring(eq + 1)));
            }
        }
        return Optional.of(new Result(method, result, Map.copyOf(properties)));
    }

    /** Comments (nested, with quoted-pairs) become one space; quoted strings are kept whole. */
    static String withoutComments(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && (quoted || depth > 0) && i + 1 < s.length()) {
                if (depth == 0) {
                    out.append(c).append(s.charAt(i + 1));
                }
                i++;
            } else if (depth == 0 && c == '"') {
                quoted = !quoted;
                out.append(c);
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && depth > 0 && c == ')') {
                depth--;
                if (depth == 0) {
                    out.append(' ');
                }
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Splits on the separator outside quoted strings (the first part is always there, maybe empty). */
    private static List<String> split(String s, char separator) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && quoted && i + 1 < s.length()) {
                current.append(c).append(s.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                current.append(c);
            } else if (c == separator || (separator == ' ' && c == '\t')) {
                if (!quoted) {
                    out.add(current.toString());
                    current.setLength(0);
                } else {
                    current.append(c);
                }
            } else {
                current.append(c);
            }
        }
        out.add(current.toString());
        return out;
    }

    private static String unquote(String s) {
        String t = s.trim();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            return t.substring(1, t.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        return t;
    }
}
