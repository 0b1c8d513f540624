package nl.dsrhub.testing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the data subject reads in an answer, and what must not be in it. The list of technical jargon is explicit:
 * <ul>
 *   <li>a connector's step id (the hub's name for a call, e.g. {@code delete-customer});</li>
 *   <li>an outcome's enum name ({@code ERASED}, {@code NOT_FOUND}, {@code IN_PROGRESS} ...);</li>
 *   <li>API words: {@code REST API}, {@code API}, {@code HTTP}, {@code read-only};</li>
 *   <li>a count of calls ({@code 1x}) and the detail's own words ({@code done:}, {@code retained:}, {@code left:},
 *       {@code not checked}, {@code settled by hand}, {@code cannot be asked without});</li>
 *   <li>in the Dutch part, English words ({@link #ENGLISH}).</li>
 * </ul>
 * Left out of the check, as they are what they are: request ids, file names and field names ({@code <code>}), the list
 * of files, and recipients' names ({@code <h3>}, a company's name is its own).
 */
public final class SubjectText {

    /** Words that are English and never Dutch: in a Dutch part, they are English text. */
    public static final Set<String> ENGLISH = Set.of("the", "and", "your", "you", "were", "with", "which", "erased", "found",
            "not", "to", "by", "from", "have", "has", "this", "that", "for", "our", "received", "request", "data", "processor",
            "recipient", "deleted", "kept", "until", "please", "attached", "answer", "refused");

    /** Jargon that is never the subject's business, whatever the language. */
    static final List<Pattern> JARGON = List.of(
            Pattern.compile("\\b(EXPORTED|ERASED|NOT_FOUND|RETAINED|PARTIAL|AWAITING_REPLY|NEEDS_ATTENTION|REFUSED|IN_PROGRESS)\\b"),
            Pattern.compile("\\bREST API\\b|\\bAPI\\b|\\bHTTP\\b|read-only", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\b\\d+x\\b"),
            Pattern.compile("\\b(done|retained|left):|not checked|settled by hand|cannot be asked without"));

    private static final Pattern TOKEN = Pattern.compile("<[^>]*>|[^<]+");
    private static final Pattern TAG = Pattern.compile("<\\s*(/?)\\s*([a-zA-Z0-9]+)([^>]*?)(/?)\\s*>");
    private static final Set<String> VOID = Set.of("meta", "br", "input", "hr", "img", "link", "!doctype");
    private static final Set<String> NOT_READ = Set.of("style", "script", "code", "h3", "title");

    private SubjectText() {
    }

    /** The text a reader of the page sees, without ids, file names and names (see the class comment). */
    public static String all(String html) {
        return read(html, false);
    }

    /** Only the Dutch part: the page without its English elements ({@code lang="en"}, {@code class="en"}). */
    public static String dutch(String html) {
        return read(html, true);
    }

    /** Every piece of jargon in the text, with the words around it, for a failure message. */
    public static List<String> jargon(String text, Collection<String> stepIds) {
        List<String> found = new ArrayList<>();
        for (String id : stepIds) {
            Matcher m = Pattern.compile("(?<![\\w-])" + Pattern.quote(id) + "(?![\\w-])").matcher(text);
            while (m.find()) {
                found.add(around(text, m.start(), m.end()));
            }
        }
        for (Pattern p : JARGON) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                found.add(around(text, m.start(), m.end()));
            }
        }
        return found;
    }

    /** Every English word in a Dutch text, with the words around it. */
    public static List<String> english(String dutch) {
        List<String> found = new ArrayList<>();
        // a hyphenated word is one word: "track-and-trace" is Dutch as it is written
        Matcher m = Pattern.compile("[\\p{L}-]+").matcher(dutch);
        while (m.find()) {
            if (ENGLISH.contains(m.group().toLowerCase(Locale.ROOT))) {
                found.add(around(dutch, m.start(), m.end()));
            }
        }
        return found;
    }

    private static String around(String text, int start, int end) {
        return "«" + text.substring(Math.max(0, start - 40), Math.min(text.length(), end + 40)) + "»";
    }

    private static String read(String html, boolean dutchOnly) {
        StringBuilder kept = new StringBuilder();
        Deque<String[]> open = new ArrayDeque<>();
        Matcher t = TOKEN.matcher(html);
        while (t.find()) {
            String token = t.group();
            boolean skipping = !open.isEmpty() && "skip".equals(open.peek()[1]);
            Matcher tag = TAG.matcher(token);
            if (!token.startsWith("<") || !tag.matches()) {
                if (!skipping && !token.startsWith("<")) {
                    kept.append(token).append(' ');
                }
                continue;
            }
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            if (!tag.group(1).isEmpty()) {
                while (!open.isEmpty() && !open.pop()[0].equals(name)) {
                    // an element left open inside this one ends with it
                }
                continue;
            }
            if (VOID.contains(name) || !tag.group(4).isEmpty() || token.startsWith("<!")) {
                continue;
            }
            String attrs = tag.group(3);
            boolean english = attrs.matches("(?s).*\\blang=\"en\".*") || attrs.matches("(?s).*\\bclass=\"([^\"]* )?en( [^\"]*)?\".*");
            boolean files = name.equals("ul") && attrs.contains("files");
            open.push(new String[] {name, skipping || NOT_READ.contains(name) || files || (dutchOnly && english) ? "skip" : "read"});
        }
        return Confirmation.text(kept.toString());
    }
}
