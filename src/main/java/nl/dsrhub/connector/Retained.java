package nl.dsrhub.connector;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import nl.dsrhub.connector.ConnectorDefinition.AtEnd;
import nl.dsrhub.connector.ConnectorDefinition.Basis;
import nl.dsrhub.connector.ConnectorDefinition.RecordPick;
import nl.dsrhub.connector.ConnectorDefinition.RetainOn;
import nl.dsrhub.connector.ConnectorDefinition.RetainRule;
import nl.dsrhub.model.Particulars;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.model.Retention;
import nl.dsrhub.model.Retention.Kind;
import nl.dsrhub.model.Retention.Words;

/**
 * What one task run finds the processor still holds: the records its find steps picked with their own dates, the
 * records an erase call was refused for, and the connector's {@code retain} rules applied to what was found. Each
 * record becomes one {@link Retention} item with its own date, basis, end date and the retention calendar's erasure.
 * The rules are those of the request's type: for an erasure what stays, for a rectification what stays as it was
 * (a booked invoice is not rewritten), which the calendar never erases.
 */
final class Retained {

    private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");
    /** The date placeholder of the day a call is made (Dutch date), e.g. the date a processor-side mark is set. */
    static final String TODAY = "today";
    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    /** A record picked with its date; {@code owner} is the {@code ${each}} of the step that found it, or null. */
    record Found(String id, LocalDate date, String owner) {
    }

    private final Connector connector;
    private final Clock clock;
    /** the run's request type (null: a check or the retention calendar's own erasure): which rules apply */
    private final RequestType type;
    private final Particulars.Changes changes;
    /** only what an erasure leaves is erased by the retention calendar when its term ends */
    private final boolean schedules;
    /** by variable, then record id */
    private final Map<String, Map<String, Found>> records = new TreeMap<>();
    private final List<Retention> refused = new ArrayList<>();

    /** For a run without a request: a check, the retention calendar's own erasure. */
    Retained(Connector connector, Clock clock) {
        this(connector, clock, null, null);
    }

    /**
     * @param type    the request's type: the rules for it apply; what a type other than the erasure leaves as it was
     *                (a booked invoice a rectification does not rewrite) is never scheduled for erasure
     * @param changes a rectification's corrections ({@code ifChanges}), else null
     */
    Retained(Connector connector, Clock clock, RequestType type, Particulars.Changes changes) {
        this.connector = connector;
        this.clock = clock;
        this.type = type;
        this.changes = changes;
        this.schedules = type == null || RetentionRules.erases(type);
    }

