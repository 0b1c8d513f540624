package nl.dsrhub.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import nl.dsrhub.connector.ConnectorDefinition.Call;
import nl.dsrhub.connector.ConnectorDefinition.Step;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.model.Retention;
import nl.dsrhub.model.TaskResult;
import nl.dsrhub.store.CallJournal;
import org.apache.camel.CamelContext;

/**
 * Runs a connector file's steps against the processor's HTTP API through Camel's http component:
 * {@code find} steps look the person up (keeping answers for an export, picking identifiers; an erasure
 * keeps no copy of what it found: the identifiers it picks stay in memory and in the request's rows),
 * {@code erase} steps change data, each guarded by the {@link CallJournal}, and what the processor still
 * holds afterwards is itemised by {@link Retained}.
 */
public final class HttpEngine implements ConnectorEngine {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HttpEngine.class);

    private static final Configuration JSON_PATH = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider())
            .mappingProvider(new JacksonMappingProvider())
            .options(Option.ALWAYS_RETURN_LIST, Option.SUPPRESS_EXCEPTIONS)
            .build();

    private final java.util.function.Supplier<CamelContext> camel;
    private final ProcessorPace pace;
    private final CallJournal journal;
    private final Clock clock;
    private final java.util.function.Function<String, AnswerLimits> limits;
    private final ObjectMapper json = new ObjectMapper();

    /** @param limits each connector's {@link AnswerLimits}, by connector name */
    public HttpEngine(java.util.function.Supplier<CamelContext> camel, CallJournal journal, Clock clock,
                      java.util.function.Function<String, AnswerLimits> limits) {
        this.camel = camel;
        this.pace = new ProcessorPace(clock);
        this.journal = journal;
        this.clock = clock;
        this.limits = limits;
    }

    /** Prepares a Camel context's http components for the engine (see {@link HttpCall#prepare}). */
    public static void prepare(CamelContext context) {
        HttpCall.prepare(context);
    }

    @Override
    public TaskResult run(Connector connector, TaskContext task) {
        Run run = new Run(connector, task);
        TaskResult soFar;
        try {
            soFar = run.execute();
        } catch (PermanentFailure e) {
            throw new PermanentFailure(e.getMessage() + run.doneBefore());
        } catch (TransientFailure e) {
            throw new TransientFailure(e.getMessage() + run.doneBefore(), e.retryAfter());
        }
        return run.auxiliaries.outcome(soFar);
    }

    /**
     * {@code connectors --check}: sends the connector's {@code check} call (or its first lookup's path)
     * and says whether the processor answered and accepted the credentials. Empty when all is well.
     */
    public Optional<String> check(Connector connector) {
        Call call = connector.definition().check();
        if (call == null) {
            return Optional.of("no check call declared");
        }
        Run run = new Run(connector, null);
        Step probe = Step.call("check", call);
        try (Answer answer = run.send(probe, call, run.url(call, null, Map.of()), null)) {
            if (answer.status() == 401 || answer.status() == 403) {
                return Optional.of("reachable, but the credentials were refused (HTTP " + answer.status() + ")");
            }
            // a 404 from a lookup of a made-up id: the processor authenticated us before looking
            if (!answer.ok() && answer.status() != 404) {
                return Optional.of("reachable, but the check answered HTTP " + answer.status());
            }
            return Optional.empty();
        } catch (TransientFailure | PermanentFailure e) {
            return Optional.of("not reachable: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return Optional.of("cannot check: " + e.getMessage());
        }
    }

    /** How the processor answered the retention calendar's erasure of a record. */
    public enum EndAnswer { ERASED, GONE, REFUSED }

    /**
     * The retention calendar's call once a record's retention has ended: the connector's erase {@code step} for
     * the record {@code recordId} (its {@code ${each}}). No subject is known by then, only the record's id and the
     * connector's settings; the answer is read in memory, like a check's.
     */
    public EndAnswer eraseAtEnd(Connector connector, Step step, String recordId) {
        Run run = new Run(connector, null);
        try (Answer answer = run.send(step, step.request(), run.url(step.request(), recordId, Map.of()), recordId, null)) {
            if (run.refusal(step, answer)) {
                return EndAnswer.REFUSED;
            }
            if (step.absentOn().contains(answer.status())) {
                return EndAnswer.GONE;
            }
            run.failUnlessOk(step, answer);
            return EndAnswer.ERASED;
        }
    }

    /** One task's run: its variables (identifiers and picks) and the files it kept. */
    private final class Run {
        private final Connector connector;
        private final TaskContext task;
        private final Map<String, LinkedHashSet<String>> vars = new TreeMap<>();
        private final AnswerFiles kept;
        private final Set<String> visited = new java.util.HashSet<>();
        private final boolean export;
        /** the records found with their dates, and those the processor refused to erase */
        private final Retained stillHeld;
        private String sessionToken;
        private final AuxiliarySteps auxiliaries;

        /** @param task null for a connector check, which knows no subject */
        Run(Connector connector, TaskContext task) {
            this.connector = connector;
            this.task = task;
            this.export = task != null && task.request().type() == RequestType.EXPORT;
            this.stillHeld = new Retained(connector, clock);
            this.auxiliaries = new AuxiliarySteps(task == null ? null : task.request().id(), connector.name(), !export);
            this.kept = task == null ? null : new AnswerFiles(task.dataDir(), export, connector.name());
            if (task != null) {
                task.identifiers().forEach((k, v) -> vars.put(k, new LinkedHashSet<>(v)));
            }
        }

        TaskResult execute() {
            kept.reset();
            for (Step step : connector.definition().find()) {
                if (appliesTo(step)) {
                    auxiliaries.run(step, true, () -> find(step));
                }
            }
            Map<String, List<String>> provided = new TreeMap<>();
            for (String name : connector.definition().provides()) {
                Set<String> values = vars.getOrDefault(name, new LinkedHashSet<>());
                Set<String> before = new LinkedHashSet<>(task.identifiers().getOrDefault(name, List.of()));
                List<String> found = values.stream().filter(v -> !before.contains(v)).toList();
                if (!found.isEmpty()) {
                    provided.put(name, found);
                }
            }
            if (export) {
                return kept.count() == 0
                        ? new TaskResult(Outcome.NOT_FOUND, "no data found", List.of(), provided)
                        : new TaskResult(Outcome.EXPORTED, kept.count() + " file(s) received", List.of(), provided);
            }
            for (Step step : connector.definition().erase()) {
                if (appliesTo(step)) {
                    auxiliaries.run(step, false, () -> erase(step));
                }
            }
            removeEmptyDataDir();
            // Calls sent before a crash whose target the lookup no longer finds: they are what removed it
            // (unless a lookup failed: then not finding it proves nothing).
            for (String key : journal.unanswered(task.taskId())) {
                if (!visited.contains(key) && !auxiliaries.anyFailed()) {
                    journal.done(task.taskId(), key, 0, true);
                }
            }
            // counted from the journal, so calls that took effect in an earlier, interrupted run count too
            Map<String, Long> done = journal.effective(task.taskId()).stream().collect(java.util.stream.Collectors
                    .groupingBy(k -> k.substring(0, k.indexOf(' ')), TreeMap::new, java.util.stream.Collectors.counting()));
            int erased = done.values().stream().mapToInt(Long::intValue).sum();
            String doneText = done.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + "x")
                    .collect(java.util.stream.Collectors.joining(", "));
            // what the calls that ran could not remove: said in the detail, never hidden behind "done"
            String leftText = connector.definition().erase().stream()
                    .filter(s -> s.leaves() != null && done.containsKey(s.id()))
                    .map(s -> "; left: " + s.leaves()).distinct().collect(java.util.stream.Collectors.joining());
            doneText = doneText + leftText;
            // whatever of the person the processor still holds, of any kind: never ERASED then
            List<Retention> retained = stillHeld.all(name -> vars.getOrDefault(name, new LinkedHashSet<>()));
            String retainedText = Retained.summary(retained);
            if (erased > 0 && !retained.isEmpty()) {
                return new TaskResult(Outcome.PARTIAL, "done: " + doneText + "; retained: " + retainedText,
                        retained, provided);
            }
            if (erased > 0) {
                return new TaskResult(Outcome.ERASED, "done: " + doneText, List.of(), provided);
            }
            if (!retained.isEmpty()) {
                return new TaskResult(Outcome.RETAINED, "retained: " + retainedText, retained, provided);
            }
            return new TaskResult(Outcome.NOT_FOUND, "no data found", List.of(), provided);
        }

        /**
         * For a failure's message: the data-changing calls that took effect before it (in this run or an earlier
         * one), so a task that needs attention never hides what was erased. Empty when none did.
         */
        String doneBefore() {
            if (export) {
                return "";
            }
            Map<String, Integer> done = new TreeMap<>();
            journal.effective(task.taskId()).forEach(key -> done.merge(key.substring(0, key.indexOf(' ')), 1, Integer::sum));
            StringBuilder said = new StringBuilder();
            done.forEach((step, times) -> said.append(said.length() == 0 ? " (done before: " : ", ").append(step)
                    .append(' ').append(times).append('x'));
            return said.length() == 0 ? "" : said.append(')').toString();
        }

        private boolean appliesTo(Step step) {
            return (step.only() == null || step.only().equals(task.request().type().wire()))
                    && (step.ifSetting() == null || Boolean.parseBoolean(connector.settings().get(step.ifSetting())));
        }

        private List<String> valuesFor(Step step) {
            if (step.forEach() == null) {
                List<String> once = new ArrayList<>();
                once.add(null);
                return once;
            }
            return List.copyOf(vars.getOrDefault(step.forEach(), new LinkedHashSet<>()));
        }

        private void find(Step step) {
            for (String each : valuesFor(step)) {
                Paging paging = new Paging(step.paginate(), connector.baseUrl(), connector.name() + " step " + step.id(),
                        extra -> url(step.request(), each, extra), this::read);
                String url = paging.first();
                int pages = 0;
                while (url != null && pages++ < paging.maxPages()) {
                    try (Answer answer = send(step, step.request(), url, each, null)) {
                        if (step.absentOn().contains(answer.status())) {
                            break;
                        }
                        failUnlessOk(step, answer);
                        JsonNode body = parse(step, answer);
                        JsonNode selected = select(step, body, each);
                        if (step.pickEach() != null && (step.select() == null || !isEmpty(selected))) {
                            // found where the hub asked: the asked-for id, whatever id the answer names
                            vars.computeIfAbsent(step.pickEach(), k -> new LinkedHashSet<>()).add(each);
                        }
                        if (!isEmpty(selected)) {
                            step.pick().forEach((name, path) -> pick(name, expand(path, each), selected, null));
                            step.pickPairs().forEach((name, path) -> pick(name, expand(path, each), selected, each));
                            step.records().forEach((name, spec) -> stillHeld.pick(name, spec, read(selected, expand(spec.items(), each)),
                                    step.forEach() == null ? null : each).forEach(id -> vars.computeIfAbsent(name,
                                    k -> new LinkedHashSet<>()).add(id)));
                            // an export hands the answers to the subject; an erasure keeps no copy of the data it removes
                            if (step.keep() != null && export) {
                                kept.keep(step.id(), expand(step.keep(), each), step.paginate() == null ? 0 : pages,
                                        answer, selected, body);
                            }
                        }
                        url = paging.next(url, answer, body);
                    }
                }
            }
        }

        private void erase(Step step) {
            for (String each : valuesFor(step)) {
                Call call = step.request();
                String url = url(call, each, Map.of());
                String callKey = step.id() + " " + call.method().toUpperCase(Locale.ROOT) + " " + pathAndQuery(url);
                visited.add(callKey);
                Optional<CallJournal.Entry> prior = journal.find(task.taskId(), callKey);
                if (prior.isPresent() && prior.get().state() == CallJournal.State.DONE) {
                    if (step.retainOn() != null && !prior.get().tookEffect()
                            && step.retainOn().status().contains(prior.get().httpStatus())) {
                        stillHeld.refused(step.retainOn(), step.forEach(), each);
                    }
                    continue;
                }
                boolean sentBefore = prior.isPresent();
                if (sentBefore && step.verify() != null && verifiedDone(step, each, callKey)) {
                    // The hub stopped between sending this call and recording its answer, and the processor
                    // says it took effect: no second call.
                    LOG.info("request {} {}: step {} was sent before the hub stopped and took effect; not sent again",
                            task.request().id(), connector.name(), step.id());
                    continue;
                }
                String key = journal.sending(task.taskId(), callKey);
                try (Answer answer = send(step, call, url, each, call.sendsIdempotencyKey() ? key : null)) {
                    record(step, each, callKey, sentBefore, answer);
                }
            }
        }

        /** The answer to a data-changing call, in the journal: took effect, was refused by law, or found nothing. */
        private void record(Step step, String each, String callKey, boolean sentBefore, Answer answer) {
            if (refusal(step, answer)) {
                // refused because the law makes the processor keep it: a finding, not a failure
                if (step.retainOn().then() != null) {
                    try (Answer lesser = send(step, step.retainOn().then(), url(step.retainOn().then(), each, Map.of()), each, null)) {
                        failUnlessOk(step, lesser);
                    }
                }
                journal.done(task.taskId(), callKey, answer.status(), false);
                stillHeld.refused(step.retainOn(), step.forEach(), each);
            } else if (answer.ok()) {
                if (!says(step.doneWhen(), answer)) {
                    throw new PermanentFailure(connector.name() + " step " + step.id() + ": HTTP " + answer.status()
                            + " without saying the change was made (" + step.doneWhen().path() + " is none of "
                            + step.doneWhen().values() + ")");
                }
                journal.done(task.taskId(), callKey, answer.status(), true);
            } else if (step.absentOn().contains(answer.status())) {
                // gone already: if our own earlier call was lost in a crash, it is what erased it
                journal.done(task.taskId(), callKey, answer.status(), sentBefore);
            } else {
                failUnlessOk(step, answer);
            }
        }

        /** The answer's body says so (or nothing needs to be said: no {@code doneWhen}). */
        private boolean says(ConnectorDefinition.BodySays wanted, Answer answer) {
            if (wanted == null) {
                return true;
            }
            try (InputStream in = answer.body().open()) {
                List<JsonNode> said = read(json.readTree(in), wanted.path());
                return !said.isEmpty() && wanted.values().contains(said.get(0).asText());
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        /** Asks the processor ({@code verify}) whether a call sent before a crash took effect; journals it if so. */
        private boolean verifiedDone(Step step, String each, String callKey) {
            try (Answer check = send(step, step.verify(), url(step.verify(), each, Map.of()), each, null)) {
                if (step.absentOn().contains(check.status()) || check.status() == 404 || check.status() == 410) {
                    journal.done(task.taskId(), callKey, check.status(), true);
                    return true;
                }
                failUnlessOk(step, check);
                return false;
            }
        }

        /** The answer is the processor keeping the data: a status (and body value) the connector declares so. */
        private boolean refusal(Step step, Answer answer) {
            ConnectorDefinition.RetainOn r = step.retainOn();
            if (r == null || !r.status().contains(answer.status())) {
                return false;
            }
            if (r.path() == null) {
                return true;
            }
            try (InputStream in = answer.body().open()) {
                List<JsonNode> said = read(json.readTree(in), r.path());
                return !said.isEmpty() && r.values().contains(said.get(0).asText());
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        // ---- HTTP

        Answer send(Step step, Call call, String url, String idempotencyKey) {
            return send(step, call, url, null, idempotencyKey, true);
        }

        Answer send(Step step, Call call, String url, String each, String idempotencyKey) {
            return send(step, call, url, each, idempotencyKey, true);
        }

        private Answer send(Step step, Call call, String url, String each, String idempotencyKey, boolean authenticated) {
            String what = connector.name() + " step " + step.id();
            // the connector's credentials go with every call: to its own origin only
            NextLink.requireOrigin(connector.baseUrl(), URI.create(url), what + ": the call's URL");
            String method = call.method().toUpperCase(Locale.ROOT);
            pace.awaitPermit(connector, method);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Accept", "application/json");
            ConnectorDefinition.Http http = connector.definition().http();
            http.headers().forEach((k, v) -> headers.put(k, expand(v, null)));
            call.headers().forEach((k, v) -> headers.put(k, expand(v, each)));
            if (authenticated) {
                authorization().ifPresent(a -> headers.put(authHeader(), a));
            }
            if (idempotencyKey != null) {
                headers.put("Idempotency-Key", idempotencyKey);
            }
            // values go into JSON strings: escaped, so a quote in a name cannot change the document
            String body = call.body() == null ? null : Template.expand(call.body(),
                    n -> jsonEscaped(value(n, each)));
            // a task's answers are written in its data folder (personal data); a check's are small, in memory
            Answer answer = new HttpCall(method, url, headers, body).send(camel.get(),
                    HttpCall.endpoint(connector.baseUrl(), timeout()), limits.apply(connector.name()),
                    task == null ? null : task.dataDir(), what);
            pace.note(connector, answer);
            return answer;
        }

        /** Logs in once per run: the processor hands out a session token for the calls that follow. */
        private String session(ConnectorDefinition.Auth auth) {
            if (sessionToken == null) {
                Step login = Step.call("login", auth.login());
                try (Answer answer = send(login, auth.login(), url(auth.login(), null, Map.of()), null, null, false)) {
                    if (answer.status() == 401 || answer.status() == 403) {
                        throw new PermanentFailure(connector.name() + " login: HTTP " + answer.status() + answer.errorTitle());
                    }
                    failUnlessOk(login, answer);
                    List<JsonNode> token = read(parse(login, answer), auth.tokenPath());
                    if (token.isEmpty() || token.get(0).asText().isEmpty()) {
                        throw new PermanentFailure(connector.name() + " login: no token at " + auth.tokenPath());
                    }
                    sessionToken = token.get(0).asText();
                }
            }
            return sessionToken;
        }

        private Duration timeout() {
            String t = connector.definition().http().timeout();
            if (t == null) {
                return Duration.ofSeconds(30);
            }
            return Duration.parse("PT" + t.toUpperCase(Locale.ROOT));
        }

        private String authHeader() {
            ConnectorDefinition.Auth auth = connector.definition().http().auth();
            return auth != null && auth.header() != null ? auth.header() : "Authorization";
        }

        private Optional<String> authorization() {
            ConnectorDefinition.Auth auth = connector.definition().http().auth();
            if (auth == null || "none".equals(auth.type())) {
                return Optional.empty();
            }
            if ("bearer".equals(auth.type())) {
                return Optional.of("Bearer " + expand(auth.token(), null));
            }
            if ("session".equals(auth.type())) {
                return Optional.of((auth.prefix() == null ? "" : auth.prefix()) + session(auth));
            }
            String pair = expand(auth.username(), null) + ":" + expand(auth.password(), null);
            return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }

        String url(Call call, String each, Map<String, String> extraQuery) {
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

        // ---- answers

        private void failUnlessOk(Step step, Answer answer) {
            if (answer.ok()) {
                return;
            }
            String what = connector.name() + " step " + step.id() + ": HTTP " + answer.status() + answer.errorTitle();
            if (answer.isTransient()) {
                throw new TransientFailure(what, answer.retryAfter(clock));
            }
            throw new PermanentFailure(what);
        }

        private JsonNode parse(Step step, Answer answer) {
            if (answer.body().size() == 0) {
                return json.nullNode();
            }
            try (InputStream in = answer.body().open()) {
                return json.readTree(in);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new PermanentFailure(connector.name() + " step " + step.id() + ": answer is not JSON");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot read " + connector.name() + "'s answer to step " + step.id(), e);
            }
        }

        private JsonNode select(Step step, JsonNode body, String each) {
            ConnectorDefinition.Select sel = step.select();
            if (sel == null) {
                return body;
            }
            String wanted = expand(sel.equals(), each);
            boolean ignoreCase = sel.ignoreCase() == null || sel.ignoreCase();
            ArrayNode out = json.createArrayNode();
            for (JsonNode item : sel.itemsPath() == null ? List.of(body) : read(body, sel.itemsPath())) {
                Iterable<JsonNode> items = item.isArray() ? item : List.of(item);
                for (JsonNode i : items) {
                    JsonNode v = i.at("/" + sel.field().replace('.', '/'));
                    if (v.isValueNode() && (ignoreCase ? v.asText().equalsIgnoreCase(wanted) : v.asText().equals(wanted))) {
                        out.add(i);
                    }
                }
            }
            return out;
        }

        private boolean isEmpty(JsonNode n) {
            return n == null || n.isNull() || n.isMissingNode() || (n.isContainerNode() && n.isEmpty());
        }

        /** @param pairedWith null, or the step's {@code each} that the picked values only make sense with */
        private void pick(String name, String path, JsonNode body, String pairedWith) {
            for (JsonNode v : read(body, path)) {
                flatten(v).forEach(s -> vars.computeIfAbsent(name, k -> new LinkedHashSet<>())
                        .add(pairedWith == null ? s : Tuple.of(pairedWith, s)));
            }
        }

        private List<String> flatten(JsonNode v) {
            if (v.isArray()) {
                List<String> out = new ArrayList<>();
                v.forEach(x -> out.addAll(flatten(x)));
                return out;
            }
            return v.isValueNode() && !v.isNull() && !v.asText().isEmpty() ? List.of(v.asText()) : List.of();
        }

        private List<JsonNode> read(JsonNode body, String path) {
            Object r = JsonPath.using(JSON_PATH).parse(body).read(path);
            List<JsonNode> out = new ArrayList<>();
            if (r instanceof ArrayNode arr) {
                arr.forEach(out::add);
            } else if (r instanceof JsonNode n) {
                out.add(n);
            }
            return out;
        }

        /** An erasure's answers were read to temporary files, each deleted when read: the folder they used goes too. */
        private void removeEmptyDataDir() {
            try {
                java.nio.file.Files.deleteIfExists(task.dataDir());
            } catch (java.nio.file.DirectoryNotEmptyException kept) {
                // the officer's settled-by-hand files
            } catch (IOException e) {
                LOG.debug("{}: its empty data folder stays ({})", connector.name(), e.getClass().getSimpleName());
            }
        }

        // ---- templates

        private String expand(String template, String each) {
            return Template.expand(template, n -> value(n, each));
        }

        private String value(String name, String each) {
            if (task == null && name.startsWith("subject.")) {
                return null;
            }
            String email = task == null ? null : task.request().subject().email();
            return switch (name) {
                case "subject.email" -> email;
                case "subject.emailHash" -> md5(email.trim().toLowerCase(Locale.ROOT));
                case "subject.name" -> task.request().subject().name();
                case "each" -> each;
                default -> {
                    if (name.startsWith("each[")) {
                        yield Tuple.part(each, name);
                    }
                    if (name.startsWith("yearsAgo.") || name.startsWith("fiscalYearsAgo.")) {
                        yield stillHeld.dateTemplate(name);
                    }
                    if (name.startsWith("settings.")) {
                        yield connector.settings().get(name.substring("settings.".length()));
                    }
                    String key = name.startsWith("id.") ? name.substring(3) : name;
                    Set<String> values = vars.get(key);
                    yield values == null || values.isEmpty() ? null : values.iterator().next();
                }
            };
        }
    }

    private static String jsonEscaped(String v) {
        return v == null ? null : new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(v));
    }

    static String pathAndQuery(String url) {
        URI u = URI.create(url);
        return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    static String safeFileName(String s) {
        String cleaned = s.replaceAll("[^A-Za-z0-9._-]", "_");
        return cleaned.isEmpty() || cleaned.startsWith(".") ? "_" + cleaned : cleaned;
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
