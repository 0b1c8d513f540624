package nl.dsrhub.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/**
 * The report written beside a rejected request file as {@code <file>.error.json}, and its plain-text
 * form for the command line. Contains the sanitised file name and the problems only: no field values.
 */
public final class ErrorReport {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ErrorReport() {
    }

    /**
     * {@code {"file": "...", "rejectedAt": "...", "problems": [{"pointer": "...", "message": "..."}]}}, pretty-printed.
     */
    public static String toJson(Validation v, Instant rejectedAt) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("file", RequestValidator.safeFileName(v.fileName()));
        root.put("rejectedAt", DateTimeFormatter.ISO_INSTANT.format(rejectedAt));
        ArrayNode problems = root.putArray("problems");
        for (Problem p : v.problems()) {
            problems.addObject().put("pointer", p.pointer()).put("message", p.message());
        }
        try {
            return MAPPER.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write error report", e); // cannot happen for a tree of strings
        }
    }

    /** The name of the report for a rejected file: {@code <safe file name>.error.json}. */
    public static String reportFileName(String fileName) {
        return RequestValidator.safeFileName(fileName) + ".error.json";
    }

    /** One problem as a line: {@code /subject/email: is not a valid e-mail address} ({@code (document)} for the root). */
    public static String describe(Problem p) {
        return (p.pointer().isEmpty() ? "(document)" : p.pointer()) + ": " + p.message();
    }

    /** Every problem, one per line, headed by the file name: for {@code validate FILE} on the command line. */
    public static String toText(Validation v) {
        String name = RequestValidator.safeFileName(v.fileName());
        if (v.ok()) {
            return name + ": valid";
        }
        return name + ": " + v.problems().size() + (v.problems().size() == 1 ? " problem" : " problems") + System.lineSeparator()
                + v.problems().stream().map(p -> "  " + describe(p)).collect(Collectors.joining(System.lineSeparator()));
    }
}
