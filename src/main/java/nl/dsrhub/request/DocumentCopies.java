package nl.dsrhub.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rule that the hub stores no copy of an identity document, birth certificate or written authorisation: the
 * officer sees it, and the request says only who checked it, when, and what it was ({@code authorityEvidence},
 * {@code verification.method}). A field anywhere in the request named like such a copy or an attachment, or a
 * representative's text that holds encoded file contents, is refused with its own message, before the schema's
 * general "not an allowed field".
 */
final class DocumentCopies {

    /** Field names of a copy or an attachment, in English and Dutch. */
    private static final Pattern COPY_NAME = Pattern.compile(
            "(?i).*(id[-_ ]?copy|id[-_ ]?scan|kopie|copy|passport|paspoort|document|attachment|bijlage|scan|photo|foto"
                    + "|identity[-_ ]?card|id[-_ ]?card|idkaart|identiteitskaart|rijbewijs|driving[-_ ]?licen[cs]e|birth[-_ ]?certificate"
                    + "|geboorteakte|base64|file|bestand).*");
    /** A data URI or a long run of base64: the contents of a file, not a description. */
    private static final Pattern ENCODED = Pattern.compile("(?i)^\\s*data:.*|.*[A-Za-z0-9+/=]{80,}.*");
    static final String NO_COPIES = "looks like a copy of an identity document or an attachment: the hub stores no copies;"
            + " the officer sees the document and the request says only who checked it, when and what it was";

    private DocumentCopies() {
    }

    /** A problem for every field named like a copy (anywhere) and every representative text holding file contents. */
    static List<Problem> check(JsonNode doc) {
        List<Problem> problems = new ArrayList<>();
        walk(doc, "", problems);
        JsonNode representative = doc.path("representative");
        if (representative.isObject()) {
            for (Map.Entry<String, JsonNode> e : iterable(representative)) {
                if (e.getValue().isTextual() && ENCODED.matcher(e.getValue().asText()).matches()) {
                    problems.add(new Problem("/representative/" + SchemaMessages.escape(e.getKey()), "holds encoded file contents: "
                            + "describe the evidence in words (e.g. \"birth certificate seen\"); the hub stores no copies"));
                }
            }
        }
        return problems;
    }

    private static void walk(JsonNode node, String at, List<Problem> problems) {
        if (!node.isObject() || at.startsWith("/subject/identifiers")) {
            return; // identifier keys are connector.idName, checked by the schema
        }
        for (Map.Entry<String, JsonNode> e : iterable(node)) {
            String name = e.getKey();
            String pointer = at + "/" + SchemaMessages.escape(name);
            if (COPY_NAME.matcher(name).matches() && name.length() <= 64) {
                problems.add(new Problem(pointer, NO_COPIES));
            } else {
                walk(e.getValue(), pointer, problems);
            }
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
