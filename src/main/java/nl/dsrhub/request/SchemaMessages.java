package nl.dsrhub.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rewrites the JSON schema validator's messages into the hub's own words. The validator's messages
 * may quote the offending value (an e-mail address, a name); these never do: they are built only
 * from the keyword, the pointer and the schema itself.
 */
final class SchemaMessages {

    /** Property names safe to show: what a real field name looks like, nothing like an address or a sentence. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    private static final Pattern ARRAY_INDEX = Pattern.compile("0|[1-9][0-9]{0,8}");
    private static final String CONNECTOR_PATTERN = "^[a-z][a-z0-9-]*$";
    private static final String NOT_BLANK_PATTERN = "\\S";
    /** The schema's {@code oneLine}: the characters a one-line text field must not hold. */
    private static final String NOT_ONE_LINE_PATTERN = "[\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]";
    static final String ONE_LINE = "must be one line of text: no line breaks, tabs or other control characters";
    /** The schema's extra e-mail check: a domain with a dot (the format alone accepts {@code a@localhost}). */
    private static final String EMAIL_PATTERN = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

    /** Why the schema's dependentRequired pairs go together: the name's parts (the only pair today). */
    private static final String PARTS_TOGETHER = ": a corrected name is given whole, first and last name, as processors"
            + " that keep one name field need both (give the part that does not change as it is)";

    private SchemaMessages() {
    }

    static Problem toProblem(ValidationMessage m, JsonNode schema) {
        String at = instancePointer(m.getInstanceLocation());
        String type = m.getType() == null ? "" : m.getType();
        JsonNode node = m.getSchemaNode();
        return switch (type) {
            case "required" -> missing(at + "/" + escape(m.getProperty()));
            case "dependentRequired" -> new Problem(at + "/" + escape(join(node == null ? null : node.path(m.getProperty()))),
                    "is required with " + escape(m.getProperty()) + PARTS_TOGETHER);
            case "additionalProperties" -> notAllowed(m, at, schema);
            case "propertyNames" -> notAnIdentifierKey(m, at);
            case "type" -> wrongType(m, at, node);
            case "enum" -> new Problem(at, "must be one of " + join(node));
            case "const" -> "/processors".equals(at)
                    ? new Problem(at, "must be \"all\" or a list of connector names")
                    : new Problem(at, "must be " + (node == null ? "the fixed value of the schema" : node.toString()));
            case "format" -> wrongFormat(at, node);
            case "minLength" -> new Problem(at, intOf(node) <= 1 ? "must not be empty"
                    : "must be at least " + intOf(node) + " characters long");
            case "maxLength" -> new Problem(at, "is too long: at most " + intOf(node) + " characters");
            case "pattern" -> wrongForm(at, node);
            case "not" -> node != null && NOT_ONE_LINE_PATTERN.equals(node.path("pattern").asText())
                    ? new Problem(at, ONE_LINE) : new Problem(at, "does not match the request schema (not)");
            case "minItems" -> "/processors".equals(at)
                    ? new Problem(at, "must list at least one connector, or be \"all\"")
                    : new Problem(at, "must have at least " + intOf(node) + " entries");
            case "minProperties" -> new Problem(at, "/changes".equals(at) ? "must name at least one correction"
                    : "must have at least " + intOf(node) + " fields");
            case "maxItems", "maxProperties" -> new Problem(at, "has too many entries: at most " + intOf(node));
            case "uniqueItems" -> new Problem(at, "/processors".equals(at) ? "names a connector more than once"
                    : "must not contain duplicates");
            default -> new Problem(at, "does not match the request schema (" + type + ")");
        };
    }

    private static Problem missing(String pointer) {
        if ("/verification".equals(pointer)) {
            return new Problem(pointer, "is required: unverified requests are not accepted; "
                    + "state how the subject's identity was verified (method, verifiedBy, verifiedAt)");
        }
        return new Problem(pointer, "is required");
    }

    /** A field the schema does not allow; its name is shown only when it looks like a field name. */
    private static Problem notAllowed(ValidationMessage m, String at, JsonNode schema) {
        String property = m.getProperty();
        String allowed = allowedProperties(m, schema);
        String suffix = allowed.isEmpty() ? "" : "; allowed fields here: " + allowed;
        if (property != null && SAFE_NAME.matcher(property).matches()) {
            return new Problem(at + "/" + escape(property), "is not an allowed field" + suffix);
        }
        return new Problem(at, "has a field that is not allowed (its name is not shown)" + suffix);
    }

