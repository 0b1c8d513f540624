package nl.dsrhub.connector;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import nl.dsrhub.connector.ConnectorDefinition.AtEnd;
import nl.dsrhub.connector.ConnectorDefinition.Basis;
import nl.dsrhub.connector.ConnectorDefinition.RecordPick;
import nl.dsrhub.connector.ConnectorDefinition.Step;
import nl.dsrhub.model.Particulars;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.model.Retention.Kind;
import nl.dsrhub.connector.ConnectorDefinition.RetainRule;

/**
 * The {@code retain} rules and {@code retainOn} refusals of a connector file. Checked at start-up, so that each
 * kind of basis says what it must and nothing it must not: only the shop's statutory duty has an end date and a
 * scheduled erasure; a processor's own duty names its law and term but is never scheduled; data that merely remain
 * get no law at all. Looked up by the retention calendar for what to do when a record's retention ends.
 */
public final class RetentionRules {

    /**
     * What the retention calendar does for a record whose retention ended: the connector's erase {@code step}
     * (empty when it has none, or the shop's settings switch it off) and the {@code notice} for the officer.
     */
    public record End(Optional<Step> step, String notice) {
    }

    /** A rule or refusal, as far as the checks and the calendar care. */
    private record Kept(String record, ProcessorFacts.Text what, Basis basis, String datedBy, AtEnd atEnd) {
    }

    private static final String RECTIFY = "rectify";

    private final ConnectorDefinition def;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> recordVariables = new HashSet<>();
    private final Set<String> scheduled = new HashSet<>();

    private RetentionRules(ConnectorDefinition def) {
        this.def = def;
    }

    /** The calendar's action for a record kind of this connector; empty when no statutory rule names that kind. */
    public static Optional<End> endFor(Connector connector, String record) {
        return kept(connector.definition())
                .filter(k -> record.equals(k.record()) && k.basis() != null && k.basis().kind() == Kind.SHOP_LEGAL_DUTY)
                .findFirst()
                .map(k -> new End(endStep(connector, k.atEnd()), k.atEnd() == null ? null : k.atEnd().notice()));
    }

    /** What an erasure keeps: the rules for it and its steps' refusals; only these the calendar erases. */
    private static Stream<Kept> kept(ConnectorDefinition def) {
        return Stream.concat(def.retain().stream().filter(RetentionRules::forErasure)
                        .map(r -> new Kept(r.record(), r.what(), r.basis(), r.datedBy(), r.atEnd())),
                def.erase().stream().map(Step::retainOn).filter(Objects::nonNull)
                        .map(r -> new Kept(r.record(), r.what(), r.basis(), r.datedBy(), r.atEnd())));
    }

    /** Whether the rule is for a request of this type: its {@code only}, or (without it) the type that erases. */
    static boolean appliesTo(RetainRule rule, RequestType type) {
        return rule.only() == null ? erases(type) : rule.only().contains(type.wire());
    }

    /** Whether the type's data-changing steps are the {@code erase} section: what it keeps, the calendar erases. */
    static boolean erases(RequestType type) {
        return type.changes().filter(ConnectorDefinition.ERASE::equals).isPresent();
    }

    /** A rule without {@code only} is the erasure's; one with it is the erasure's when it names the erasure's type. */
    private static boolean forErasure(RetainRule r) {
        return java.util.Arrays.stream(RequestType.values()).anyMatch(t -> erases(t) && appliesTo(r, t));
    }

    /** The erase step {@code atEnd} names, when the connector's settings let it run. */
    static Optional<Step> endStep(Connector connector, AtEnd atEnd) {
        if (atEnd == null || atEnd.step() == null) {
            return Optional.empty();
        }
        return connector.definition().erase().stream().filter(s -> atEnd.step().equals(s.id()))
                .filter(s -> s.ifSetting() == null || Boolean.parseBoolean(connector.settings().get(s.ifSetting())))
                .findFirst();
    }

