package nl.dsrhub.connector;

/**
 * How the processor pages its lists: {@code page} (page number, total pages in a header),
 * {@code offset} (offset and count, total in the body), {@code next-link} (a cursor URL in the body, at
 * {@code nextPath}) or {@code link-header} (the {@code rel="next"} link of an RFC 8288 {@code Link} header).
 * A processor's link is followed only to the origin of the connector's {@code base-url}. With
 * {@code itemsPath} (the page's items), a page without items is the last, whatever total or link it gives;
 * without a {@code totalPath} value, offset paging goes on while pages come back full. A link back to a page
 * already read ends the list (see {@link Paging}).
 */
public record Paginate(String type, String param, String sizeParam, Integer size, String totalPagesHeader,
                       String totalPath, String itemsPath, String nextPath, Integer maxPages) {
    public int maxPagesOrDefault() {
        return maxPages == null ? 10_000 : maxPages;
    }
}
