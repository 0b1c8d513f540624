package nl.dsrhub.request;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

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

    /** Single-quoted fragments of parser messages longer than one character may be file content. */
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
    /** What a quoted fragment may show: one character, an escape such as \t, or a JSON keyword. */
    private static final Pattern HARMLESS = Pattern.compile(".|\\\\.|null|true|false", Pattern.DOTALL);

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
        if (content.length >= 2 && ((content[0] == (byte) 0xFE && content[1] == (byte) 0xFF)
                || (content[0] == (byte) 0xFF && content[1] == (byte) 0xFE))) {
            return Result.problem("", "the file is UTF-16 encoded; save it as UTF-8 text");
        }
        String control = findControlCharacter(content);
        if (control != null) {
            return Result.problem("", "contains binary data (" + control + "); a request file must be UTF-8 text");
        }
        String text;
        try {
            text = decodeUtf8(content);
        } catch (MalformedInputException e) {
            return Result.problem("", "is not UTF-8 text: invalid byte sequence near byte " + firstInvalidUtf8(content)
                    + "; save the file as UTF-8");
        } catch (CharacterCodingException e) {
            return Result.problem("", "is not UTF-8 text; save the file as UTF-8");
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1); // a UTF-8 byte order mark is harmless
        }
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
            return fromJackson(e, "JSON");
        }
    }

    private Result parseYaml(String text) {
        try (JsonParser parser = new NoAliasParser(yaml.createParser(text))) {
            JsonNode node = yaml.readTree(parser);
            if (node == null || node.isMissingNode()) {
                return Result.problem("", "the file is empty");
            }
            if (parser.nextToken() != null) {
                return Result.problem("", "contains more than one YAML document; a request file holds exactly one");
            }
            return requireObject(node, "YAML");
        } catch (JsonProcessingException e) {
            return fromJackson(e, "YAML");
        } catch (IOException e) {
            return Result.problem("", "could not be read as YAML");
        } catch (RuntimeException e) {
            // SnakeYAML's own exceptions (limits, scanner errors) may escape unwrapped
            return fromYamlRuntime(e);
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

    private Result fromJackson(JsonProcessingException e, String format) {
        if (e instanceof StreamConstraintsException || hasCause(e, StreamConstraintsException.class)) {
            String msg = String.valueOf(e.getOriginalMessage());
            if (msg.contains("nesting depth") || msg.contains("Nesting depth")) {
                return Result.problem("", "is nested too deeply: more than " + maxDepth + " levels");
            }
            return Result.problem("", "exceeds a size limit of the " + format + " reader");
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException marked) {
                return fromMarked(marked);
            }
        }
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (original.startsWith("Duplicate field") || original.startsWith("Duplicate Object property")) {
            String pointer = "";
            if (e.getProcessor() instanceof JsonParser p) {
                pointer = p.getParsingContext().pathAsPointer().toString();
            }
            return Result.problem(pointer, "duplicate key" + where(e.getLocation()) + "; each key may appear only once");
        }
        if (original.startsWith(ALIAS_MESSAGE)) {
            return Result.problem("", "uses " + ALIAS_NOTE + where(e.getLocation()) + "; " + ALIAS_MESSAGE);
        }
        if (original.startsWith("Trailing token") && "YAML".equals(format)) {
            return Result.problem("", "contains more than one YAML document" + where(e.getLocation()) + "; a request file holds exactly one");
        }
        if (original.startsWith("Trailing token")) {
            return Result.problem("", "has content after the end of the " + format + " document" + where(e.getLocation()));
        }
        if (e instanceof JsonParseException || "YAML".equals(format)) {
            return Result.problem("", "is not valid " + format + ": " + redact(original) + where(e.getLocation()));
        }
        return Result.problem("", "could not be read as " + format + where(e.getLocation()));
    }

    private Result fromYamlRuntime(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException marked) {
                return fromMarked(marked);
            }
        }
        String msg = String.valueOf(e.getMessage());
        if (msg.contains("exceeds the limit")) {
            return Result.problem("", "the file is too large for the YAML reader (limit " + maxBytes + " characters)");
        }
        if (msg.toLowerCase(Locale.ROOT).contains("nesting depth")) {
            return Result.problem("", "is nested too deeply: more than " + maxDepth + " levels");
        }
        return Result.problem("", "is not valid YAML");
    }

    private static Result fromMarked(MarkedYAMLException e) {
        Mark mark = e.getProblemMark();
        String where = mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
        String problem = e.getProblem() == null ? "syntax error" : redact(e.getProblem());
        if (problem.contains("duplicate key")) {
            return Result.problem("", "duplicate key" + where + "; each key may appear only once");
        }
        return Result.problem("", "is not valid YAML: " + problem + where);
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Parser messages may quote tokens of the file: keep single characters, hide anything longer. */
    static String redact(String message) {
        String first = message.lines().findFirst().orElse("syntax error").trim();
        String redacted = QUOTED.matcher(first).replaceAll(m -> {
            String quoted = m.group();
            String inner = quoted.substring(1, quoted.length() - 1);
            return java.util.regex.Matcher.quoteReplacement(HARMLESS.matcher(inner).matches() ? quoted : quoted.charAt(0) + "…" + quoted.charAt(0));
        });
        if (redacted.length() > 160) {
            redacted = redacted.substring(0, 160) + "…";
        }
        return redacted;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
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

    private static String decodeUtf8(byte[] content) throws CharacterCodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return decoder.decode(ByteBuffer.wrap(content)).toString();
    }

    private static int firstInvalidUtf8(byte[] content) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(content.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    /**
     * C0 control characters other than tab, LF and CR (and DEL) mean binary data. Checked on the bytes:
     * in UTF-8 these bytes never occur inside a multi-byte sequence.
     */
    private static String findControlCharacter(byte[] content) {
        int line = 1;
        int column = 1;
        for (byte b : content) {
            int c = b & 0xFF;
            if (c == '\n') {
                line++;
                column = 1;
                continue;
            }
            if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7F) {
                String what = c == 0 ? "a NUL byte" : String.format("control character 0x%02X", c);
                return what + " at line " + line + ", column " + column;
            }
            column++;
        }
        return null;
    }

    /** Rejects YAML anchors and aliases: request files need neither, and they are the stuff of alias bombs. */
    private static final String ALIAS_MESSAGE = "anchors and aliases are not allowed in a request file";
    private static final String ALIAS_NOTE = "a YAML anchor or alias (& or *)";

    private static final class NoAliasParser extends JsonParserDelegate {
        NoAliasParser(JsonParser delegate) {
            super(delegate);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            return check(super.nextToken());
        }

        @Override
        public JsonToken nextValue() throws IOException {
            return check(super.nextValue());
        }

        // the delegate's nextXxx shortcuts would bypass nextToken(): route them all through it
        @Override
        public String nextFieldName() throws IOException {
            return nextToken() == JsonToken.FIELD_NAME ? currentName() : null;
        }

        @Override
        public boolean nextFieldName(com.fasterxml.jackson.core.SerializableString str) throws IOException {
            return nextToken() == JsonToken.FIELD_NAME && str.getValue().equals(currentName());
        }

        @Override
        public String nextTextValue() throws IOException {
            return nextToken() == JsonToken.VALUE_STRING ? getText() : null;
        }

        @Override
        public int nextIntValue(int defaultValue) throws IOException {
            return nextToken() == JsonToken.VALUE_NUMBER_INT ? getIntValue() : defaultValue;
        }

        @Override
        public long nextLongValue(long defaultValue) throws IOException {
            return nextToken() == JsonToken.VALUE_NUMBER_INT ? getLongValue() : defaultValue;
        }

        @Override
        public Boolean nextBooleanValue() throws IOException {
            JsonToken t = nextToken();
            return t == JsonToken.VALUE_TRUE ? Boolean.TRUE : t == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
        }

        private JsonToken check(JsonToken token) throws JsonParseException {
            if (delegate instanceof YAMLParser y && (y.isCurrentAlias() || y.getCurrentAnchor() != null)) {
                throw new JsonParseException(this, ALIAS_MESSAGE);
            }
            return token;
        }
    }
}
