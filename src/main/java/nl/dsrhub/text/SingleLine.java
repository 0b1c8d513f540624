package nl.dsrhub.text;

import java.util.regex.Pattern;

/**
 * Text that stays on its line. A value written on a line of a letter or into a mail header (the subject)
 * could otherwise add lines of its own: a forged line in the letter, or a header such as {@code Bcc:}. Line
 * breaks (CR LF as one), the other control characters (U+0000 to U+001F, U+007F to U+009F, TAB and NEL
 * among them) and the line and paragraph separators U+2028 and U+2029 become a space. The request schema
 * refuses the same characters in its one-line fields; this covers values that came another way (a request
 * stored by an earlier version, an identifier a processor provided).
 */
public final class SingleLine {

    private static final Pattern BREAKS = Pattern.compile("\r\n|[\\x00-\\x1F\\x7F-\\x9F\\u2028\\u2029]");

    private SingleLine() {
    }

    /** The text on one line; {@code null} stays {@code null}. */
    public static String of(String text) {
        if (text == null || !BREAKS.matcher(text).find()) {
            return text;
        }
        return BREAKS.matcher(text).replaceAll(" ");
    }
}
