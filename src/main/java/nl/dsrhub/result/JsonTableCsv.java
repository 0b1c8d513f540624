package nl.dsrhub.result;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.dsrhub.text.CsvCell;

/**
 * A processor's JSON answer as a CSV table beside it (RFC 4180: comma separated, CRLF line ends, fields quoted when
 * they hold a comma, quote or line break), for a subject who opens it in a spreadsheet. Which records are the rows:
 * <ul>
 *   <li>a top-level array of objects: one row per object (WooCommerce's orders);</li>
 *   <li>a list envelope, an object whose only list of objects is at the top or in HAL's {@code _embedded} and whose
 *       other members are plain values (a count, an audience id): one row per object of that list (Mollie's
 *       {@code _embedded.payments}, Mailchimp's {@code activity}, {@code orders});</li>
 *   <li>any other object: one row, the record itself (a Mollie customer, a Mailchimp member); an object that only
 *       wraps one record ({@code {"parcel": {...}}}) is that record.</li>
 * </ul>
 * Nested objects are flattened into columns ({@code billing.city}), lists stay one cell as compact JSON, links to
 * other API calls ({@code _links}) are left out ({@link JsonFlattening}). Streamed in two passes with Jackson's parser:
 * the first finds the rows and collects the columns (first-seen order), the second writes the rows; only one row is
 * held in memory at a time, so a shop's 200,000 orders are no burden. Every cell but a number, the header row
 * included, is a {@link CsvCell#text text cell}: one that starts like a formula gets a leading {@code '}. A number
 * keeps its exact text; the JSON file beside the CSV stays exactly as received.
 */
final class JsonTableCsv {

    /** More distinct columns than this is not a table a person can read; no CSV is made. */
    static final int MAX_COLUMNS = 2_000;

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final String EMBEDDED = "_embedded";

    /**
     * Where a file's rows are and its columns.
     *
     * @param rowsAt null for a single record (one row); else the path to the list of rows ({@code []}: the file itself)
     * @param unwrap for a single record that only wraps one object: that member's name, else null
     */
    record Table(List<String> rowsAt, String unwrap, List<String> columns) {
    }

    private JsonTableCsv() {
    }

    /**
     * The table of a JSON file, or empty when it holds no records (an empty list, a plain value) or is not valid
     * JSON at all: then the file is only copied, never converted.
     */
    static Optional<Table> table(Path json) throws IOException {
        try (InputStream in = Files.newInputStream(json); JsonParser p = JSON.createParser(in)) {
            JsonToken first = p.nextToken();
            Optional<Table> table = first == JsonToken.START_ARRAY ? rows(p, List.of()).filter(c -> !c.isEmpty())
                    .map(columns -> new Table(List.of(), null, columns))
                    : first == JsonToken.START_OBJECT ? object(p) : Optional.empty();
            return p.nextToken() == null ? table : Optional.empty();
        } catch (JsonProcessingException malformed) {
            return Optional.empty();
        }
    }