    /** The problem with the installation's {@code fiscal-year-end} value, or null when it is fine (or not set). */
    static String fiscalYearProblem(Map<String, String> settings) {
        try {
            FiscalYear.endingOn(settings.get(FiscalYear.SETTING));
            return null;
        } catch (IllegalArgumentException e) {
            return "/settings/" + FiscalYear.SETTING + ": " + e.getMessage();
        }
    }

    /** Every problem of the file's records, rules and refusals, each with its JSON pointer. */
    static List<String> validate(ConnectorDefinition def) {
        RetentionRules v = new RetentionRules(def);
        for (String section : RequestType.allSections()) {
            v.recordPicks(def.section(section), "/" + section);
        }
        for (int i = 0; i < def.retain().size(); i++) {
            RetainRule r = def.retain().get(i);
            String at = "/retain/" + i;
            v.require(r.when() != null, at + "/when: is required (the identifier or variable whose values are the records kept)");
            for (String setting : new String[] {r.ifSetting(), r.unlessSetting()}) {
                v.require(setting == null || def.settings().containsKey(setting),
                        at + ": '" + setting + "' is not one of the connector's settings");
            }
            v.typesAndChanges(r, at);
            v.kept(at, new Kept(r.record(), r.what(), r.basis(), r.datedBy(), r.atEnd()),
                    v.recordVariables.contains(r.when()), forErasure(r));
        }
        for (String section : RequestType.allSections()) {
            List<Step> steps = def.section(section);
            for (int i = 0; i < steps.size(); i++) {
                v.refusal(steps.get(i), "/" + section + "/" + i + "/retainOn", section.equals(ConnectorDefinition.ERASE));
            }
        }
        return v.problems;
    }

    /** A step's {@code retainOn}: the refusals that are findings; only an erase step's are scheduled. */
    private void refusal(Step step, String at, boolean erase) {
        var r = step.retainOn();
        if (r == null) {
            return;
        }
        require(!r.status().isEmpty(), at + "/status: is required (the answers that mean the processor keeps the record)");
        require(r.alsoRemains() == null || r.alsoRemains().what() != null && r.alsoRemains().reason() != null,
                at + "/alsoRemains: needs what and reason (nl and en)");
        kept(at, new Kept(r.record(), r.what(), r.basis(), r.datedBy(), r.atEnd()),
                recordVariables.contains(step.forEach()), erase);
    }

    /** A rule's {@code only} names request types; its {@code ifChanges} kinds of data, and only for a rectification. */
    private void typesAndChanges(RetainRule r, String at) {
        if (r.only() != null) {
            require(!r.only().isEmpty(), at + "/only: names at least one request type");
            r.only().stream().filter(t -> !RequestType.wireNames().contains(t)).forEach(t -> problems.add(at + "/only: '"
                    + t + "' is no request type; one of " + String.join(", ", RequestType.wireNames())));
        }
        r.ifChanges().stream().filter(k -> !Particulars.Changes.KINDS.contains(k)).forEach(k -> problems.add(at
                + "/ifChanges: '" + k + "' is no kind of data a rectification corrects; one of "
                + String.join(", ", Particulars.Changes.KINDS)));
        require(r.ifChanges().isEmpty() || r.only() != null && r.only().stream().allMatch(RetentionRules::corrects),
                at + "/ifChanges: only a rectification's rule depends on what the request changes: add only: rectification");
    }

    /** Whether the type of this wire name carries corrections (its particulars are the changes a rule can ask about). */
    private static boolean corrects(String wire) {
        return RequestType.wireNames().contains(wire)
                && RequestType.fromWire(wire).changes().filter(RECTIFY::equals).isPresent();
    }

