package nl.dsrhub.request;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.util.Locale;
import java.util.regex.Pattern;

import nl.dsrhub.request.RequestParser.Result;

/**
 * What the JSON and YAML readers' failures mean for the officer: each exception of Jackson or SnakeYAML as one
 * {@link Problem} with its line and column, and never a quoted fragment of the file (it may be personal data).
 */
final class ParseProblems {

    /** Single-quoted fragments of parser messages longer than one character may be file content. */
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
    /** What a quoted fragment may show: one character, an escape such as \t, or a JSON keyword. */
    private static final Pattern HARMLESS = Pattern.compile(".|\\\\.|null|true|false", Pattern.DOTALL);

    private final long maxBytes;
    private final int maxDepth;

    /** The limits the parser enforces, named in the messages about them. */
    ParseProblems(long maxBytes, int maxDepth) {
        this.maxBytes = maxBytes;
        this.maxDepth = maxDepth;
    }

    Result fromJackson(JsonProcessingException e, String format) {
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
        if (original.startsWith(NoAliasYamlParser.ALIAS_MESSAGE)) {
            return Result.problem("", "uses " + NoAliasYamlParser.ALIAS_NOTE + where(e.getLocation()) + "; " + NoAliasYamlParser.ALIAS_MESSAGE);
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

    Result fromYamlRuntime(RuntimeException e) {
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
}
