package nl.dsrhub.mail;

import java.util.List;
import java.util.regex.Pattern;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.RequestType;

/**
 * Reads a processor's reply to our letter, Dutch or English, and says what it settles. Deliberately
 * cautious: only a plain "no data", a plain "done" in the words of what was asked (erased, corrected, restricted,
 * restriction lifted, unsubscribed: {@link Done}) or data attachments (for an export) close a task; anything else, a
 * refusal or a retention notice included, is left to the officer. The quoted original letter is cut off first, so our
 * own words are never read as the answer.
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
    /** Words that keep something back, whatever was asked: a duty to keep, an exception, a part, something left as it was. */
    private static final String KEPT_BACK = "\\b(bewaren|bewaarplicht|bewaartermijn|wettelijke\\s+plicht|retain\\w*|retention|legal\\s+obligation"
            + "|except|behalve|uitgezonderd|partly|gedeeltelijk|deels|ongewijzigd|unchanged|blijft|blijven|remain\\w*)\\b";

    /**
     * How a reply says that what was asked is done ({@code said}: "de gegevens zijn gewist", "wij hebben ...
     * gecorrigeerd", "have been corrected", "we corrected"), and what makes it less than that ({@code reservation}: a
     * "not"/"cannot" before the verb, a duty to keep, an exception, a part, something left as it was).
     */
    record Done(Outcome outcome, Pattern said, Pattern reservation, String detail) {

        /**
         * @param dutch   the Dutch participles ("gewist|verwijderd")
         * @param english the English ones ("erased|deleted")
         * @param negated the stems a "not" before them makes a refusal ("wissen|erase\\w*")
         */
        static Done of(Outcome outcome, String dutch, String english, String negated, String detail) {
            return new Done(outcome, Pattern.compile("\\b(zijn|is|werden|werd|hebben\\s+(we|wij)|(we|wij)\\s+hebben)\\b[^.\\n]{0,60}\\b("
                    + dutch + ")\\b|\\b(been|were|was|have|has)\\s+(permanently\\s+)?(" + english + ")\\b"
                    + "|\\bwe\\s+(have\\s+)?(permanently\\s+)?(" + english + ")\\b", F),
                    Pattern.compile("\\b(niet|geen|not|cannot|can't|unable\\s+to|kunnen\\s+niet)\\b[^.\\n]{0,30}\\b(" + negated + ")"
                            + "|" + KEPT_BACK, F), detail);
        }
    }

    /** The "done" of every type whose processors answer by mail that they did it. */
    static final List<Done> DONE = List.of(
            Done.of(Outcome.ERASED, "verwijderd|gewist|geanonimiseerd", "deleted|erased|removed|anonymi[sz]ed",
                    "verwijder\\w*|wissen|delete\\w*|erase\\w*|remove\\w*", "the processor replied that it erased the data"),
            Done.of(Outcome.RECTIFIED, "gecorrigeerd|aangepast|gewijzigd|bijgewerkt|verbeterd",
                    "corrected|updated|changed|amended|rectified",
                    "corrig\\w*|aan\\s*te\\s*passen|aanpass\\w*|wijzig\\w*|bijwerk\\w*|verbeter\\w*|correct\\w*|updat\\w*|chang\\w*|amend\\w*|rectif\\w*",
                    "the processor replied that it corrected the data"),
            Done.of(Outcome.RESTRICTED, "beperkt|geblokkeerd|stopgezet|gemarkeerd", "restricted|blocked|suspended|flagged",
                    "beperk\\w*|blokk\\w*|stop\\w*|restrict\\w*|block\\w*|suspend\\w*",
                    "the processor replied that it restricted the processing"),
            Done.of(Outcome.LIFTED, "opgeheven|beëindigd|ingetrokken", "lifted|ended|removed",
                    "opgeheven|opheff\\w*|beëindig\\w*|lift\\w*|end\\w*|remov\\w*",
                    "the processor replied that it lifted the restriction"),
            Done.of(Outcome.OPTED_OUT, "afgemeld|uitgeschreven", "unsubscribed|opted\\s+out",
                    "afmeld\\w*|afgemeld|uitschrij\\w*|uitgeschreven|unsubscrib\\w*|opt\\w*\\s+out",
                    "the processor replied that it unsubscribed the person"));

    public static final String UNCLEAR = "reply received, unclear: settle by hand";

    public Verdict classify(RequestType type, String text, int dataAttachments) {
        String answer = ownWords(text);
        Done done = DONE.stream().filter(d -> d.outcome() == type.done()).findFirst().orElse(null);
        boolean notFound = NOT_FOUND.matcher(answer).find();
        boolean saidDone = done != null && done.said().matcher(answer).find();
        if (notFound && !saidDone && dataAttachments == 0) {
            return new Verdict(Outcome.NOT_FOUND, "the processor replied that it holds no data on the person");
        }
        // what closes the task is what the type calls done: the data sent (an export), or a plain "erased", "corrected", ...
        if (type.done() == Outcome.EXPORTED && dataAttachments > 0 && !notFound) {
            return new Verdict(Outcome.EXPORTED, "the processor replied with " + dataAttachments + " file(s)");
        }
        if (saidDone && !notFound && !done.reservation().matcher(answer).find()) {
            return new Verdict(done.outcome(), done.detail());
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