    private void recordPicks(List<Step> steps, String at) {
        for (int i = 0; i < steps.size(); i++) {
            for (Map.Entry<String, RecordPick> e : steps.get(i).records().entrySet()) {
                RecordPick r = e.getValue();
                require(r != null && r.items() != null && r.id() != null && r.date() != null,
                        at + "/" + i + "/records/" + e.getKey() + ": needs items (a JSON path), id and date (fields of each)");
                recordVariables.add(e.getKey());
            }
        }
    }

    /**
     * @param ownDates whether the rule's values are records picked with their dates
     * @param erasure  whether it is what an erasure keeps, which the calendar erases at the end of the shop's duty; what
     *                 another type leaves as it was is not scheduled, so it has no atEnd and may share its record kind
     */
    private void kept(String at, Kept k, boolean ownDates, boolean erasure) {
        require(k.what() != null && k.what().nl() != null && k.what().en() != null, at + "/what: is required (nl and en)");
        require(k.datedBy() == null || recordVariables.contains(k.datedBy()),
                at + "/datedBy: '" + k.datedBy() + "' is not picked as records (with dates) by a step");
        Basis basis = k.basis();
        if (basis == null || basis.kind() == null) {
            problems.add(at + "/basis/kind: is required: shop-legal-duty, processor-legal-duty or no-legal-duty");
            return;
        }
        require(basis.reason() != null && basis.reason().nl() != null && basis.reason().en() != null,
                at + "/basis/reason: is required (nl and en): the duty, or why the data remain");
        switch (basis.kind()) {
            case SHOP_LEGAL_DUTY -> shopDuty(at, k, ownDates || k.datedBy() != null, erasure);
            case PROCESSOR_LEGAL_DUTY -> {
                require(basis.law() != null, at + "/basis/law: is required: the processor's own law and article");
                require(basis.term() != null, at + "/basis/term: is required (nl and en): how long the processor keeps it");
                require(basis.years() == null && k.atEnd() == null, at + ": a processor's own duty has no years and no "
                        + "atEnd: the shop cannot erase what the processor keeps as a controller");
            }
            case NO_LEGAL_DUTY -> require(basis.law() == null && basis.years() == null && basis.term() == null
                    && basis.keeper() == null && k.atEnd() == null,
                    at + ": data that remain without a legal duty get no law, years, term, keeper or atEnd");
            case AS_STATED -> problems.add(at + "/basis/kind: as-stated is the officer's, not a connector file's");
        }
    }

    private void shopDuty(String at, Kept k, boolean dated, boolean erasure) {
        Basis basis = k.basis();
        require(basis.law() != null, at + "/basis/law: is required: the law and article of the shop's duty");
        require(basis.years() != null && basis.years() >= 0, at + "/basis/years: is required, at least 0");
        require(basis.term() == null && basis.keeper() == null, at + "/basis: term and keeper are for a processor's own duty");
        require(dated, at + ": the shop's duty runs from each record's date: pick the records with their dates, "
                + "or date them by other records (datedBy)");
        if (k.record() == null) {
            problems.add(at + "/record: is required (the kind of record the retention calendar erases, e.g. order)");
        } else if (erasure && !scheduled.add(k.record())) {
            problems.add(at + "/record: '" + k.record() + "' is kept by an earlier rule: each kind of record has one");
        }
        AtEnd atEnd = k.atEnd();
        if (!erasure) {
            require(atEnd == null, at + "/atEnd: only what an erasure keeps is erased when its retention ends; what "
                    + "another request type leaves as it was is not scheduled");
        } else if (atEnd == null || (atEnd.step() == null && atEnd.notice() == null)) {
            problems.add(at + "/atEnd: is required: the erase step the calendar runs when the retention ends, or a "
                    + "notice telling the officer what to do");
        } else if (atEnd.step() != null && def.erase().stream().noneMatch(s -> atEnd.step().equals(s.id()))) {
            problems.add(at + "/atEnd/step: '" + atEnd.step() + "' is not an erase step of this connector");
        }
    }

    private void require(boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }
}
