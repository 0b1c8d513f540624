package nl.dsrhub.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import nl.dsrhub.model.RequestType.RequestWords;

/**
 * The words of every {@link RequestType}, read once from {@code text/request-types.yaml}: texts for the subject and for
 * processors are kept apart from the code, in one file a translator or a lawyer can read top to bottom.
 */
final class RequestTypeWords {

    static final String RESOURCE = "/text/request-types.yaml";

    private static final Map<String, RequestWords> BY_WIRE = load();

    private RequestTypeWords() {
    }

    /** @throws IllegalStateException for a type the file has no words for (a test keeps every type in it) */
    static RequestWords of(String wire) {
        RequestWords words = BY_WIRE.get(wire);
        if (words == null) {
            throw new IllegalStateException(RESOURCE + " has no words for request type '" + wire + "'");
        }
        return words;
    }

    private static Map<String, RequestWords> load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try (InputStream in = RequestTypeWords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return Map.copyOf(yaml.readValue(in, yaml.getTypeFactory().constructMapType(Map.class, String.class,
                    RequestWords.class)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
