package nl.dsrhub.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.dsrhub.model.Deadlines;
import nl.dsrhub.model.Delivery;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.model.Representative;
import nl.dsrhub.model.Subject;
import nl.dsrhub.model.Verification;

/**
 * Decides whether a request file is a valid, verified data-subject request: parse, JSON schema
 * ({@code schema/dsr-request.schema.json}), {@link VerificationPolicy}, known connector names.
 * Reports every problem with its JSON pointer, never echoing field values (they may be personal data).
 */
public final class RequestValidator {

    /** Classpath location of the request file's JSON schema. */
    public static final String SCHEMA_RESOURCE = "/schema/dsr-request.schema.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNode SCHEMA_NODE = loadSchemaNode();
    private static final JsonSchema SCHEMA = loadSchema(SCHEMA_NODE);
    private static final int MAX_FILE_NAME = 200;

    private final RequestParser parser;
    private final VerificationPolicy policy;
    private final Set<String> knownConnectors;
    private final Deadlines deadlines;

    /**
     * @param knownConnectors names of the configured connectors; names in {@code processors} must be among them
     */
    public RequestValidator(RequestParser parser, Clock clock, Set<String> knownConnectors) {
        this(parser, clock, knownConnectors, Deadlines.law());
    }

    /** @param deadlines the shop's term, for the deadline a valid request is given */
    public RequestValidator(RequestParser parser, Clock clock, Set<String> knownConnectors, Deadlines deadlines) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.policy = new VerificationPolicy(Objects.requireNonNull(clock, "clock"));
        this.knownConnectors = Set.copyOf(knownConnectors);
        this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
    }

    /** The request file's JSON schema, e.g. for documentation or other tools. */
    public static JsonNode schema() {
        return SCHEMA_NODE.deepCopy();
    }

    /** Parses and validates a request file. Never throws for bad input. */
    public Validation validate(String fileName, byte[] content) {
        String name = safeFileName(fileName);
        RequestParser.Result parsed = parser.parse(fileName, content);
        if (!parsed.ok()) {
            return new Validation(name, null, sorted(parsed.problems()));
        }
        return validate(fileName, parsed.document());
    }

    /** Validates an already parsed request document. Never throws for bad input. */
    public Validation validate(String fileName, JsonNode doc) {
        String name = safeFileName(fileName);
        if (doc == null || !doc.isObject()) {
            return new Validation(name, null, List.of(new Problem("", "the request must be one object with the request's fields")));
        }
        // a copy of an ID document gets its own message, not the schema's "not an allowed field" at the same place
        List<Problem> problems = new ArrayList<>(DocumentCopies.check(doc));
        Set<String> copies = problems.stream().map(Problem::pointer).collect(Collectors.toSet());
        try {
            schemaProblems(doc).stream().filter(p -> !copies.contains(p.pointer())).forEach(problems::add);
        } catch (RuntimeException e) {
            problems.add(new Problem("", "could not be checked against the request schema"));
        }
        // policy problems at a pointer the schema already flagged would only repeat it
        Set<String> flagged = problems.stream().map(Problem::pointer).collect(Collectors.toSet());
        for (Problem p : policy.check(doc)) {
            if (!flagged.contains(p.pointer())) {
                problems.add(p);
            }
        }
        problems.addAll(connectorProblems(doc, flagged));
        if (!problems.isEmpty()) {
            return new Validation(name, null, sorted(problems));
        }
        return new Validation(name, toRequest(doc, name), List.of());
    }

    /**
     * The base name of a (possibly hostile) file name: no directories, no control or invisible
     * formatting characters, at most 200 characters; {@code "unnamed"} when nothing is left.
     */
    public static String safeFileName(String fileName) {
        if (fileName == null) {
            return "unnamed";
        }
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        String base = fileName.substring(slash + 1);
        StringBuilder sb = new StringBuilder(base.length());
        base.codePoints()
                .filter(cp -> !Character.isISOControl(cp))
                .filter(cp -> Character.getType(cp) != Character.FORMAT)   // e.g. right-to-left override
                .filter(cp -> Character.getType(cp) != Character.UNASSIGNED)
                .filter(cp -> cp != ':')                                       // Windows drive letters, streams
                .forEach(sb::appendCodePoint);
        String clean = sb.toString().strip();
        while (clean.startsWith(".")) {
            clean = clean.substring(1); // no "..", no hidden files
        }
        if (clean.length() > MAX_FILE_NAME) {
            int dot = clean.lastIndexOf('.');
            String ext = dot > 0 && clean.length() - dot <= 10 ? clean.substring(dot) : "";
            clean = clean.substring(0, MAX_FILE_NAME - ext.length()) + ext;
        }
        return clean.isEmpty() ? "unnamed" : clean;
    }

    /**
     * SHA-256 (hex) of the document's canonical form: object keys sorted recursively, compact JSON.
     * The same request as JSON or YAML, or with its keys in another order, has the same fingerprint.
     */
    public static String fingerprint(JsonNode doc) {
        try {
            byte[] canonical = MAPPER.writeValueAsBytes(canonical(doc));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            node.fields().forEachRemaining(e -> sorted.put(e.getKey(), canonical(e.getValue())));
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            sorted.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            var out = JsonNodeFactory.instance.arrayNode();
            node.forEach(child -> out.add(canonical(child)));
            return out;
        }
        return node;
    }

    /** Orders problems by JSON pointer, segment by segment, array indexes numerically. */
    public static final Comparator<Problem> POINTER_ORDER = (a, b) -> comparePointers(a.pointer(), b.pointer());

    private static List<Problem> sorted(List<Problem> problems) {
        List<Problem> out = new ArrayList<>(new java.util.LinkedHashSet<>(problems));
        out.sort(POINTER_ORDER);
        return out;
    }

    static int comparePointers(String a, String b) {
        String[] as = a.isEmpty() ? new String[0] : a.substring(1).split("/", -1);
        String[] bs = b.isEmpty() ? new String[0] : b.substring(1).split("/", -1);
        for (int i = 0; i < Math.min(as.length, bs.length); i++) {
            int c;
            if (as[i].matches("\\d{1,9}") && bs[i].matches("\\d{1,9}")) {
                c = Integer.compare(Integer.parseInt(as[i]), Integer.parseInt(bs[i]));
            } else {
                c = as[i].compareTo(bs[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(as.length, bs.length);
    }

    // ---------------------------------------------------------------- schema

    private static List<Problem> schemaProblems(JsonNode doc) {
        Set<ValidationMessage> messages = SCHEMA.validate(doc);
        List<Problem> problems = new ArrayList<>();
        for (ValidationMessage m : messages) {
            Problem p = SchemaMessages.toProblem(m, SCHEMA_NODE);
            if (p != null) {
                problems.add(p);
            }
        }
        problems.sort(POINTER_ORDER);
        return problems;
    }

    private List<Problem> connectorProblems(JsonNode doc, Set<String> flagged) {
        List<Problem> problems = new ArrayList<>();
        JsonNode processors = doc.path("processors");
        if (processors.isArray()) {
            for (int i = 0; i < processors.size(); i++) {
                JsonNode item = processors.get(i);
                String pointer = "/processors/" + i;
                if (item.isTextual() && !flagged.contains(pointer) && !knownConnectors.contains(item.asText())) {
                    problems.add(new Problem(pointer, "is not a configured connector; known connectors: "
                            + (knownConnectors.isEmpty() ? "(none)" : String.join(", ", new java.util.TreeSet<>(knownConnectors)))));
                }
            }
        }
        return problems;
    }

    // ---------------------------------------------------------------- building the request

    private DsrRequest toRequest(JsonNode doc, String source) {
        OffsetDateTime receivedAt = VerificationPolicy.parseDateTime(doc.get("receivedAt").asText()).orElseThrow();
        JsonNode s = doc.get("subject");
        Map<String, String> identifiers = new LinkedHashMap<>();
        s.path("identifiers").fields().forEachRemaining(e -> identifiers.put(e.getKey(), e.getValue().asText()));
        Subject subject = new Subject(s.get("email").asText(), text(s, "name"), identifiers);
        JsonNode v = doc.get("verification");
        Verification verification = new Verification(v.get("method").asText(), v.get("verifiedBy").asText(),
                VerificationPolicy.parseDateTime(v.get("verifiedAt").asText()).orElseThrow());
        Delivery delivery = doc.has("delivery") ? new Delivery(doc.get("delivery").get("email").asText()) : null;
        List<String> processors = new ArrayList<>();
        JsonNode p = doc.path("processors");
        if (p.isArray()) {
            p.forEach(n -> processors.add(n.asText()));
        }
        return new DsrRequest(null, RequestType.fromWire(doc.get("type").asText()), receivedAt,
                Deadlines.endOf(deadlines.dueDate(receivedAt)), subject, verification, delivery, processors,
                text(doc, "reference"), source, fingerprint(doc), representative(doc.get("representative")),
                ParticularsReader.read(doc));
    }

    private static Representative representative(JsonNode r) {
        return r == null ? null : new Representative(r.get("name").asText(), r.get("email").asText(), r.get("capacity").asText(),
                r.get("authorityCheckedBy").asText(),
                VerificationPolicy.parseDateTime(r.get("authorityCheckedAt").asText()).orElseThrow(), r.get("authorityEvidence").asText());
    }

    private static String text(JsonNode node, String field) {
        JsonNode n = node.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static JsonNode loadSchemaNode() {
        try (InputStream in = RequestValidator.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("request schema missing from the classpath: " + SCHEMA_RESOURCE);
            }
            return MAPPER.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SCHEMA_RESOURCE, e);
        }
    }

    private static JsonSchema loadSchema(JsonNode node) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .failFast(false)
                .build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node, config);
    }
}