    /**
     * The columns of the list the parser is at (its START_ARRAY): no columns for an empty list, empty when it is not a
     * list of objects.
     */
    private static Optional<List<String>> rows(JsonParser p, List<String> path) throws IOException {
        LinkedHashSet<String> columns = new LinkedHashSet<>();
        boolean objects = true;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == null) {
                throw new JsonProcessingException("unexpected end of the list at " + path) { };
            }
            if (t != JsonToken.START_OBJECT || !objects) {
                objects = false;
                p.skipChildren();
            } else if (!JsonFlattening.names(p, "", columns, MAX_COLUMNS)) {
                skipToEndOfArray(p);
                return Optional.empty();
            }
        }
        return objects ? Optional.of(List.copyOf(columns)) : Optional.empty();
    }

    /** What the members of a top-level object are, as far as finding its rows goes. */
    private static final class Members {
        final Map<List<String>, List<String>> lists = new LinkedHashMap<>();
        final LinkedHashSet<String> single = new LinkedHashSet<>();
        int emptyLists;
        int structured;
        int count;
        String onlyObject;

        /** A list member (at the top, or in {@code _embedded}): a list of records, an empty list, or something else. */
        void list(List<String> path, Optional<List<String>> columns) {
            if (columns.isEmpty()) {
                structured++;
            } else if (columns.get().isEmpty()) {
                emptyLists++;
            } else {
                lists.put(path, columns.get());
            }
        }
    }

    /** A top-level object: a list envelope, a record, or a wrapper of one record. */
    private static Optional<Table> object(JsonParser p) throws IOException {
        Members m = new Members();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (JsonFlattening.LINKS.equals(name)) {
                p.skipChildren();
                continue;
            }
            m.count++;
            if (value == JsonToken.START_ARRAY) {
                m.list(List.of(name), rows(p, List.of(name)));
                m.single.add(name);
            } else if (value == JsonToken.START_OBJECT && EMBEDDED.equals(name)) {
                if (!embedded(p, m)) {
                    return Optional.empty();
                }
            } else if (value == JsonToken.START_OBJECT) {
                m.structured++;
                m.onlyObject = name;
                if (!JsonFlattening.names(p, name + ".", m.single, MAX_COLUMNS)) {
                    return Optional.empty();
                }
            } else {
                m.single.add(name);
            }
        }
        if (m.structured == 0 && m.lists.size() == 1) {
            Map.Entry<List<String>, List<String>> list = m.lists.entrySet().iterator().next();
            return Optional.of(new Table(list.getKey(), null, list.getValue()));
        }
        if (m.structured == 0 && m.lists.isEmpty() && m.emptyLists > 0) {
            return Optional.empty();    // a list envelope of nothing: no records, no table
        }
        if (m.count == 1 && m.onlyObject != null) {
            String prefix = m.onlyObject + ".";
            List<String> inner = m.single.stream().map(c -> c.substring(prefix.length())).toList();
            return inner.isEmpty() ? Optional.empty() : Optional.of(new Table(null, m.onlyObject, inner));
        }
        return m.single.isEmpty() ? Optional.empty() : Optional.of(new Table(null, null, List.copyOf(m.single)));
    }

    /**
     * The members of HAL's {@code _embedded}: lists of records, empty lists, or something else; their columns too, for
     * when the file turns out to be one record. False past {@link #MAX_COLUMNS}.
     */
    private static boolean embedded(JsonParser p, Members m) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            String column = EMBEDDED + "." + name;
            JsonToken value = p.nextToken();
            if (value == JsonToken.START_ARRAY) {
                m.list(List.of(EMBEDDED, name), rows(p, List.of(EMBEDDED, name)));
                m.single.add(column);
            } else if (value == JsonToken.START_OBJECT) {
                m.structured++;
                if (!JsonFlattening.names(p, column + ".", m.single, MAX_COLUMNS)) {
                    return false;
                }
            } else {
                m.structured++;
                m.single.add(column);
            }
        }
        return true;
    }

    private static void skipToEndOfArray(JsonParser p) throws IOException {
        for (JsonToken t = p.nextToken(); t != null && t != JsonToken.END_ARRAY; t = p.nextToken()) {
            p.skipChildren();
        }
    }

    /** Writes the table; {@code out} is flushed, not closed. */
    static void write(Path json, Table table, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 32 * 1024);
        writeRow(w, table.columns().stream().map(CsvCell::text).toList());
        try (InputStream in = Files.newInputStream(json); JsonParser p = JSON.createParser(in)) {
            p.nextToken();
            if (table.rowsAt() == null) {
                if (table.unwrap() != null) {
                    enter(p, table.unwrap(), JsonToken.START_OBJECT);
                }
                row(w, table.columns(), p);
            } else {
                List<String> path = table.rowsAt();
                for (int i = 0; i < path.size(); i++) {
                    enter(p, path.get(i), i == path.size() - 1 ? JsonToken.START_ARRAY : JsonToken.START_OBJECT);
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    row(w, table.columns(), p);
                }
            }
        }
        w.flush();
    }

    /** Moves the parser, at an object's START_OBJECT, to the value of its member {@code name}. */
    private static void enter(JsonParser p, String name, JsonToken expected) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals(name) && value == expected) {
                return;
            }
            p.skipChildren();
        }
        throw new IOException("the file changed between reading its columns and its rows: no " + name);
    }

    /** One row from the object the parser is at. */
    private static void row(Writer w, List<String> columns, JsonParser p) throws IOException {
        Map<String, String> values = new HashMap<>();
        JsonFlattening.cells(p, "", values);
        List<String> row = new ArrayList<>(columns.size());
        for (String c : columns) {
            row.add(values.getOrDefault(c, ""));
        }
        writeRow(w, row);
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
}
