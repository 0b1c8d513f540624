package nl.dsrhub.text;

import java.util.regex.Pattern;

/**
 * One cell of a CSV file the hub writes, safe to open in a spreadsheet. OWASP's rule against CSV (formula)
 * injection: a text cell starting with {@code =}, {@code +}, {@code -}, {@code @}, TAB or CR is a formula or
 * the start of one to Excel, LibreOffice and Google Sheets, so it gets a leading {@code '}, which they show as
 * text. A processor's answer or a request's field can hold such a value ({@code =HYPERLINK(...)}), and the
 * subject and the officer open these files. Then the cell is quoted as RFC 4180 asks when it holds a comma,
 * a double quote, CR or LF.
 */
public final class CsvCell {

    /** JSON's number grammar (RFC 8259 section 6): what a spreadsheet reads as a number, never as a formula. */
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");

    private CsvCell() {
    }

    /** A text cell: neutralised, then quoted when needed; {@code null} is an empty cell. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return quote(startsLikeAFormula(value) ? "'" + value : value);
    }

    /**
     * A JSON number token, kept exactly as written ({@code -12.5} stays {@code -12.5}): a spreadsheet reads it
     * as the number it is, and a leading {@code '} would turn an amount into text the subject cannot add up.
     * JSON's grammar leaves no room for a formula ({@code -2+3} is not a JSON number). Anything else is
     * treated as text.
     */
    public static String number(String token) {
        return token != null && JSON_NUMBER.matcher(token).matches() ? token : text(token);
    }

    static boolean startsLikeAFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    static String quote(String field) {
        boolean needs = field.indexOf(',') >= 0 || field.indexOf('"') >= 0
                || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0;
        return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
