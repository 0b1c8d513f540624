package nl.dsrhub.request;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Turns the bytes of a request file into a Jackson tree: JSON for {@code .json}, YAML for
 * {@code .yaml}/{@code .yml}. Request files are hostile input, so the parser checks the size before
 * parsing, accepts only UTF-8 text, limits nesting depth, rejects duplicate keys, YAML anchors and
 * aliases, multi-document YAML and anything but a single object at the top.
 * <p>
 * It never throws for bad input: every failure is a {@link Problem}, and messages never quote the
 * file's content (it may be personal data).
 */
public final class RequestParser {

    public static final long DEFAULT_MAX_BYTES = 1024 * 1024;
    public static final int DEFAULT_MAX_DEPTH = 20;
    /** Kept small: a request file has no use for aliases, and the parser rejects them anyway. */
    static final int MAX_YAML_ALIASES = 10;

    /** Outcome of parsing: a document (always a JSON object) or the problems that prevented one. */
    public record Result(JsonNode document, List<Problem> problems) {
        public Result {
            problems = problems == null ? List.of() : List.copyOf(problems);
        }

        public boolean ok() {
            return document != null && problems.isEmpty();
        }

        static Result of(JsonNode document) {
            return new Result(document, List.of());
        }

        static Result problem(String pointer, String message) {
            return new Result(null, List.of(new Problem(pointer, message)));
        }
    }

    private enum Format { JSON, YAML }

    private final long maxBytes;
    private final int maxDepth;
    private final ObjectMapper json;
    private final ObjectMapper yaml;
    private final ParseProblems problems;

    public RequestParser() {
        this(DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH);
    }

    public RequestParser(long maxBytes) {
        this(maxBytes, DEFAULT_MAX_DEPTH);
    }

    public RequestParser(long maxBytes, int maxDepth) {
        if (maxBytes <= 0 || maxDepth <= 0) {
            throw new IllegalArgumentException("maxBytes and maxDepth must be positive");
        }
        this.maxBytes = maxBytes;
        this.maxDepth = maxDepth;
        this.problems = new ParseProblems(maxBytes, maxDepth);
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(maxDepth)
                .maxStringLength((int) Math.min(Integer.MAX_VALUE, maxBytes))
                .maxNumberLength(100)
                .maxNameLength((int) Math.min(50_000, maxBytes))
                .build();

        JsonFactory jsonFactory = JsonFactory.builder()
                .streamReadConstraints(constraints)
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.json = configure(new ObjectMapper(jsonFactory));

        LoaderOptions loader = new LoaderOptions();
        loader.setMaxAliasesForCollections(MAX_YAML_ALIASES);
        loader.setAllowDuplicateKeys(false);
        loader.setNestingDepthLimit(maxDepth);
        loader.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, maxBytes));
        loader.setAllowRecursiveKeys(false);
        YAMLFactory yamlFactory = YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(constraints)
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.yaml = configure(new ObjectMapper(yamlFactory));
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public long maxBytes() {
        return maxBytes;
    }

    public int maxDepth() {
        return maxDepth;
    }

    /**
     * Parses one request file.
     *
     * @param fileName decides the format by its extension (case-insensitive); may be hostile, only its base name is used
     * @param content  the raw bytes
     */
    public Result parse(String fileName, byte[] content) {
        try {
            return parseUnsafe(fileName, content);
        } catch (RuntimeException | StackOverflowError e) {
            return Result.problem("", "could not be read as a request file (" + e.getClass().getSimpleName() + ")");
        }
    }

    private Result parseUnsafe(String fileName, byte[] content) {
        Format format = formatOf(fileName);
        if (format == null) {
            return Result.problem("", "file name must end in .json, .yaml or .yml");
        }
        if (content == null || content.length == 0) {
            return Result.problem("", "the file is empty");
        }
        if (content.length > maxBytes) {
            return Result.problem("", "the file is too large: " + content.length + " bytes, the limit is " + maxBytes + " bytes");
        }
        RequestFileText.Decoded decoded = RequestFileText.decode(content);
        if (decoded.problem() != null) {
            return Result.problem("", decoded.problem());
        }
        String text = decoded.text();
        if (text.isBlank()) {
            return Result.problem("", "the file is empty");
        }
        return format == Format.JSON ? parseJson(text) : parseYaml(text);
    }

    private Result parseJson(String text) {
        try {
            JsonNode node = json.readTree(text);
            return requireObject(node, "JSON");
        } catch (JsonProcessingException e) {
            return problems.fromJackson(e, "JSON");
        }
    }

    private Result parseYaml(String text) {
        try (JsonParser parser = new NoAliasYamlParser(yaml.createParser(text))) {
            JsonNode node = yaml.readTree(parser);
            if (node == null || node.isMissingNode()) {
                return Result.problem("", "the file is empty");
            }
            if (parser.nextToken() != null) {
                return Result.problem("", "contains more than one YAML document; a request file holds exactly one");
            }
            return requireObject(node, "YAML");
        } catch (JsonProcessingException e) {
            return problems.fromJackson(e, "YAML");
        } catch (IOException e) {
            return Result.problem("", "could not be read as YAML");
        } catch (RuntimeException e) {
            // SnakeYAML's own exceptions (limits, scanner errors) may escape unwrapped
            return problems.fromYamlRuntime(e);
        }
    }

    private static Result requireObject(JsonNode node, String format) {
        if (node == null || node.isMissingNode() || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            return Result.problem("", "the file is empty");
        }
        if (!node.isObject()) {
            String found = node.isArray() ? "a list" : "a single value";
            return Result.problem("", "the document must be one " + ("YAML".equals(format) ? "mapping" : "object")
                    + " with the request's fields, found " + found);
        }
        return Result.of(node);
    }

    private static Format formatOf(String fileName) {
        if (fileName == null) {
            return null;
        }
        String name = RequestValidator.safeFileName(fileName).toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return Format.JSON;
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return Format.YAML;
        }
        return null;
    }

}
