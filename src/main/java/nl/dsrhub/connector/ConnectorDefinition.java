package nl.dsrhub.connector;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import nl.dsrhub.model.RequestType;

/**
 * One processor, as declared in {@code connectors/<name>.yaml}: what it is (the art. 15/19/30 facts),
 * how to reach it, which identifiers it needs and provides, how to find, export and erase the
 * person's data, what it keeps after an erasure and why, and its limits. Read top to bottom like the file.
 */
public record ConnectorDefinition(
        String name,
        String title,
        Channel channel,
        Boolean enabled,
        ProcessorFacts facts,
        Map<String, Setting> settings,
        Http http,
        Limits limits,
        Needs needs,
        List<String> provides,
        Call check,
        List<RetainRule> retain,
        Letter letter,
        @JsonAnySetter Map<String, List<Step>> sections) {

    /** The steps of a section ({@code find}, {@code erase}, ... as {@link RequestType#sections()} names them); none if absent. */
    public List<Step> section(String name) {
        return sections.getOrDefault(name, List.of());
    }

    /** The lookups every request type runs first: how the person is found. */
    public List<Step> find() {
        return section(RequestType.FIND);
    }

    /** The section of the erasure's data-changing steps: where retention rules and the retention calendar point. */
    public static final String ERASE = "erase";

    /** The erasure's data-changing steps (also where retention rules point). */
    public List<Step> erase() {
        return section(ERASE);
    }

    /** The steps that change data for a request of {@code type}, run after {@link #find()}; none for an export. */
    public List<Step> changes(RequestType type) {
        return type.changes().map(this::section).orElse(List.of());
    }

    public enum Channel {
        @JsonProperty("http") HTTP,
        @JsonProperty("mail") MAIL,
        @JsonProperty("manual") MANUAL
    }

    public ConnectorDefinition {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        provides = provides == null ? List.of() : List.copyOf(provides);
        // the steps by section: find, erase, and whatever section a request type runs (checked: ConnectorFileRules)
        Map<String, List<Step>> ordered = new java.util.LinkedHashMap<>();
        if (sections != null) {
            sections.forEach((section, steps) -> ordered.put(section, steps == null ? List.of() : List.copyOf(steps)));
        }
        sections = java.util.Collections.unmodifiableMap(ordered);
        retain = retain == null ? List.of() : List.copyOf(retain);
        limits = limits == null ? new Limits(null, null, null) : limits;
        needs = needs == null ? new Needs(List.of("email")) : needs;
    }

    /**
     * A value the operator sets per installation (base URL, credentials, list ids), by property
     * {@code dsr.connector.<name>.<key>} or environment variable {@code DSR_CONNECTOR_<NAME>_<KEY>}, of a
     * {@link SettingType} ({@code string} by default).
     */
    public record Setting(String description, String type, @JsonProperty("default") String defaultValue, Boolean secret,
                          Boolean required) {
        /** A secret's value is never logged or shown: {@code type: secret} (or the older {@code secret: true}). */
        public boolean isSecret() {
            return "secret".equals(type) || Boolean.TRUE.equals(secret);
        }

        public boolean isRequired() {
            return Boolean.TRUE.equals(required);
        }
    }

    /** How to talk to an HTTP API: auth, timeout and headers sent with every call. */
    public record Http(Auth auth, String timeout, Map<String, String> headers) {
        public Http {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }
    }

    /**
     * {@code basic} (username/password), {@code bearer} (token), {@code session} (a {@code login} call whose
     * answer holds a token at {@code tokenPath}, sent in {@code header} after {@code prefix}) or {@code none};
     * values are templates.
     */
    public record Auth(String type, String username, String password, String token, Call login, String tokenPath,
                       String header, String prefix) {
    }



    /**
     * A refusal that is a finding, not a failure: when an erase call is answered with one of {@code status} the
     * processor keeps the record ({@code ${each}}), e.g. Moneybird's 422 for a contact used in the books; {@code then}
     * is sent instead where the processor offers something less (archiving). With {@code path} and {@code values},
     * only answers whose body says so count (SendCloud answers 200 both for a deleted and for a merely cancelled
     * parcel, with {@code "status": "deleted"} or {@code "cancelled"}). What is kept, on which basis and until when
     * is said as in a {@link RetainRule}; {@code alsoRemains} says what else stays on the kept record though no law
     * asks it (a contact's e-mail address and phone number beside the name and address the books need).
     */
    public record RetainOn(List<Integer> status, String path, List<String> values, String record,
                           ProcessorFacts.Text what, Basis basis, String datedBy, AtEnd atEnd, Remains alsoRemains,
                           Call then) {
        public RetainOn {
            status = status == null ? List.of() : List.copyOf(status);
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    /** Data that stay on a kept record without a legal duty, and why: said plainly, with no legal basis. */
    public record Remains(ProcessorFacts.Text what, ProcessorFacts.Text reason) {
    }

    /**
     * What the letter to a mail-channel processor tells it about the person: only what that processor knows them by
     * (data minimisation, art. 5(1)(c) GDPR; PostNL by its barcode, not by name and e-mail). {@code email} and
     * {@code name} are the subject's own; any other is an identifier of the request or one a connector provides
     * (e.g. {@code postnl.barcode} from the shop's orders). {@code corrects}: what of the person it holds (name, email,
     * phone, address; all when absent): only corrections of these are told to it.
     */
    public record Letter(List<String> identifiers, List<String> corrects) {
        public Letter {
            identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
            corrects = corrects == null ? null : List.copyOf(corrects);
        }
    }

    /** The identifiers the connector can work from: the task waits until any one of them is known. */
    public record Needs(List<String> anyOf) {
        public Needs {
            anyOf = anyOf == null ? List.of() : List.copyOf(anyOf);
        }
    }

    /**
     * One call (or one per value of {@code forEach}) and what to take from its answer.
     *
     * @param forEach  run once per value of this identifier or picked variable; the value is {@code ${each}}
     *                 (for a variable of {@code pickPairs}: {@code ${each[0]}}, {@code ${each[1]}}, ...)
     * @param only     the request types (wire names: {@code export}, {@code erasure}, {@code rectification}, ...) the
     *                 step runs for, one or a list; every type when absent
     * @param ifSetting run the step only when this connector setting is {@code true} (a choice the shop makes,
     *                 e.g. whether its orders may be anonymised)
     * @param absentOn statuses meaning "the person is not there" (e.g. 404): not an error
     * @param absentWhen answers with another status whose body says the same (see {@link AbsentWhen})
     * @param select   keep only the items that really belong to the person (a search may match others)
     * @param keep     name of the file the answer is kept under for the bundle (a template)
     * @param pick     variable name to JSON path: identifiers and values for later steps; the path may hold
     *                 templates, e.g. {@code ${yearsAgo.7}} to compare dates
     * @param pickPairs like {@code pick}, but each value is kept together with this step's {@code ${each}}: for
     *                 ids that only mean something inside their parent (a customer id inside its store)
     * @param pickEach variable that collects this step's {@code ${each}} for every value the person was found
     *                 with (an answer that is neither {@code absentOn} nor emptied by {@code select}): the ids the
     *                 hub asked for, never an id the answer names (which could be any other one)
     * @param verify   for data-changing calls: a GET whose {@code absentOn} answer shows the change was made,
     *                 asked after a crash between sending the call and recording its answer
     * @param records  variable name to records picked with their own dates (see {@link RecordPick}): their ids are
     *                 the variable's values, as with {@code pick}; their dates date what is retained
     * @param retainOn for data-changing calls: answers that mean the processor keeps the record
     * @param leaves   for data-changing calls: what the call cannot remove (e.g. fields the API does not let
     *                 anyone write) and how the officer removes it; added to the outcome's detail when the
     *                 step changed something, so the confirmation never claims more than was done
     * @param doneWhen for data-changing calls whose 2xx answer does not always mean done: the body value (at
     *                 {@code path}) that says the change was made; a 2xx without it that is no {@code retainOn}
     *                 refusal is no proof, so the task needs attention (SendCloud answers 200 to a cancel with
     *                 {@code "deleted"}, {@code "cancelled"}, or whatever status its spec allows)
     * @param auxiliary what the step covers, for a step that must not stop the others: when it fails (an error
     *                 answer, an unreadable one, no answer) the other steps still run, and the outcome's detail
     *                 says what was not checked (a lookup) or not removed (a data-changing call), and why
     * @param says     for data-changing calls (required there): what the step did for the person, in plain Dutch and
     *                 English ("Uw klantaccount is verwijderd."), which the confirmation says once the call took
     *                 effect; the step's id is for the officer, never for the subject
     * @param attentionOn for data-changing calls: an error answer that is the officer's case ({@link AttentionOn})
     */
    public record Step(String id, String forEach,
                       @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> only,
                       String ifSetting, Call request, Paginate paginate, List<Integer> absentOn, Select select,
                       String keep, Map<String, String> pick, Map<String, String> pickPairs, String pickEach,
                       Map<String, RecordPick> records, Call verify, RetainOn retainOn, String leaves, BodySays doneWhen,
                       String auxiliary, ProcessorFacts.Text says, List<AbsentWhen> absentWhen, AttentionOn attentionOn) {
        public Step {
            only = only == null ? null : List.copyOf(only);
            absentOn = absentOn == null ? List.of() : List.copyOf(absentOn);
            absentWhen = absentWhen == null ? List.of() : List.copyOf(absentWhen);
            pick = pick == null ? Map.of() : Map.copyOf(pick);
            pickPairs = pickPairs == null ? Map.of() : Map.copyOf(pickPairs);
            records = records == null ? Map.of() : Map.copyOf(records);
        }

        /** A plain call, for the engine's own probes (check, login). */
        public static Step call(String id, Call call) {
            return new Step(id, null, null, null, call, null, List.of(), null, null, Map.of(), Map.of(), null, Map.of(),
                    null, null, null, null, null, null, List.of(), null);
        }

        /** Whether the step runs for a request of this type ({@code only}, or every type). */
        public boolean runsFor(RequestType type) {
            return only == null || only.contains(type.wire());
        }
    }


    /**
     * Records a find step picks with their own dates: {@code items} (a JSON path; templates allowed) selects the
     * records in the answer, {@code id} and {@code date} name a field of each (dotted for nested fields, e.g.
     * {@code parcel.date_created}). A date is read as an ISO date or date-time (one with an offset is taken in Dutch
     * time) or as {@code dd-MM-yyyy}. In a {@code forEach} step each record belongs to that step's {@code ${each}}
     * (an invoice to its contact), which {@code datedBy} uses.
     */
    public record RecordPick(String items, String id, String date) {
    }

    /**
     * An HTTP call; path, query, headers and body are templates. The body is {@code body} (a JSON template), {@code json}
     * (JSON written as YAML, fields left out when the request does not set their {@code ${changes.*}}) or {@code form}
     * (url-encoded, the same way): see {@link RequestBody}. The query keeps the file's order (Map.copyOf's
     * order changes from run to run): the processor sees the same URL each time, and so does the call journal.
     */
    public record Call(String method, String path, Map<String, String> query, Map<String, String> headers,
                       String body, Boolean idempotencyKey, com.fasterxml.jackson.databind.JsonNode json,
                       Map<String, String> form) {
        public Call {
            query = query == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(query));
            headers = headers == null ? Map.of() : Map.copyOf(headers);
            form = form == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(form));
        }

        /** A call with at most a body template: the engine's own probes and tests. */
        public Call(String method, String path, Map<String, String> query, Map<String, String> headers, String body,
                    Boolean idempotencyKey) {
            this(method, path, query, headers, body, idempotencyKey, null, null);
        }

        public boolean sendsIdempotencyKey() {
            return Boolean.TRUE.equals(idempotencyKey);
        }
    }


    /**
     * An answer that says the thing asked for is not there though its status is not {@code absentOn}'s: Laposta answers
     * an unknown member with 400 and error code 203 on parameter {@code member_id} (its 404 is for a wrong path). Both
     * the status and the body value must match: any other 400 stays an error.
     */
    public record AbsentWhen(Integer status, String path, List<String> values) {
        public AbsentWhen {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    /** The value at {@code path} (a JSON path) of an answer's body is one of {@code values}. */
    public record BodySays(String path, List<String> values) {
        public BodySays {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    /** Keeps the items of {@code itemsPath} (default: the top-level array) whose {@code field} equals {@code equals}. */
    public record Select(String itemsPath, String field, String equals, Boolean ignoreCase) {
    }

    /**
     * Data the processor still holds after the erase steps: one item per value of the identifier or variable
     * {@code when} (a record of kind {@code record}, dated by its {@link RecordPick} or by the latest record of
     * {@code datedBy} that belongs to it). {@code ifSetting} / {@code unlessSetting}: the rule applies only when that
     * setting is / is not {@code true} (a shop that switched off the step removing the data keeps them).
     * {@code only}: its request types (wire names; without it the erasure's); another type's items are what stays as
     * it was (a booked invoice a rectification does not rewrite), never scheduled. {@code ifChanges}: a rectification's
     * rule applies only when the request corrects one of these kinds ({@code name}, {@code email}, {@code phone}, ...).
     */
    public record RetainRule(String when, String ifSetting, String unlessSetting, String record, ProcessorFacts.Text what,
                             Basis basis, String datedBy, AtEnd atEnd,
                             @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> only, List<String> ifChanges) {
        public RetainRule {
            only = only == null ? null : List.copyOf(only);
            ifChanges = ifChanges == null ? List.of() : List.copyOf(ifChanges);
        }
    }

    /**
     * Why data are not erased (see {@link nl.dsrhub.model.Retention.Kind}): {@code shop-legal-duty} names the
     * {@code law} (and article), the duty as {@code reason}, and {@code years} after the end of the record's fiscal
     * year (the calendar year, or the year ending on the connector's {@code fiscal-year-end} setting, MM-DD);
     * {@code processor-legal-duty} names the {@code law}, the processor's own duty as {@code reason}, its
     * {@code term} in words and the {@code keeper} (the processor's legal name by default); {@code no-legal-duty}
     * gives only the {@code reason} the data remain.
     */
    public record Basis(nl.dsrhub.model.Retention.Kind kind, String law, ProcessorFacts.Text reason, Integer years,
                        ProcessorFacts.Text term, String keeper) {
    }

    /**
     * What the retention calendar does the day after a record's retention ends (shop-legal-duty only): the
     * connector's own erase {@code step} for that record ({@code ${each}} is its id), or, where the hub has no
     * call for it, a {@code notice} telling the officer what to do.
     */
    public record AtEnd(String step, String notice) {
    }
}
