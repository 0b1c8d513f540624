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
import java.util.ArrayList;
import java.util.List;

/** Reading a processor's JSON answers: parsed once, JSON paths always read as a list, values flattened. */
final class AnswerJson {

    private static final Configuration JSON_PATH = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider())
            .mappingProvider(new JacksonMappingProvider())
            .options(Option.ALWAYS_RETURN_LIST, Option.SUPPRESS_EXCEPTIONS)
            .build();

    static final ObjectMapper JSON = new ObjectMapper();

    private AnswerJson() {
    }

    /**
     * The answer's body as JSON (a null node when empty).
     *
     * @param what the connector and step, for messages
     * @throws PermanentFailure when the body is not JSON
     */
    static JsonNode parse(Answer answer, String what) {
        if (answer.body().size() == 0) {
            return JSON.nullNode();
        }
        try (InputStream in = answer.body().open()) {
            return JSON.readTree(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new PermanentFailure(what + ": answer is not JSON");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the answer to " + what, e);
        }
    }

    /** The answer says the thing asked for is not there: a status of {@code absentOn}, or an {@code absentWhen}. */
    static boolean absent(ConnectorDefinition.Step step, Answer answer) {
        return step.absentOn().contains(answer.status()) || step.absentWhen().stream()
                .anyMatch(w -> w.status() != null && w.status() == answer.status() && firstValueIn(answer, w.path(), w.values()));
    }

    /** The first value at {@code path} of the answer's body is one of {@code values}; false for a body that is no JSON. */
    static boolean firstValueIn(Answer answer, String path, List<String> values) {
        try (InputStream in = answer.body().open()) {
            List<JsonNode> said = read(JSON.readTree(in), path);
            return !said.isEmpty() && values.contains(said.get(0).asText());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** What a JSON path finds in the body, always as a list (empty when nothing or the path fails). */
    static List<JsonNode> read(JsonNode body, String path) {
        Object r = JsonPath.using(JSON_PATH).parse(body).read(path);
        List<JsonNode> out = new ArrayList<>();
        if (r instanceof ArrayNode arr) {
            arr.forEach(out::add);
        } else if (r instanceof JsonNode n) {
            out.add(n);
        }
        return out;
    }

    /** The non-empty text values in a node, arrays flattened. */
    static List<String> flatten(JsonNode v) {
        if (v.isArray()) {
            List<String> out = new ArrayList<>();
            v.forEach(x -> out.addAll(flatten(x)));
            return out;
        }
        return v.isValueNode() && !v.isNull() && !v.asText().isEmpty() ? List.of(v.asText()) : List.of();
    }

    static boolean isEmpty(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() || (n.isContainerNode() && n.isEmpty());
    }

    /** The items of {@code select.itemsPath} (default: the body) whose {@code field} equals {@code wanted}. */
    static JsonNode select(ConnectorDefinition.Select sel, JsonNode body, String wanted) {
        boolean ignoreCase = sel.ignoreCase() == null || sel.ignoreCase();
        ArrayNode out = JSON.createArrayNode();
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
}
