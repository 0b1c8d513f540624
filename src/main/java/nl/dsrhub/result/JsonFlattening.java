package nl.dsrhub.result;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import java.util.Set;
import nl.dsrhub.text.CsvCell;

/**
 * One JSON object as one row of a table, read from a streaming parser: nested objects become columns of their own
 * named by their path ({@code billing.city}), a list stays one cell as compact JSON (a row cannot hold a list), and
 * the API's own navigation ({@code _links}: HAL's and Mailchimp's links to other calls) is left out. Only the object
 * at hand is held, never the file around it.
 */
final class JsonFlattening {

    /** API navigation, not the person's data: the JSON file beside the CSV keeps it. */
    static final String LINKS = "_links";

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private JsonFlattening() {
    }

    /** Adds the column names of the object the parser is at (its START_OBJECT); returns false past {@code max} columns. */
    static boolean names(JsonParser p, String prefix, Set<String> columns, int max) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (LINKS.equals(name)) {
                p.skipChildren();
            } else if (value == JsonToken.START_OBJECT) {
                if (!names(p, prefix + name + ".", columns, max)) {
                    return false;
                }
            } else {
                p.skipChildren();
                columns.add(prefix + name);
                if (columns.size() > max) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Puts the cells of the object the parser is at (its START_OBJECT) by column name. */
    static void cells(JsonParser p, String prefix, Map<String, String> row) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (LINKS.equals(name)) {
                p.skipChildren();
            } else if (value == JsonToken.START_OBJECT) {
                cells(p, prefix + name + ".", row);
            } else {
                row.putIfAbsent(prefix + name, cell(p));
            }
        }
    }

    /** The current value as a cell: a number as written, anything else as a neutralised text cell. */
    private static String cell(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_NULL -> "";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> CsvCell.number(p.getText());
            case START_ARRAY, START_OBJECT -> CsvCell.text(compact(p));
            default -> CsvCell.text(p.getText());
        };
    }

    /** The current object or array as compact JSON, numbers kept exactly as written. */
    private static String compact(JsonParser p) throws IOException {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(sw)) {
            int depth = 0;
            do {
                JsonToken t = p.currentToken();
                switch (t) {
                    case START_OBJECT -> { g.writeStartObject(); depth++; }
                    case START_ARRAY -> { g.writeStartArray(); depth++; }
                    case END_OBJECT -> { g.writeEndObject(); depth--; }
                    case END_ARRAY -> { g.writeEndArray(); depth--; }
                    case FIELD_NAME -> g.writeFieldName(p.currentName());
                    case VALUE_STRING -> g.writeString(p.getText());
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(p.getText());
                    case VALUE_TRUE -> g.writeBoolean(true);
                    case VALUE_FALSE -> g.writeBoolean(false);
                    case VALUE_NULL -> g.writeNull();
                    default -> g.copyCurrentEvent(p);
                }
            } while (depth > 0 && p.nextToken() != null);
        }
        return sw.toString();
    }
}
