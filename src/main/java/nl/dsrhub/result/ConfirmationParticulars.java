package nl.dsrhub.result;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.model.Particulars;
import nl.dsrhub.model.Retention.Words;

/**
 * What a confirmation says of the request in particular, from its {@link Particulars}: the names of the fields a
 * rectification corrects (never their values: the confirmation goes by mail and names no one), the reason of a
 * restriction (art. 18(1)) with what it means (18(2)) and that the subject is told before it is lifted (18(3)), the
 * restriction a lifting ends, and for an objection to direct marketing that the person was unsubscribed everywhere and
 * is kept on the suppression list as a keyed hash. Said in words ({@link #said}) for the HTML, and as facts
 * ({@link #json}) beside the same words in {@code confirmation.json}. Left out: the officer's explanations and the
 * subject's grounds, which may name people.
 */
final class ConfirmationParticulars {

    private ConfirmationParticulars() {
    }

    /** The sentences for the subject, in the order they are said; none for an erasure. */
    static List<Words> said(DsrRequest r) {
        Particulars p = r.particulars();
        ConfirmationWords.ParticularsWords w = ConfirmationWords.particulars();
        List<Words> out = new ArrayList<>();
        if (p.changes() != null) {
            Words names = fieldNames(correctedFields(p.changes()));
            out.add(fill(w.rectification().asked(), "fields", names));
        }
        if (p.restriction() != null) {
            out.add(fill(w.restriction().reason(), "reason", ConfirmationWords.restrictionReason(p.restriction().reason())));
            out.add(w.restriction().stored());
            out.add(w.restriction().toldFirst());
        }
        if (p.lift() != null) {
            out.add(fill(w.lift().ends(), "restriction", Words.both(p.lift().restrictionRequestId())));
        }
        if (p.objection() != null && p.objection().directMarketing()) {
            out.add(w.directMarketing().stopped());
            out.add(w.directMarketing().suppressed());
        } else if (p.objection() != null) {
            out.add(w.particularSituation().weighed());
        }
        r.carriesOutObjection().ifPresent(objection -> out.add(upheld(objection)));
        return out;
    }

    /** What an erasure that carries out an upheld objection says first: the objection, upheld, is why the data go. */
    static Words upheld(String objectionId) {
        return fill(ConfirmationWords.particulars().particularSituation().upheld(), "objection", Words.both(objectionId));
    }

    /** The same as facts for programs, with the words; null for a request without particulars. */
    static Map<String, Object> json(DsrRequest r) {
        Particulars p = r.particulars();
        Map<String, Object> m = new LinkedHashMap<>();
        if (p.changes() != null) {
            m.put("correctedFields", correctedFields(p.changes()));
        }
        if (p.restriction() != null) {
            m.put("restrictionReason", p.restriction().reason());
            m.put("subjectToldBeforeLifting", true);
        }
        if (p.lift() != null) {
            m.put("endsRestrictionOf", p.lift().restrictionRequestId());
        }
        if (p.objection() != null) {
            m.put("objection", p.objection().kind());
            m.put("suppressionList", p.objection().directMarketing() ? "keyed-hash" : null);
        }
        if (m.isEmpty()) {
            return null;
        }
        m.put("said", said(r).stream().map(Display::words).toList());
        return m;
    }

    /**
     * The fields a rectification corrects, by the names of the request file ({@code email}, {@code firstName},
     * {@code lastName}, {@code phone}, {@code address}), in that order.
     */
    static List<String> correctedFields(Particulars.Changes c) {
        List<String> names = new ArrayList<>();
        if (c.email() != null) {
            names.add("email");
        }
        if (c.firstName() != null) {
            names.add("firstName");
        }
        if (c.lastName() != null) {
            names.add("lastName");
        }
        if (c.phone() != null) {
            names.add("phone");
        }
        if (c.address() != null) {
            names.add("address");
        }
        return names;
    }

    /** "e-mailadres, postadres" / "e-mail address, postal address". */
    private static Words fieldNames(List<String> fields) {
        List<Words> names = fields.stream().map(ConfirmationWords::field).toList();
        return new Words(names.stream().map(Words::nl).collect(Collectors.joining(", ")),
                names.stream().map(Words::en).collect(Collectors.joining(", ")));
    }

    private static Words fill(Words template, String placeholder, Words value) {
        String key = "{" + placeholder + "}";
        return new Words(template.nl().replace(key, value.nl()), template.en().replace(key, value.en()));
    }
}
