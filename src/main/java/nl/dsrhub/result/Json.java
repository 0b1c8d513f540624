package nl.dsrhub.result;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;

/** The one JSON writer of this package: pretty-printed, never closes the stream it writes to. */
final class Json {

    private static final ObjectWriter WRITER = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .writer();

    private Json() {
    }

    static void write(Object value, OutputStream out) throws IOException {
        WRITER.writeValue(out, value);
        out.flush();
    }
}
