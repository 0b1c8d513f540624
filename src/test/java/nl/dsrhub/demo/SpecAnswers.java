package nl.dsrhub.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A processor that answers every call with what its published spec allows, and nothing the simulator would
 * add: for the operation the call matches, its first 2xx answer, made from the answer's schema. With
 * {@link Answers#EXAMPLES} every field is there, with the spec's example or, without one, the plainest value of
 * its type (ids {@code "string"}, numbers 0), lists holding one item; with {@link Answers#MINIMAL} only the
 * required fields, and every list empty. Every link ({@code href}, such as a next page's
 * {@code _links.next.href}) is an absolute URL of this server, as a processor's links are of the processor: the
 * same path with {@code ?cursor=next}, so a list's next page links to itself; other URLs of the spec's server are
 * moved to this one. Calls to paths the spec does not have are answered 404. Every call is recorded ({@link #calls()}), so what the hub sent
 * and what it was answered can be checked against the same spec.
 */
public final class SpecAnswers extends SimulatorServer {

    /** Which instance of each answer's schema is sent. */
    public enum Answers { EXAMPLES, MINIMAL }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int DEPTH = 12;

    private record Route(String method, Pattern path, int literalLength, Operation operation, Spec spec) {
    }

    private record Spec(OpenAPI api, String origin) {
    }

    private final List<Route> routes = new ArrayList<>();
    private volatile Answers answers;

    /**
     * @param basePath  the path the connector's base URL ends in (e.g. {@code /3.0}); calls outside it are 404
     * @param specFiles files in {@code ../shared/specs}; each spec's paths are served under its server's path
     */
    public SpecAnswers(String name, String basePath, Answers answers, String... specFiles) {
        super(name, basePath);
        this.answers = answers;
        for (String file : specFiles) {
            load(file);
        }
        routes.sort(Comparator.comparingInt((Route r) -> -r.literalLength()));
    }

    @Override
    public SpecAnswers start() {
        super.start();
        return this;
    }

    /** From now on, answers of this kind. */
    public void answer(Answers answers) {
        this.answers = answers;
    }

    private void load(String file) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        OpenAPI api;
        // one spec parse at a time in the JVM, as ContractCalls builds its validators: the parser's reference
        // resolution keeps shared state, and a validator built while another parse ran came out broken
        synchronized (ContractCalls.class) {
            api = new OpenAPIParser().readLocation("file:" + ContractCalls.spec(file), null, options).getOpenAPI();
        }
        URI server = URI.create(api.getServers() == null || api.getServers().isEmpty() ? "/" : api.getServers().get(0).getUrl());
        String serverPath = server.getPath() == null || server.getPath().equals("/") ? "" : server.getPath();
        Spec spec = new Spec(api, server.getScheme() == null ? "" : server.getScheme() + "://" + server.getAuthority());
        api.getPaths().forEach((template, item) -> item.readOperationsMap().forEach((method, op) -> {
            String full = serverPath + template;
            Pattern regex = Pattern.compile(Pattern.quote(full).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"));
            routes.add(new Route(method.name(), regex, full.replaceAll("\\{[^}]+}", "").length(), op, spec));
        }));
    }

    /**
     * Fails unless every call's request and answer conform to the spec, by the connector's own contract check.
     * One kind of message is dropped: a field "not allowed" by one member of an {@code allOf} (and the
     * {@code allOf} message with no other reason). The validator closes each member, so a field declared in
     * another member is reported (see {@code MollieContract}); these answers only ever hold declared fields. Inside
     * such an {@code allOf}, a {@code oneOf} every alternative of which matched is the validator not seeing
     * OpenAPI 3.1 types, as {@code MollieContract} explains for {@code metadata}.
     */
    public static void assertConforms(String api, List<RecordedCall> calls,
                                      java.util.function.Function<RecordedCall, ValidationReport> validate) {
        ContractCalls.assertConforms(api, calls, call -> ValidationReport.from(validate.apply(call).getMessages()
                .stream().filter(m -> !isClosedAllOfMember(m)).toList()));
    }

    private static boolean isClosedAllOfMember(ValidationReport.Message m) {
        String schema = m.getContext().flatMap(ValidationReport.MessageContext::getPointers)
                .map(ValidationReport.MessageContext.Pointers::getSchema).orElse("");
        return switch (m.getKey()) {
            case "validation.response.body.schema.additionalProperties" -> schema.matches(".*/allOf/\\d+");
            case "validation.response.body.schema.allOf" -> m.getNestedMessages().stream()
                    .allMatch(n -> isClosedAllOfMember(n) || n.getKey().equals("validation.response.body.schema.oneOf")
                            && n.getMessage().matches("(?s).*matched (\\d+) out of \\1\\b.*"));
            default -> false;
        };
    }

    @Override
    protected Optional<Response> authenticate(Request request) {
        return Optional.empty();
    }

    @Override
    protected Response route(Request req) {
        Optional<Route> route = routes.stream()
                .filter(r -> r.method().equals(req.method()) && r.path().matcher(req.path()).matches()).findFirst();
        if (route.isEmpty()) {
            return noRoute(req);
        }
        Map.Entry<String, ApiResponse> ok = route.get().operation().getResponses().entrySet().stream()
                .filter(e -> e.getKey().startsWith("2")).min(Map.Entry.comparingByKey())
                .orElseThrow(() -> new IllegalStateException("no 2xx answer for " + req.method() + " " + req.path()));
        int status = Integer.parseInt(ok.getKey());
        Content content = ok.getValue().getContent();
        if (content == null || content.isEmpty() || status == 204) {
            return Response.empty(status);
        }
        Map.Entry<String, MediaType> media = content.entrySet().iterator().next();
        JsonNode body = instance(new Call(route.get().spec(), req.path()), media.getValue().getSchema(), null, 0);
        return Response.of(status, media.getKey(), toJson(body));
    }

    @Override
    protected Response error(int status, String detail, Request request) {
        ObjectNode n = NODES.objectNode().put("status", status).put("title", "Error").put("detail", detail);
        return Response.of(status, "application/json", toJson(n));
    }

    @Override
    protected Response noRoute(Request request) {
        return error(404, "Not found.", request);
    }

    // ---- instances of a schema

    /** What an instance is made for: the spec (for its refs and server) and the call (for links). */
    private record Call(Spec spec, String path) {
    }

    private JsonNode instance(Call call, Schema<?> schema, String name, int depth) {
        Schema<?> s = resolve(call.spec(), schema);
        if (s == null || depth > DEPTH) {
            return NODES.nullNode();
        }
        if (s.getAllOf() != null && !s.getAllOf().isEmpty()) {
            // a scalar described by parts (an id: allOf [$ref customerToken]) is its first scalar part
            for (Schema<?> part : s.getAllOf()) {
                Schema<?> r = resolve(call.spec(), part);
                if (r != null && r.getAllOf() == null && r.getProperties() == null && !"object".equals(typeOf(r))) {
                    return instance(call, r, name, depth + 1);
                }
            }
            return object(call, s, depth);
        }
        List<Schema> alternatives = s.getOneOf() != null && !s.getOneOf().isEmpty() ? s.getOneOf() : s.getAnyOf();
        if (alternatives != null && !alternatives.isEmpty()) {
            // the first alternative that is not null
            Schema<?> first = alternatives.stream().filter(a -> !"null".equals(typeOf(resolve(call.spec(), a))))
                    .findFirst().orElse(alternatives.get(0));
            return instance(call, first, name, depth + 1);
        }
        String type = typeOf(s);
        if ("object".equals(type) || type == null && s.getProperties() != null) {
            return object(call, s, depth);
        }
        if ("array".equals(type)) {
            ArrayNode a = NODES.arrayNode();
            int n = answers == Answers.EXAMPLES ? Math.max(1, s.getMinItems() == null ? 1 : s.getMinItems())
                    : s.getMinItems() == null ? 0 : s.getMinItems();
            for (int i = 0; i < n && s.getItems() != null; i++) {
                a.add(instance(call, s.getItems(), name, depth + 1));
            }
            return a;
        }
        if ("href".equals(name) && "string".equals(type)) {
            // a link the processor gives is an absolute URL of its own (the next page: another page of this list)
            return NODES.textNode("http://127.0.0.1:" + port() + call.path() + "?cursor=next");
        }
        return scalar(call.spec(), s, type);
    }

    /** The object's fields: all of them, or only the required ones, of the schema and of all its allOf parts. */
    private ObjectNode object(Call call, Schema<?> s, int depth) {
        Map<String, Schema> properties = new java.util.LinkedHashMap<>();
        java.util.Set<String> required = new java.util.HashSet<>();
        collect(call.spec(), s, properties, required, 0);
        ObjectNode o = NODES.objectNode();
        properties.forEach((name, p) -> {
            if (answers == Answers.EXAMPLES || required.contains(name)) {
                o.set(name, instance(call, p, name, depth + 1));
            }
        });
        return o;
    }

    private void collect(Spec spec, Schema<?> schema, Map<String, Schema> properties, java.util.Set<String> required,
                         int depth) {
        Schema<?> s = resolve(spec, schema);
        if (s == null || depth > DEPTH) {
            return;
        }
        if (s.getAllOf() != null) {
            s.getAllOf().forEach(part -> collect(spec, part, properties, required, depth + 1));
        }
        if (s.getProperties() != null) {
            properties.putAll(s.getProperties());
        }
        if (s.getRequired() != null) {
            required.addAll(s.getRequired());
        }
    }

    private JsonNode scalar(Spec spec, Schema<?> s, String type) {
        Object example = s.getConst() != null ? s.getConst()
                : s.getEnum() != null && !s.getEnum().isEmpty() ? s.getEnum().get(0)
                : s.getExample() != null ? s.getExample()
                : s.getExamples() != null && !s.getExamples().isEmpty() ? s.getExamples().get(0) : null;
        if (example != null && fits(example, type)) {
            JsonNode n = JSON.valueToTree(example);
            return n.isTextual() ? NODES.textNode(ownOrigin(spec, n.asText())) : n;
        }
        if (type == null) {
            return NODES.textNode("string");
        }
        String format = s.getFormat() == null ? "" : s.getFormat().toLowerCase(Locale.ROOT);
        if ("string".equals(type) && format.isEmpty()) {
            return NODES.textNode(sized("string", s.getMinLength(), s.getMaxLength()));
        }
        return switch (type) {
            case "integer" -> NODES.numberNode(s.getMinimum() == null ? 0 : s.getMinimum().longValue());
            case "number" -> NODES.numberNode(s.getMinimum() == null ? 0 : s.getMinimum().doubleValue());
            case "boolean" -> NODES.booleanNode(false);
            case "null" -> NODES.nullNode();
            default -> NODES.textNode(switch (format) {
                case "date-time" -> "2024-01-01T00:00:00+00:00";
                case "date" -> "2024-01-01";
                case "email" -> "someone@example.com";
                case "uri", "url" -> baseUrl() + "/";
                case "uuid" -> "00000000-0000-4000-8000-000000000000";
                default -> "string";
            });
        };
    }

    private static String sized(String text, Integer min, Integer max) {
        String out = max != null && text.length() > max ? text.substring(0, max) : text;
        return min != null && out.length() < min ? out + "x".repeat(min - out.length()) : out;
    }

    /** The spec's own server in a URL becomes this server: the processor's links point at the processor. */
    private String ownOrigin(Spec spec, String value) {
        return spec.origin().isEmpty() || !value.startsWith(spec.origin()) ? value
                : "http://127.0.0.1:" + port() + value.substring(spec.origin().length());
    }

    private static boolean fits(Object example, String type) {
        if (type == null) {
            return true;
        }
        return switch (type) {
            case "string" -> example instanceof String;
            case "integer" -> example instanceof Integer || example instanceof Long
                    || example instanceof java.math.BigInteger;
            case "number" -> example instanceof Number;
            case "boolean" -> example instanceof Boolean;
            default -> false;
        };
    }

    private static String typeOf(Schema<?> s) {
        if (s == null) {
            return null;
        }
        if (s.getType() != null) {
            return s.getType();
        }
        if (s.getTypes() != null) {
            return s.getTypes().stream().filter(t -> !t.equals("null")).findFirst()
                    .orElse(s.getTypes().isEmpty() ? null : "null");
        }
        return null;
    }

    private static Schema<?> resolve(Spec spec, Schema<?> s) {
        Schema<?> at = s;
        for (int i = 0; at != null && at.get$ref() != null && i < 10; i++) {
            String ref = at.get$ref();
            at = spec.api().getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return at;
    }
}
