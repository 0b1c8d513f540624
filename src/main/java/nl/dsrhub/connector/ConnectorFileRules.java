package nl.dsrhub.connector;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import nl.dsrhub.connector.ConnectorDefinition.Channel;
import nl.dsrhub.connector.ConnectorDefinition.Step;
import nl.dsrhub.model.Particulars;
import nl.dsrhub.model.RequestType;

/**
 * What a connector file must say beyond its schema ({@code schema/connector.schema.json}): the rules between its
 * parts (a step's {@code forEach} picked by an earlier step, a setting named by {@code ifSetting} declared, the
 * placeholders known, each kind of retention basis saying what it must). Each problem names its path and the fix.
 */
final class ConnectorFileRules {

    static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9-]*$");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private ConnectorFileRules() {
    }

    static List<String> validate(ConnectorDefinition def, String fileName) {
        List<String> p = new ArrayList<>();
        identity(def, fileName, p);
        if (def.channel() == Channel.HTTP) {
            httpParts(def, p);
        }
        if (def.limits().concurrency() != null && def.limits().concurrency() < 1) {
            p.add("/limits/concurrency: must be at least 1");
        }
        checkRate(def.limits().requests(), "/limits/requests", p);
        checkRate(def.limits().writes(), "/limits/writes", p);
        if (def.check() != null) {
            checkCall(def.check(), "/check", p);
        }
        Set<String> variables = new java.util.HashSet<>(def.needs().anyOf());
        variables.addAll(def.provides());
        p.addAll(letterProblems(def.channel(), def.needs(), def.letter()));
        // a section no request type runs is a typo (or a type this hub does not have): it would never run
        def.sections().keySet().stream().filter(name -> !RequestType.allSections().contains(name)
                        && !SubscriberLists.SECTION.equals(name))
                .forEach(name -> p.add("/" + name + ": unknown field '" + name + "' (the sections a request type runs: "
                        + String.join(", ", RequestType.allSections()) + ")"));
        // find first: what its steps pick is there for every later section
        for (String section : RequestType.allSections()) {
            checkSteps(def, def.section(section), "/" + section, variables, p);
        }
        // the subscribers' lookups run for no request: only what their own earlier steps pick is known to them
        checkSteps(def, def.section(SubscriberLists.SECTION), "/" + SubscriberLists.SECTION, new java.util.HashSet<>(), p);
        p.addAll(SubscriberLists.problems(def));
        // what is kept, on which basis, until when: each kind of basis says what it must and no more
        p.addAll(RetentionRules.validate(def));
        // every placeholder checked against what the file declares: a typo stops the start, not a task
        p.addAll(PlaceholderCheck.problems(def));
        // what the subject is told: automated decisions, a transfer's safeguard, the fields, what each change did
        p.addAll(SubjectTexts.validate(def));
        return p;
    }

    /** The file's name, channel, facts and setting names: what every connector must have right. */
    private static void identity(ConnectorDefinition def, String fileName, List<String> p) {
        String expected = fileName.replaceFirst("\\.ya?ml$", "");
        if (def.name() == null) {
            p.add("/name: is required");
        } else if (!NAME.matcher(def.name()).matches()) {
            p.add("/name: must be lower-case letters, digits and '-', starting with a letter");
        } else if (!def.name().equals(expected)) {
            p.add("/name: must equal the file name '" + expected + "'");
        }
        if (def.channel() == null) {
            p.add("/channel: is required (http, mail or manual)");
        }
        if (def.facts() == null) {
            p.add("/facts: is required: legal name, purposes, data categories, retention and source are owed to the subject (GDPR art. 15)");
        } else if (def.facts().legalName() == null) {
            p.add("/facts/legalName: is required");
        }
        def.settings().forEach((key, s) -> {
            if (!NAME.matcher(key).matches()) {
                p.add("/settings/" + key + ": setting names must be lower-case letters, digits and '-'");
            }
        });
    }

    /** What an HTTP connector needs: its http part (auth, a login call), its base URL and a way to find the person. */
    private static void httpParts(ConnectorDefinition def, List<String> p) {
        if (def.http() == null) {
            p.add("/http: is required for channel http");
        } else {
            p.addAll(Authentication.problems(def.http().auth()));
            if (def.http().auth() != null && def.http().auth().login() != null) {
                checkCall(def.http().auth().login(), "/http/auth/login", p);
            }
        }
        if (!def.settings().containsKey(Connector.BASE_URL)) {
            p.add("/settings/base-url: is required for channel http (with the processor's real API as default)");
        }
        if (def.find().isEmpty()) {
            p.add("/find: an http connector needs at least one step to find the person");
        }
    }

    private static final java.util.regex.Pattern IDENTIFIER =
            java.util.regex.Pattern.compile("email|name|[a-z][a-z0-9-]*\\.[A-Za-z][A-Za-z0-9]*");

    /** What is wrong with a connector's letter, each with its pointer; a mail connector must declare one. */
    static List<String> letterProblems(Channel channel, ConnectorDefinition.Needs needs, ConnectorDefinition.Letter letter) {
        List<String> p = new java.util.ArrayList<>();
        if (channel != Channel.MAIL) {
            if (letter != null) {
                p.add("/letter: only a mail connector sends a letter");
            }
            return p;
        }
        if (letter == null || letter.identifiers().isEmpty()) {
            p.add("/letter/identifiers: a mail connector must say what its letter tells the processor about the person:"
                    + " email, name, or identifiers such as postnl.barcode (only what the processor knows them by)");
            return p;
        }
        for (int i = 0; i < letter.identifiers().size(); i++) {
            String id = String.valueOf(letter.identifiers().get(i));
            if (!IDENTIFIER.matcher(id).matches()) {
                p.add("/letter/identifiers/" + i + ": '" + id + "' is not email, name or an identifier such as postnl.barcode");
            }
        }
        if (letter.corrects() != null) {
            if (letter.corrects().isEmpty()) {
                p.add("/letter/corrects: names at least one kind of data (or leave it out: all of them)");
            }
            letter.corrects().stream().filter(k -> !Particulars.Changes.KINDS.contains(k)).forEach(k -> p.add(
                    "/letter/corrects: '" + k + "' is none of " + String.join(", ", Particulars.Changes.KINDS)));
        }
        for (String need : needs.anyOf()) {
            if (!letter.identifiers().contains(need)) {
                p.add("/needs/anyOf: '" + need + "' is what the task waits for, so the letter must carry it: add it to"
                        + " /letter/identifiers");
            }
        }
        return p;
    }


    /**
     * The top-level fields of a file that are neither a part of {@link ConnectorDefinition} nor a section a request
     * type runs ({@link RequestType#allSections()}), each as {@code /name: unknown field 'name' (...)}.
     */
    static List<String> unknownFields(com.fasterxml.jackson.databind.JsonNode file) {
        Set<String> known = new java.util.HashSet<>(RequestType.allSections());
        known.add(SubscriberLists.SECTION);
        for (java.lang.reflect.RecordComponent c : ConnectorDefinition.class.getRecordComponents()) {
            known.add(c.getName());
        }
        known.remove("sections");
        List<String> p = new ArrayList<>();
        file.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                p.add("/" + name + ": unknown field '" + name + "' (the sections a request type runs: "
                        + String.join(", ", RequestType.allSections()) + ")");
            }
        });
        return p;
    }

    private static void checkSteps(ConnectorDefinition def, List<Step> steps, String at, Set<String> variables, List<String> p) {
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            String here = at + "/" + i;
            if (s.id() == null) {
                p.add(here + "/id: is required");
            }
            if (s.only() != null && (s.only().isEmpty() || !RequestType.wireNames().containsAll(s.only()))) {
                p.add(here + "/only: must be one of " + String.join(", ", RequestType.wireNames()) + " (or a list of them)");
            }
            if (s.forEach() != null && !variables.contains(s.forEach())) {
                p.add(here + "/forEach: '" + s.forEach() + "' is not picked by an earlier step, needed or provided");
            }
            checkCall(s.request(), here + "/request", p);
            if (s.verify() != null) {
                checkCall(s.verify(), here + "/verify", p);
            }
            if (s.retainOn() != null && s.retainOn().then() != null) {
                checkCall(s.retainOn().then(), here + "/retainOn/then", p);
            }
            if (s.paginate() != null) {
                p.addAll(PageStyle.problems(s.paginate(), here + "/paginate"));
            }
            if (s.ifSetting() != null && !def.settings().containsKey(s.ifSetting())) {
                p.add(here + "/ifSetting: '" + s.ifSetting() + "' is not one of the connector's settings");
            }
            changingCallParts(s, here, p);
            if (s.pickEach() != null && s.forEach() == null) {
                p.add(here + "/pickEach: collects the step's ${each}, so the step needs forEach");
            }
            if (s.auxiliary() != null && s.auxiliary().isBlank()) {
                p.add(here + "/auxiliary: says what the step covers (the outcome names it when the step fails); not empty");
            }
            variables.addAll(s.pick().keySet());
            variables.addAll(s.pickPairs().keySet());
            variables.addAll(s.records().keySet());
            if (s.pickEach() != null) {
                variables.add(s.pickEach());
            }
        }
    }

    /** The parts only a data-changing call has: what it leaves, the answer that proves it done, the officer's cases. */
    private static void changingCallParts(Step s, String here, List<String> p) {
        boolean get = s.request() == null || "GET".equalsIgnoreCase(String.valueOf(s.request().method()));
        if (s.leaves() != null && (s.leaves().isBlank() || get)) {
            p.add(here + "/leaves: says what a data-changing call cannot remove; a GET changes nothing");
        }
        if (s.doneWhen() != null && (s.doneWhen().path() == null || s.doneWhen().values().isEmpty() || get)) {
            p.add(here + "/doneWhen: needs path and values, on a data-changing call (the answer that proves it done)");
        }
        AttentionOn a = s.attentionOn();
        if (a != null && (a.status().isEmpty() || a.means() == null || a.means().isBlank()
                || a.path() != null && a.values().isEmpty() || get)) {
            p.add(here + "/attentionOn: needs status and means (with path: values), on a data-changing call");
        }
    }

    private static void checkRate(Limits.Rate rate, String at, List<String> p) {
        if (rate == null) {
            return;
        }
        if (rate.count() == null || rate.count() < 1) {
            p.add(at + "/count: must be at least 1");
        }
        try {
            if (rate.per() == null || rate.period().isNegative() || rate.period().isZero()) {
                p.add(at + "/per: is required, a duration like 1m, 5m or 10s");
            }
        } catch (java.time.format.DateTimeParseException e) {
            p.add(at + "/per: '" + rate.per() + "' is not a duration like 1m, 5m or 10s");
        }
    }

    private static void checkCall(ConnectorDefinition.Call call, String at, List<String> p) {
        if (call == null) {
            p.add(at + ": is required");
            return;
        }
        if (call.method() == null || !METHODS.contains(call.method().toUpperCase(Locale.ROOT))) {
            p.add(at + "/method: must be one of GET, POST, PUT, PATCH, DELETE");
        }
        if (call.path() == null || !call.path().startsWith("/")) {
            p.add(at + "/path: is required and starts with '/'");
        }
    }
}
