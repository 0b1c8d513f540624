package nl.dsrhub.request;

import com.fasterxml.jackson.databind.JsonNode;
import nl.dsrhub.model.Particulars;
import nl.dsrhub.model.Particulars.Changes;
import nl.dsrhub.model.Particulars.Lift;
import nl.dsrhub.model.Particulars.Objection;
import nl.dsrhub.model.Particulars.PostalAddress;
import nl.dsrhub.model.Particulars.Restriction;

/** Reads a valid request document's particulars ({@code changes}, {@code restriction}, {@code lift}, {@code objection}). */
final class ParticularsReader {

    private ParticularsReader() {
    }

    /** @param doc a document the schema and the policy accepted */
    static Particulars read(JsonNode doc) {
        return new Particulars(changes(doc.get("changes")), restriction(doc.get("restriction")), lift(doc.get("lift")),
                objection(doc.get("objection")));
    }

    private static Changes changes(JsonNode c) {
        if (c == null) {
            return null;
        }
        JsonNode a = c.get("address");
        PostalAddress address = a == null ? null : new PostalAddress(text(a, "street"), text(a, "houseNumber"),
                text(a, "postalCode"), text(a, "city"), text(a, "country"));
        String checked = text(c, "newEmailVerifiedAt");
        return new Changes(text(c, "email"), text(c, "firstName"), text(c, "lastName"), text(c, "phone"), address,
                checked == null ? null : VerificationPolicy.parseDateTime(checked).orElseThrow());
    }

    private static Restriction restriction(JsonNode r) {
        return r == null ? null : new Restriction(text(r, "reason"), text(r, "explanation"));
    }

    private static Lift lift(JsonNode l) {
        return l == null ? null : new Lift(text(l, "restrictionRequestId"), text(l, "reason"));
    }

    private static Objection objection(JsonNode o) {
        return o == null ? null : new Objection(text(o, "kind"), text(o, "grounds"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode n = node.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
