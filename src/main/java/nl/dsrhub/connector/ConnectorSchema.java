package nl.dsrhub.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The shipped JSON Schema of connector files ({@code schema/connector.schema.json}): the shape of a file and the
 * types of its values, checked before the file is read, each problem with its JSON pointer.
 */
final class ConnectorSchema {

    static final String RESOURCE = "/schema/connector.schema.json";
    private static final JsonSchema SCHEMA = load();

    private ConnectorSchema() {
    }

    /** What the schema finds wrong with a file's tree, each as {@code /pointer: message}, in file order. */
    static List<String> problems(JsonNode file) {
        return SCHEMA.validate(file).stream()
                .sorted(java.util.Comparator.comparing(m -> m.getInstanceLocation().toString()))
                .map(ConnectorSchema::describe).toList();
    }

    private static String describe(ValidationMessage m) {
        JsonNodePath at = m.getInstanceLocation();
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < at.getNameCount(); i++) {
            pointer.append('/').append(at.getElement(i));
        }
        String error = m.getError() == null ? m.getMessage() : m.getError();
        return (pointer.length() == 0 ? "/" : pointer) + ": " + error;
    }

    private static JsonSchema load() {
        try (InputStream in = ConnectorSchema.class.getResourceAsStream(RESOURCE)) {
            JsonNode node = new ObjectMapper().readTree(in);
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().failFast(false).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node, config);
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException("cannot read " + RESOURCE, e));
        }
    }
}
