package nl.dsrhub.mail;

import java.util.regex.Pattern;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.RequestType;

/**
 * Reads a processor's reply to our letter, Dutch or English, and says what it settles. Deliberately
 * cautious: only a plain "no data", a plain "erased" (for an erasure) or data attachments (for an
 * export) close a task; anything else, a refusal or a retention notice included, is left to the officer.
 * The quoted original letter is cut off first, so our own words are never read as the answer.
 */
public final class ReplyClassifier {

    /** What the reply settles; {@code outcome} is NEEDS_ATTENTION when unclear. */
    public record Verdict(Outcome outcome, String detail) {
    }

    private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern QUOTE_START = Pattern.compile(
            "^(on .{0,200} wrote:|op .{0,200} (schreef|geschreven).{0,40}:|-{2,}\\s*(original message|oorspronkelijk bericht|doorgestuurd bericht|forwarded message)\\s*-{2,}|from: .*|van: .*)\\s*$", F);
    private static final Pattern NOT_FOUND = Pattern.compile(
            "\\bgeen\\s+(persoons)?gegevens\\b|\\bniet\\s+(gevonden|bekend)\\b|\\bgeen\\s+(klant|account|gegevens)\\b"
                    + "|\\bno\\s+(personal\\s+)?(data|information|records?)\\b|\\b(do|does|did)\\s+not\\s+(hold|have|process|store)\\b"
                    + "|\\bnot\\s+found\\b|\\bcould\\s+not\\s+find\\b", F);
    private static final Pattern ERASED = Pattern.compile(
            "\\b(zijn|is|werden|hebben\\s+(we|wij)|(we|wij)\\s+hebben)\\b[^.\\n]{0,60}\\b(verwijderd|gewist|geanonimiseerd)\\b"
                    + "|\\b(been|were|was|have|has)\\s+(permanently\\s+)?(deleted|erased|removed|anonymi[sz]ed)\\b"
                    + "|\\bwe\\s+(have\\s+)?(permanently\\s+)?(deleted|erased|removed)\\b", F);
    private static final Pattern RESERVATION = Pattern.compile(
            "\\b(niet|geen|not|cannot|can't|unable\\s+to|kunnen\\s+niet)\\b[^.\\n]{0,30}\\b(verwijder\\w*|wissen|delete\\w*|erase\\w*|remove\\w*)"
                    + "|\\b(bewaren|bewaarplicht|bewaartermijn|wettelijke\\s+plicht|retain\\w*|retention|legal\\s+obligation|except|behalve|uitgezonderd|partly|gedeeltelijk)\\b", F);

    public static final String UNCLEAR = "reply received, unclear: settle by hand";

    public Verdict classify(RequestType type, String text, int dataAttachments) {
        String answer = ownWords(text);
        boolean notFound = NOT_FOUND.matcher(answer).find();
        boolean erased = ERASED.matcher(answer).find();
        boolean reservation = RESERVATION.matcher(answer).find();
        if (notFound && !erased && dataAttachments == 0) {
            return new Verdict(Outcome.NOT_FOUND, "the processor replied that it holds no data on the person");
        }
        // what closes the task is what the type calls done: the data sent (an export), or a plain "erased"
        if (type.done() == Outcome.EXPORTED && dataAttachments > 0 && !notFound) {
            return new Verdict(Outcome.EXPORTED, "the processor replied with " + dataAttachments + " file(s)");
        }
        if (type.done() == Outcome.ERASED && erased && !notFound && !reservation) {
            return new Verdict(Outcome.ERASED, "the processor replied that it erased the data");
        }
        return new Verdict(Outcome.NEEDS_ATTENTION, UNCLEAR);
    }

    /** The reply without the quoted letter: lines starting with '>' and everything after a reply header. */
    static String ownWords(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\\R")) {
            String t = line.trim();
            if (QUOTE_START.matcher(t).matches()) {
                break;
            }
            if (!t.startsWith(">")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }
}
