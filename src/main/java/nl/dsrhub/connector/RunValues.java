package nl.dsrhub.connector;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The values one run fills a connector file's {@code ${...}} placeholders with (see {@link Template}): the
 * subject's e-mail address and name, the identifiers known for the request, the values earlier steps picked, the
 * connector's settings, {@code ${each}} of the step and the date placeholders. A check or the retention calendar
 * knows no subject: a {@code subject.*} placeholder has no value there.
 */
final class RunValues {

    private static final java.util.regex.Pattern CHANGE_PLACEHOLDER = java.util.regex.Pattern.compile(
            "\\$\\{\\s*(" + java.util.regex.Pattern.quote(ChangeValues.PREFIX) + "[^}]+)}");

    private final Connector connector;
    private final TaskContext task;
    private final Retained stillHeld;
    private final Map<String, LinkedHashSet<String>> vars = new TreeMap<>();

    /** @param task null for a call without a subject (a check, the retention calendar's erasure) */
    RunValues(Connector connector, TaskContext task, Retained stillHeld) {
        this.connector = connector;
        this.task = task;
        this.stillHeld = stillHeld;
        if (task != null) {
            task.identifiers().forEach((k, v) -> vars.put(k, new LinkedHashSet<>(v)));
        }
    }

    /** Adds a value to an identifier or picked variable. */
    void add(String name, String value) {
        vars.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(value);
    }

    /** The values of an identifier or picked variable so far, in the order found; empty when none. */
    Set<String> values(String name) {
        return vars.getOrDefault(name, new LinkedHashSet<>());
    }

    /** The {@code ${each}} values a step runs for: one null for a step without {@code forEach}. */
    List<String> eachOf(ConnectorDefinition.Step step) {
        if (step.forEach() == null) {
            List<String> once = new java.util.ArrayList<>();
            once.add(null);
            return once;
        }
        return List.copyOf(values(step.forEach()));
    }

    /** The values of {@code names} this run found beyond those the task started with: what it provides. */
    Map<String, List<String>> foundBeyond(List<String> names) {
        Map<String, List<String>> provided = new TreeMap<>();
        for (String name : names) {
            Set<String> before = new LinkedHashSet<>(task.identifiers().getOrDefault(name, List.of()));
            List<String> found = values(name).stream().filter(v -> !before.contains(v)).toList();
            if (!found.isEmpty()) {
                provided.put(name, found);
            }
        }
        return provided;
    }

    /** @throws Template.Unexpandable for a placeholder without a value */
    String expand(String template, String each) {
        return Template.expand(template, n -> value(n, each));
    }

    /** Whether {@code template} names a {@code ${changes.*}} value the request does not set. */
    boolean lacksChange(String template) {
        java.util.regex.Matcher m = CHANGE_PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (value(m.group(1).trim(), null) == null) {
                return true;
            }
        }
        return false;
    }

    /** A JSON body: values are escaped, so a quote in a name cannot change the document. */
    String expandJson(String template, String each) {
        return Template.expand(template, n -> jsonEscaped(value(n, each)));
    }

    /** The call's full URL: the base URL, the path (values encoded as path segments) and the query. */
    String url(ConnectorDefinition.Call call, String each, Map<String, String> extraQuery) {
        StringBuilder sb = new StringBuilder(connector.baseUrl()).append(Template.expandPath(call.path(), n -> value(n, each)));
        Map<String, String> query = new LinkedHashMap<>();
        call.query().forEach((k, v) -> query.put(k, expand(v, each)));
        query.putAll(extraQuery);
        char sep = '?';
        for (Map.Entry<String, String> q : query.entrySet()) {
            sb.append(sep).append(encode(q.getKey())).append('=').append(encode(q.getValue()));
            sep = '&';
        }
        return sb.toString();
    }

    /** The value of one placeholder, or null when it has none. */
    String value(String name, String each) {
        if (task == null && (name.startsWith("subject.") || ChangeValues.isChange(name))) {
            return null;
        }
        return switch (name) {
            case "subject.email" -> task.request().subject().email();
            case "subject.emailHash" -> md5(task.request().subject().email().trim().toLowerCase(Locale.ROOT));
            case "subject.name" -> task.request().subject().name();
            case "each" -> each;
            default -> ChangeValues.isChange(name) ? ChangeValues.value(task.request().particulars().changes(), name)
                    : named(name, each);
        };
    }

    private String named(String name, String each) {
        if (name.startsWith("each[")) {
            return Tuple.part(each, name);
        }
        if (name.startsWith("yearsAgo.") || name.startsWith("fiscalYearsAgo.")) {
            return stillHeld.dateTemplate(name);
        }
        if (name.startsWith("settings.")) {
            return connector.settings().get(name.substring("settings.".length()));
        }
        String key = name.startsWith("id.") ? name.substring(3) : name;
        Set<String> values = vars.get(key);
        return values == null || values.isEmpty() ? null : values.iterator().next();
    }

    private static String jsonEscaped(String v) {
        return v == null ? null : new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(v));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
