package nl.dsrhub.connector;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One processor, as declared in {@code connectors/<name>.yaml}: what it is (the art. 15/19/30 facts),
 * how to reach it, which identifiers it needs and provides, how to find, export and erase the
 * person's data, what it must retain by law, and its limits. Read top to bottom like the file.
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
        List<Step> find,
        List<Step> erase,
        List<RetainRule> retain,
        Letter letter) {

    public enum Channel {
        @JsonProperty("http") HTTP,
        @JsonProperty("mail") MAIL,
        @JsonProperty("manual") MANUAL
    }

    public ConnectorDefinition {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        provides = provides == null ? List.of() : List.copyOf(provides);
        find = find == null ? List.of() : List.copyOf(find);
        erase = erase == null ? List.of() : List.copyOf(erase);
        retain = retain == null ? List.of() : List.copyOf(retain);
        limits = limits == null ? new Limits(null, null, null) : limits;
        needs = needs == null ? new Needs(List.of("email")) : needs;
    }

    /**
     * A value the operator sets per installation (base URL, credentials, list ids), by property
     * {@code dsr.connector.<name>.<key>} or environment variable {@code DSR_CONNECTOR_<NAME>_<KEY>}.
     */
    public record Setting(String description, @JsonProperty("default") String defaultValue, Boolean secret,
                          Boolean required) {
        public boolean isSecret() {
            return Boolean.TRUE.equals(secret);
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
     * Our side of the processor's published limits: at most {@code concurrency} calls at once, at most
     * {@code requests} calls and {@code writes} data-changing calls per period.
     */
    public record Limits(Integer concurrency, Rate requests, Rate writes) {
        public int concurrencyOrDefault() {
            return concurrency == null ? 4 : concurrency;
        }
    }

    /** {@code count} calls per {@code per} (a duration like {@code 1m}, {@code 5m}, {@code 10s}). */
    public record Rate(Integer count, String per) {
        public java.time.Duration period() {
            return java.time.Duration.parse("PT" + per.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /**
     * A refusal that is a legal fact, not a failure: when an erase call is answered with one of
     * {@code status} the processor keeps the data (e.g. Moneybird 422 for a contact with booked invoices);
     * {@code then} is sent instead where the processor offers something less (archiving). With {@code path}
     * and {@code values}, only answers whose body says so count (SendCloud answers 200 both for a deleted and
     * for a merely cancelled parcel, with {@code "status": "deleted"} or {@code "cancelled"}).
     */
    public record RetainOn(List<Integer> status, String path, List<String> values, ProcessorFacts.Text what,
                           String legalBasis, Integer years, Call then) {
        public RetainOn {
            status = status == null ? List.of() : List.copyOf(status);
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    /**
     * What the letter to a mail-channel processor tells it about the person: only what that processor knows them by
     * (data minimisation, art. 5(1)(c) GDPR; PostNL by its barcode, not by name and e-mail). {@code email} and
     * {@code name} are the subject's own; any other is an identifier of the request or one a connector provides
     * (e.g. {@code postnl.barcode} from the shop's orders).
     */
    public record Letter(List<String> identifiers) {
        private static final java.util.regex.Pattern IDENTIFIER =
                java.util.regex.Pattern.compile("email|name|[a-z][a-z0-9-]*\\.[A-Za-z][A-Za-z0-9]*");

        public Letter {
            identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
        }

        /** What is wrong with a connector's letter, each with its pointer; a mail connector must declare one. */
        static List<String> problems(Channel channel, Needs needs, Letter letter) {
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
            for (String need : needs.anyOf()) {
                if (!letter.identifiers().contains(need)) {
                    p.add("/needs/anyOf: '" + need + "' is what the task waits for, so the letter must carry it: add it to"
                            + " /letter/identifiers");
                }
            }
            return p;
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
     * @param only     {@code export} or {@code erasure} to run the step for one request type only
     * @param ifSetting run the step only when this connector setting is {@code true} (a choice the shop makes,
     *                 e.g. whether its orders may be anonymised)
     * @param absentOn statuses meaning "the person is not there" (e.g. 404): not an error
     * @param select   keep only the items that really belong to the person (a search may match others)
     * @param keep     name of the file the answer is kept under for the bundle (a template)
     * @param pick     variable name to JSON path: identifiers and values for later steps; the path may hold
     *                 templates, e.g. {@code ${yearsAgo.7}} to compare dates
     * @param pickPairs like {@code pick}, but each value is kept together with this step's {@code ${each}}: for
     *                 ids that only mean something inside their parent (a customer id inside its store)
     * @param verify   for data-changing calls: a GET whose {@code absentOn} answer shows the change was made,
     *                 asked after a crash between sending the call and recording its answer
     * @param retainOn for data-changing calls: answers that mean the processor keeps the data by law
     * @param leaves   for data-changing calls: what the call cannot remove (e.g. fields the API does not let
     *                 anyone write) and how the officer removes it; added to the outcome's detail when the
     *                 step changed something, so the confirmation never claims more than was done
     */
    public record Step(String id, String forEach, String only, String ifSetting, Call request, Paginate paginate,
                       List<Integer> absentOn, Select select, String keep, Map<String, String> pick,
                       Map<String, String> pickPairs, Call verify, RetainOn retainOn, String leaves) {
        public Step {
            absentOn = absentOn == null ? List.of() : List.copyOf(absentOn);
            pick = pick == null ? Map.of() : Map.copyOf(pick);
            pickPairs = pickPairs == null ? Map.of() : Map.copyOf(pickPairs);
        }

        /** A plain call, for the engine's own probes (check, login). */
        public static Step call(String id, Call call) {
            return new Step(id, null, null, null, call, null, List.of(), null, null, Map.of(), Map.of(), null, null, null);
        }
    }

    /**
     * An HTTP call; path, query, headers and body are templates. The query keeps the file's order (Map.copyOf's
     * order changes from run to run): the processor sees the same URL each time, and so does the call journal.
     */
    public record Call(String method, String path, Map<String, String> query, Map<String, String> headers,
                       String body, Boolean idempotencyKey) {
        public Call {
            query = query == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(query));
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }

        public boolean sendsIdempotencyKey() {
            return Boolean.TRUE.equals(idempotencyKey);
        }
    }

    /**
     * How the processor pages its lists: {@code page} (page number, total pages in a header),
     * {@code offset} (offset and count, total in the body), {@code next-link} (a cursor URL in the body, at
     * {@code nextPath}) or {@code link-header} (the {@code rel="next"} link of an RFC 8288 {@code Link} header).
     * A processor's link is followed only to the origin of the connector's {@code base-url}.
     */
    public record Paginate(String type, String param, String sizeParam, Integer size, String totalPagesHeader,
                           String totalPath, String itemsPath, String nextPath, Integer maxPages) {
        public int maxPagesOrDefault() {
            return maxPages == null ? 10_000 : maxPages;
        }
    }

    /** Keeps the items of {@code itemsPath} (default: the top-level array) whose {@code field} equals {@code equals}. */
    public record Select(String itemsPath, String field, String equals, Boolean ignoreCase) {
    }

    /**
     * Data the processor keeps when the identifier or picked variable {@code when} is known after the erase
     * steps: by law (with {@code years}), or, with {@code unlessSetting}, because the shop switched off the
     * step that would have removed it (no end date then: the confirmation says so instead of inventing one).
     */
    public record RetainRule(String when, String unlessSetting, ProcessorFacts.Text what, String legalBasis,
                             Integer years) {
    }
}
