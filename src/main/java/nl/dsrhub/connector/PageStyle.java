package nl.dsrhub.connector;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One way a processor pages its lists, named by a lookup's {@code paginate.type}: it says what the file must
 * declare for it (checked when the file is loaded) and where the next page is. {@link Paging} does what all styles
 * share: a page without items is the last, a link back to a page already read ends the list.
 * Adding a style: a class implementing this, one line in {@link #STYLES}, the README and the schema's enum.
 */
interface PageStyle {

    /** The styles by name, in the order the README lists them. */
    Map<String, PageStyle> STYLES = styles(new PageNumbers(), new OffsetPages(), new NextLinkPages(), new LinkHeaderPages());

    /** The file's name for the style. */
    String name();

    /** What the style needs of {@code paginate} beyond its type: the names of the fields missing. */
    List<String> missing(Paginate paginate);

    /**
     * The next page's URL, or null after the last.
     *
     * @param paging  the list's state (page number and offset already moved to the next page)
     * @param pageUrl the URL of the page just read
     * @param items   the number of items on it; -1 when the step does not say where they are
     */
    String next(Paging paging, String pageUrl, Answer answer, JsonNode body, int items);

    /** What is wrong with a step's {@code paginate}, each naming its path under {@code at} and the fix. */
    static List<String> problems(Paginate paginate, String at) {
        List<String> p = new ArrayList<>();
        PageStyle style = STYLES.get(String.valueOf(paginate.type()));
        if (style == null) {
            p.add(at + "/type: must be one of " + String.join(", ", STYLES.keySet()) + " ('" + paginate.type()
                    + "' is not a pagination style)");
            return p;
        }
        for (String field : style.missing(paginate)) {
            p.add(at + "/" + field + ": is required for " + style.name() + " (" + explain(field) + ")");
        }
        return p;
    }

    /** @throws IllegalArgumentException for a style not in {@link #STYLES} (a loaded file's styles are checked) */
    static PageStyle named(String name) {
        PageStyle style = STYLES.get(name);
        if (style == null) {
            throw new IllegalArgumentException("no pagination style " + name);
        }
        return style;
    }

    private static String explain(String field) {
        return switch (field) {
            case "nextPath" -> "the JSON path of the next page's URL";
            case "param" -> "the query parameter of the page number or offset";
            case "sizeParam" -> "the query parameter of the page size";
            case "size" -> "the number of items per page";
            case "totalPagesHeader" -> "the answer's header with the number of pages";
            default -> "see the README";
        };
    }

    private static Map<String, PageStyle> styles(PageStyle... styles) {
        Map<String, PageStyle> byName = new LinkedHashMap<>();
        for (PageStyle s : styles) {
            byName.put(s.name(), s);
        }
        return java.util.Collections.unmodifiableMap(byName);
    }
}
