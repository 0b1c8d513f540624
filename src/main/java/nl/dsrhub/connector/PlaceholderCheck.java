package nl.dsrhub.connector;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dsrhub.connector.ConnectorDefinition.Call;
import nl.dsrhub.connector.ConnectorDefinition.Step;

/**
 * Every {@code ${...}} placeholder of a connector file, checked when the file is loaded against what the file
 * declares: its settings, the identifiers it needs or provides, the values earlier steps pick, {@code ${each}}
 * in a step with {@code forEach}, the subject's own placeholders where a subject is known, the date placeholders.
 * What passes here can still lack a value at call time (an optional setting left unset): that is a permanent
 * failure of the task (NEEDS_ATTENTION), never retried.
 */
final class PlaceholderCheck {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");
    private static final Pattern DATE = Pattern.compile("(yearsAgo|fiscalYearsAgo)\\.\\d{1,3}");
    private static final Pattern EACH_PART = Pattern.compile("each\\[\\d]");
    private static final Set<String> SUBJECT = Set.of("subject.email", "subject.emailHash", "subject.name");

    private final ConnectorDefinition def;
    private final Set<String> known = new HashSet<>();
    private final List<String> problems = new ArrayList<>();

    /** Whether the steps run with a subject (a request's sections) or without one (the {@code subscribers} lookups). */
    private final boolean subject;

    private PlaceholderCheck(ConnectorDefinition def, boolean subject) {
        this.def = def;
        this.subject = subject;
        if (subject) {
            known.addAll(def.needs().anyOf());
            known.addAll(def.provides());
        }
    }

    /** The problems of the file's placeholders, each naming its path and the fix. */
    static List<String> problems(ConnectorDefinition def) {
        PlaceholderCheck check = new PlaceholderCheck(def, true);
        check.noSubject(def);
        for (String section : nl.dsrhub.model.RequestType.allSections()) {
            check.steps(section);
        }
        // the subscribers' lookups run for no request: no subject, no identifiers, only what they pick themselves
        PlaceholderCheck subscribers = new PlaceholderCheck(def, false);
        subscribers.steps(SubscriberLists.SECTION);
        check.problems.addAll(subscribers.problems);
        return check.problems;
    }

    private void steps(String section) {
        List<Step> steps = def.section(section);
        for (int i = 0; i < steps.size(); i++) {
            step(steps.get(i), "/" + section + "/" + i);
        }
    }

    /** What is sent without a subject (a check, a login, every call's headers): settings and dates only. */
    private void noSubject(ConnectorDefinition def) {
        if (def.http() != null) {
            def.http().headers().forEach((k, v) -> text(v, "/http/headers/" + k, false, false));
            ConnectorDefinition.Auth auth = def.http().auth();
            if (auth != null) {
                text(auth.username(), "/http/auth/username", false, false);
                text(auth.password(), "/http/auth/password", false, false);
                text(auth.token(), "/http/auth/token", false, false);
                call(auth.login(), "/http/auth/login", false, false);
            }
        }
        call(def.check(), "/check", false, false);
    }

    private void step(Step s, String at) {
        boolean each = s.forEach() != null;
        call(s.request(), at + "/request", subject, each);
        call(s.verify(), at + "/verify", subject, each);
        if (s.retainOn() != null) {
            call(s.retainOn().then(), at + "/retainOn/then", subject, each);
        }
        if (s.select() != null) {
            text(s.select().equals(), at + "/select/equals", subject, each);
        }
        text(s.keep(), at + "/keep", subject, each);
        s.pick().forEach((k, v) -> text(v, at + "/pick/" + k, subject, each));
        s.pickPairs().forEach((k, v) -> text(v, at + "/pickPairs/" + k, subject, each));
        s.records().forEach((k, v) -> text(v.items(), at + "/records/" + k + "/items", subject, each));
        // what this step picks is known to the steps after it
        known.addAll(s.pick().keySet());
        known.addAll(s.pickPairs().keySet());
        known.addAll(s.records().keySet());
        if (s.pickEach() != null) {
            known.add(s.pickEach());
        }
    }

    private void call(Call c, String at, boolean subject, boolean each) {
        if (c == null) {
            return;
        }
        text(c.path(), at + "/path", subject, each);
        c.query().forEach((k, v) -> text(v, at + "/query/" + k, subject, each));
        c.headers().forEach((k, v) -> text(v, at + "/headers/" + k, subject, each));
        text(c.body(), at + "/body", subject, each);
        if (c.form() != null) {
            c.form().forEach((k, v) -> text(v, at + "/form/" + k, subject, each));
        }
        if (c.json() != null) {
            jsonTexts(c.json(), at + "/json", subject, each);
        }
    }

    private void jsonTexts(com.fasterxml.jackson.databind.JsonNode node, String at, boolean subject, boolean each) {
        if (node.isTextual()) {
            text(node.asText(), at, subject, each);
        } else if (node.isObject()) {
            node.fields().forEachRemaining(f -> jsonTexts(f.getValue(), at + "/" + f.getKey(), subject, each));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                jsonTexts(node.get(i), at + "/" + i, subject, each);
            }
        }
    }

    private void text(String template, String at, boolean subject, boolean each) {
        if (template == null) {
            return;
        }
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            String name = m.group(1).trim();
            String fix = fix(name, subject, each);
            if (fix != null) {
                problems.add(at + ": ${" + name + "} " + fix);
            }
        }
    }

    /** Null when the placeholder is known here; else what is wrong and how to fix it. */
    private String fix(String name, boolean subject, boolean each) {
        if (SUBJECT.contains(name) || ChangeValues.NAMES.contains(name)) {
            return subject ? null : "is not known here (no subject: a check, a login, every call's headers and the "
                    + "subscribers' lookups are sent without one): use settings or move it to a request's step";
        }
        if (name.equals("each") || EACH_PART.matcher(name).matches()) {
            return each ? null : "is only known in a step with forEach: add forEach to the step";
        }
        if (DATE.matcher(name).matches()) {
            return null;
        }
        if (name.startsWith("settings.")) {
            String key = name.substring("settings.".length());
            return def.settings().containsKey(key) ? null
                    : "names no declared setting: declare '" + key + "' under /settings, or use one of "
                    + new java.util.TreeSet<>(def.settings().keySet());
        }
        String id = name.startsWith("id.") ? name.substring(3) : name;
        if (known.contains(id)) {
            return null;
        }
        if (ChangeValues.isChange(name)) {
            return "is no change a request can name: use one of " + new java.util.TreeSet<>(ChangeValues.NAMES);
        }
        if (!this.subject) {
            return "is not known: the subscribers' lookups run for no request, so use settings.KEY, each (with forEach), "
                    + "yearsAgo.N, fiscalYearsAgo.N, or a value an earlier subscribers step picks";
        }
        return "is not known: use subject.email, subject.emailHash, subject.name, changes.* (a rectification's), settings.KEY, each (with forEach), "
                + "yearsAgo.N, fiscalYearsAgo.N, or an identifier the connector needs, provides or an earlier step picks "
                + "(add it to /needs/anyOf or pick it first)";
    }
}
