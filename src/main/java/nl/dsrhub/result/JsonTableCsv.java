package nl.dsrhub.result;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.dsrhub.text.CsvCell;

/**
 * Turns a JSON file whose top level is an array of objects into a CSV table (RFC 4180: comma separated,
 * CRLF line ends, fields quoted when they hold a comma, quote or line break). Streamed in two passes
 * with Jackson's parser: the first collects the columns (union of keys, first-seen order), the second
 * writes the rows; only one row is held in memory at a time.
 * Scalars are written as their JSON text (numbers exactly as received), {@code null} as an empty field,
 * nested objects and arrays as compact JSON. Every cell but a number, the header row included, is a
 * {@link CsvCell#text text cell}: one that starts like a formula gets a leading {@code '}. A number keeps
 * its exact text (a spreadsheet reads {@code -12.5} as the amount it is); the JSON file beside the CSV stays
 * exactly as received.
 */
final class JsonTableCsv {

    /** More distinct keys than this is not a table a person can read; no CSV is made. */
    static final int MAX_COLUMNS = 2_000;

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private JsonTableCsv() {
    }

    /**
     * The columns of the table, or empty when the file is not a non-empty JSON array of objects
     * (or is not valid JSON at all: then the file is only copied, never converted).
     */
    static Optional<List<String>> columns(Path json) throws IOException {
        LinkedHashSet<String> columns = new LinkedHashSet<>();
        try (InputStream in = Files.newInputStream(json); JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return Optional.empty();
            }
            int rows = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t != JsonToken.START_OBJECT) {
                    return Optional.empty();
                }
                rows++;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    columns.add(p.currentName());
                    if (columns.size() > MAX_COLUMNS) {
                        return Optional.empty();
                    }
                    p.nextToken();
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null || rows == 0 || columns.isEmpty()) {
                return Optional.empty();
            }
        } catch (JsonProcessingException malformed) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(columns));
    }

    /** Writes the table; {@code out} is flushed, not closed. */
    static void write(Path json, List<String> columns, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 32 * 1024);
        writeRow(w, columns.stream().map(CsvCell::text).toList());
        List<String> row = new ArrayList<>(columns.size());
        try (InputStream in = Files.newInputStream(json); JsonParser p = JSON.createParser(in)) {
            p.nextToken(); // START_ARRAY, checked by columns()
            while (p.nextToken() == JsonToken.START_OBJECT) {
                Map<String, String> values = new HashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    values.put(name, cell(p));
                }
                row.clear();
                for (String c : columns) {
                    row.add(values.getOrDefault(c, ""));
                }
                writeRow(w, row);
            }
        }
        w.flush();
    }

    /** One line of cells already made by {@link CsvCell}. */
    private static void writeRow(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(cells.get(i));
        }
        w.write("\r\n");
    }

    /** The current value as a cell: a number as written, anything else as a neutralised text cell. */
    private static String cell(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        return switch (t) {
            case VALUE_NULL -> "";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> CsvCell.number(p.getText());
            case START_OBJECT, START_ARRAY -> CsvCell.text(compact(p));
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