    /**
     * The date placeholders of find steps, to tell the records the law keeps from older ones: {@code ${yearsAgo.N}},
     * the moment N years ago (UTC, as the processors' GMT timestamps are written), and {@code ${fiscalYearsAgo.N}},
     * the first day (ISO) whose records are still kept today for N years; and {@code ${today}}, the Dutch date (ISO).
     * Null (an unknown placeholder) when N is no number.
     */
    String dateTemplate(String placeholder) {
        if (TODAY.equals(placeholder)) {
            return LocalDate.now(clock.withZone(DUTCH_TIME)).toString();
        }
        try {
            int years = Integer.parseInt(placeholder.substring(placeholder.indexOf('.') + 1));
            if (placeholder.startsWith("yearsAgo.")) {
                return LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).minusYears(years).truncatedTo(ChronoUnit.SECONDS)
                        .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            }
            return FiscalYear.of(connector).oldestKept(LocalDate.now(clock.withZone(DUTCH_TIME)), years).toString();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Takes the records of one answer (the items its JSON path selected); returns their ids, the variable's values. */
    List<String> pick(String variable, RecordPick spec, List<JsonNode> items, String owner) {
        List<String> ids = new ArrayList<>();
        for (JsonNode list : items) {
            for (JsonNode item : list.isArray() ? list : List.of(list)) {
                JsonNode id = item.at(pointer(spec.id()));
                if (id.isValueNode() && !id.asText().isEmpty()) {
                    LocalDate date = dateOf(item.at(pointer(spec.date())).asText(""));
                    records.computeIfAbsent(variable, k -> new LinkedHashMap<>())
                            .put(id.asText(), new Found(id.asText(), date, owner));
                    ids.add(id.asText());
                }
            }
        }
        return ids;
    }

    /**
     * The erase call for the record {@code each} (a value of the step's {@code forEach}) was refused: the processor
     * keeps it.
     */
    void refused(RetainOn r, String forEach, String each) {
        LocalDate date = dateFor(each, forEach, r.datedBy());
        refused.add(item(r.record(), each, date, r.what(), r.basis(), r.atEnd()));
        if (r.alsoRemains() != null) {
            refused.add(item(r.record(), each, date, r.alsoRemains().what(),
                    new Basis(Kind.NO_LEGAL_DUTY, null, r.alsoRemains().reason(), null, null, null), null));
        }
    }

    /** For the task's detail: how many items of each kind, e.g. "2 under a legal duty of the shop". */
    static String summary(List<Retention> items) {
        Map<Kind, Long> byKind = new java.util.EnumMap<>(Kind.class);
        items.forEach(r -> byKind.merge(r.kind(), 1L, Long::sum));
        List<String> parts = new ArrayList<>();
        byKind.forEach((kind, n) -> parts.add(n + " " + switch (kind) {
            case SHOP_LEGAL_DUTY -> "under a legal duty of the shop";
            case PROCESSOR_LEGAL_DUTY -> "under the processor's own legal duty";
            case NO_LEGAL_DUTY -> "remaining without a legal duty";
            case AS_STATED -> "as stated";
        }));
        return String.join(", ", parts);
    }

    /** Everything the processor still holds: the refusals, then each applicable rule's items, one per value. */
    List<Retention> all(Function<String, Set<String>> values) {
        List<Retention> out = new ArrayList<>(refused);
        for (RetainRule rule : connector.definition().retain()) {
            if (!applies(rule)) {
                continue;
            }
            List<Retention> items = new ArrayList<>();
            for (String value : values.apply(rule.when())) {
                items.add(item(rule.record(), ownId(value), dateFor(value, rule.when(), rule.datedBy()), rule.what(),
                        rule.basis(), rule.atEnd()));
            }
            items.sort(Comparator.comparing(Retention::recordDate, Comparator.nullsLast(Comparator.naturalOrder())));
            out.addAll(items);
        }
        return out.stream().distinct().toList();
    }

    /** A record's own id: of an id picked with its parent ({@link Tuple}: an order in its store), the last part. */
    private static String ownId(String value) {
        return value.substring(value.lastIndexOf(Tuple.SEPARATOR) + 1);
    }

    private boolean applies(RetainRule rule) {
        return (type == null || RetentionRules.appliesTo(rule, type))
                && (rule.ifSetting() == null || setting(rule.ifSetting()))
                && (rule.unlessSetting() == null || !setting(rule.unlessSetting()))
                && (rule.ifChanges().isEmpty() || changes != null && rule.ifChanges().stream().anyMatch(changes::changes));
    }

    private boolean setting(String name) {
        return Boolean.parseBoolean(connector.settings().get(name));
    }

    /** The record's own date, or the latest date of the {@code datedBy} records that belong to it (or of them all). */
    private LocalDate dateFor(String id, String variable, String datedBy) {
        Found own = variable == null ? null : records.getOrDefault(variable, Map.of()).get(id);
        if (own != null && own.date() != null) {
            return own.date();
        }
        if (datedBy == null) {
            return null;
        }
        List<Found> dating = List.copyOf(records.getOrDefault(datedBy, Map.of()).values());
        List<Found> belonging = dating.stream().filter(f -> id.equals(f.owner())).toList();
        return (belonging.isEmpty() ? dating : belonging).stream().map(Found::date).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
    }

    private Retention item(String record, String recordId, LocalDate date, ProcessorFacts.Text what, Basis basis,
                           AtEnd atEnd) {
        Words whatWords = new Words(what.nl(), what.en());
        Words reason = new Words(basis.reason().nl(), basis.reason().en());
        return switch (basis.kind()) {
            case SHOP_LEGAL_DUTY -> {
                LocalDate until = date == null ? null : FiscalYear.of(connector).retainedUntil(date, basis.years());
                Retention.Erasure erasure = until == null || !schedules ? null : new Retention.Erasure(until.plusDays(1),
                        RetentionRules.endStep(connector, atEnd).isPresent()
                                ? Retention.Erasure.BY_PROCESSOR_CALL : Retention.Erasure.BY_OFFICER);
                yield new Retention(Kind.SHOP_LEGAL_DUTY, record, recordId, date, whatWords, basis.law(), reason, null,
                        shopTerm(basis.years()), until, erasure);
            }
            case PROCESSOR_LEGAL_DUTY -> new Retention(Kind.PROCESSOR_LEGAL_DUTY, record, recordId, date, whatWords,
                    basis.law(), reason, basis.keeper() == null ? connector.facts().legalName() : basis.keeper(),
                    new Words(basis.term().nl(), basis.term().en()), null, null);
            case NO_LEGAL_DUTY -> new Retention(Kind.NO_LEGAL_DUTY, record, recordId, date, whatWords, null, reason,
                    null, null, null, null);
            case AS_STATED -> throw new IllegalStateException("a connector file states no basis 'as-stated'");
        };
    }

    private Words shopTerm(int years) {
        FiscalYear year = FiscalYear.of(connector);
        if (year.isCalendarYear()) {
            return new Words(years + " jaar na het einde van het kalenderjaar van het stuk",
                    years + " years after the end of the calendar year of the record");
        }
        return new Words(years + " jaar na het einde van het boekjaar van het stuk (boekjaar eindigt op " + year.end() + ")",
                years + " years after the end of the fiscal year of the record (the fiscal year ends on " + year.end() + ")");
    }

    /** An ISO date or date-time (one with an offset taken in Dutch time), or dd-MM-yyyy; null when neither. */
    static LocalDate dateOf(String text) {
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).atZoneSameInstant(DUTCH_TIME).toLocalDate();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(t).toLocalDate();
            } catch (DateTimeParseException notLocal) {
                return dateOnly(t);
            }
        }
    }

    private static LocalDate dateOnly(String t) {
        String day = t.length() >= 10 ? t.substring(0, 10) : t;
        for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_LOCAL_DATE, DAY_FIRST)) {
            try {
                return LocalDate.parse(day, f);
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        return null;
    }

    private static String pointer(String dotted) {
        return "/" + dotted.replace('.', '/');
    }
}