    private static Problem notAnIdentifierKey(ValidationMessage m, String at) {
        String property = m.getProperty();
        String msg = "is not a valid identifier key: expected connector.idName, e.g. woocommerce.customerId";
        if (property != null && SAFE_NAME.matcher(property).matches()) {
            return new Problem(at + "/" + escape(property), msg);
        }
        return new Problem(at, "has a key that is not a valid identifier key (not shown): expected connector.idName, e.g. woocommerce.customerId");
    }

    private static Problem wrongType(ValidationMessage m, String at, JsonNode node) {
        String found = m.getArguments() != null && m.getArguments().length > 0 ? String.valueOf(m.getArguments()[0]) : "";
        if ("/processors".equals(at)) {
            return new Problem(at, "must be \"all\" or a list of connector names, not " + typeName(found));
        }
        String expected = expectedTypes(node);
        String hint = "a string".equals(expected) && ("integer".equals(found) || "number".equals(found) || "boolean".equals(found))
                ? " (write it in quotes)" : "";
        return new Problem(at, "must be " + expected + ", not " + typeName(found) + hint);
    }

    private static Problem wrongFormat(String at, JsonNode node) {
        String format = node != null && node.isTextual() ? node.asText() : "";
        return switch (format) {
            case "email" -> new Problem(at, "is not a valid e-mail address");
            case "date-time" -> new Problem(at, VerificationPolicy.DATE_TIME_EXPECTED);
            default -> new Problem(at, "is not a valid " + (format.isEmpty() ? "value" : format));
        };
    }

    /** A pattern mismatch, in words for the patterns the schema uses. */
    private static Problem wrongForm(String at, JsonNode node) {
        String pattern = node != null && node.isTextual() ? node.asText() : "";
        if (NOT_BLANK_PATTERN.equals(pattern)) {
            return new Problem(at, "must not be blank");
        }
        if (EMAIL_PATTERN.equals(pattern)) {
            return new Problem(at, "is not a valid e-mail address");
        }
        if (CONNECTOR_PATTERN.equals(pattern)) {
            return new Problem(at, "is not a valid connector name: lower-case letters, digits and hyphens, starting with a letter");
        }
        return new Problem(at, "does not have the expected form");
    }

    /** RFC 6901 pointer built from the path's elements (so odd key names are escaped correctly). */
    static String pointer(JsonNodePath path) {
        if (path == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            sb.append('/').append(escape(String.valueOf(path.getElement(i))));
        }
        return sb.toString();
    }

    /**
     * The pointer to the offending value, up to the first key that does not look like a field name (an
     * identifier key holding an address, a line break, a control character): such a key is not repeated, its
     * object is named instead, so no report or mailed answer echoes it or breaks its line.
     */
    static String instancePointer(JsonNodePath path) {
        if (path == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            String segment = String.valueOf(path.getElement(i));
            if (!SAFE_NAME.matcher(segment).matches() && !ARRAY_INDEX.matcher(segment).matches()) {
                break;
            }
            sb.append('/').append(escape(segment));
        }
        return sb.toString();
    }

    static String escape(String segment) {
        return segment == null ? "" : segment.replace("~", "~0").replace("/", "~1");
    }

    private static String allowedProperties(ValidationMessage m, JsonNode schema) {
        try {
            String fragment = pointer(m.getSchemaLocation().getFragment());
            int slash = fragment.lastIndexOf('/');
            JsonNode parent = slash < 0 ? schema : schema.at(fragment.substring(0, slash));
            JsonNode props = parent.path("properties");
            List<String> names = new ArrayList<>();
            props.fieldNames().forEachRemaining(names::add);
            return String.join(", ", names);
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String expectedTypes(JsonNode node) {
        if (node == null) {
            return "of another type";
        }
        if (node.isArray()) {
            List<String> names = new ArrayList<>();
            node.forEach(n -> names.add(typeName(n.asText())));
            return String.join(" or ", names);
        }
        return typeName(node.asText());
    }

    private static String typeName(String jsonType) {
        return switch (jsonType) {
            case "string" -> "a string";
            case "array" -> "a list";
            case "object" -> "an object with fields";
            case "integer", "number" -> "a number";
            case "boolean" -> "true or false";
            case "null" -> "empty (null)";
            default -> "another type";
        };
    }

    private static String join(JsonNode array) {
        if (array == null || !array.isArray()) {
            return "the allowed values";
        }
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return String.join(", ", values);
    }

    private static int intOf(JsonNode node) {
        return node == null ? 0 : node.asInt();
    }
}
