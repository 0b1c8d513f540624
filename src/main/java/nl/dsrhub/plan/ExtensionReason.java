package nl.dsrhub.plan;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.text.SingleLine;

/**
 * The reason for extending a deadline (art. 12(3)): told to the subject in the notice, and kept in the register of
 * handled requests, which outlives the purge of the person's data. It says why the request needs more time (its
 * complexity, the number of requests), never who it is about: a reason holding the subject's e-mail address, name or
 * one of their identifiers, or any e-mail address, is refused, and so is one longer than the register keeps.
 */
public final class ExtensionReason {

    /** What the register keeps of a reason, with room for the new deadline before it. */
    public static final int MAX_LENGTH = 300;

    /** Said wherever the reason is asked for. */
    public static final String PURPOSE = "why the request needs more time (e.g. its complexity, the number of requests):"
            + " told to the subject and kept in the register after the person's data is purged, so never the person's name,"
            + " address or other details";

    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>()]+@[^\\s@<>()]+\\.[^\\s@<>()]+");

    private ExtensionReason() {
    }

    /** The reason on one line, stripped; refused (naming what is wrong, never the value) when it cannot be kept. */
    public static String check(String reason, DsrRequest request) {
        if (reason == null || reason.isBlank()) {
            throw new Settlement.Refused("a reason is required to extend a deadline; it is told to the subject");
        }
        String why = SingleLine.of(reason).strip();
        if (why.length() > MAX_LENGTH) {
            throw new Settlement.Refused("the reason is " + why.length() + " characters; the register keeps at most " + MAX_LENGTH);
        }
        String named = named(why, request);
        if (named != null) {
            throw new Settlement.Refused("the reason holds " + named + ": it is kept in the register of handled requests after"
                    + " the person's data is purged, so it must not name the person; say why the request needs more time");
        }
        return why;
    }

    /** What of the person the reason holds, or null. */
    private static String named(String why, DsrRequest request) {
        String lower = why.toLowerCase(Locale.ROOT);
        String email = request.subject().email();
        if (email != null && lower.contains(email.trim().toLowerCase(Locale.ROOT))) {
            return "the subject's e-mail address";
        }
        if (EMAIL.matcher(why).find()) {
            return "an e-mail address";
        }
        String name = request.subject().name();
        if (name != null && !name.isBlank() && (lower.contains(name.strip().toLowerCase(Locale.ROOT)) || holdsNamePart(why, name))) {
            return "the subject's name";
        }
        // the register keeps nothing of a representative either (their address is caught as an e-mail address above)
        String representative = request.representative() == null ? null : request.representative().name();
        if (representative != null && !representative.isBlank() && (lower.contains(representative.strip().toLowerCase(Locale.ROOT))
                || holdsNamePart(why, representative))) {
            return "the representative's name";
        }
        for (Map.Entry<String, String> id : request.subject().identifiers().entrySet()) {
            if (id.getValue() != null && id.getValue().length() >= 4 && lower.contains(id.getValue().toLowerCase(Locale.ROOT))) {
                return "the subject's identifier " + id.getKey();
            }
        }
        return null;
    }

    /** A capitalised part of the name (not "van", "de") as a word of its own. */
    private static boolean holdsNamePart(String why, String name) {
        for (String part : name.strip().split("[\\s-]+")) {
            if (part.length() >= 2 && Character.isUpperCase(part.codePointAt(0))
                    && Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])" + Pattern.quote(part) + "(?![\\p{L}\\p{N}])").matcher(why).find()) {
                return true;
            }
        }
        return false;
    }
}
