package nl.dsrhub.connector;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The link to a list's next page, as a processor gives it (in its body, or in an RFC 8288 {@code Link} header),
 * made safe to follow: relative links are resolved, and only a link with the origin (scheme, host, port) of the
 * connector's {@code base-url} is followed. The engine sends the connector's credentials with every call, and
 * camel-http sends a call wherever its URL points: a link elsewhere would hand them to someone else.
 */
final class NextLink {

    private static final Pattern REL = Pattern.compile(";\\s*rel\\s*=\\s*(?:\"([^\"]*)\"|([^\\s;,\"]+))",
            Pattern.CASE_INSENSITIVE);

    private NextLink() {
    }

    /**
     * The link resolved against the page that carried it (RFC 3986; for a link starting with {@code /}, the same
     * as against the base URL), refused unless it has the base URL's origin.
     *
     * @param what the connector and step, for the message (which never quotes the link: its query may hold an
     *             e-mail address)
     * @throws PermanentFailure when the link goes elsewhere, or is no URL
     */
    static String follow(String baseUrl, String pageUrl, String link, String what) {
        URI resolved;
        try {
            resolved = new URI(pageUrl).resolve(new URI(link.trim()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new PermanentFailure(what + ": the processor's link to the next page is not a URL: not followed");
        }
        requireOrigin(baseUrl, resolved, what + ": the processor's link to the next page");
        return resolved.toString();
    }

    /**
     * @param what names the URL in the message
     * @throws PermanentFailure unless the URL has the base URL's origin and no user name or password of its own
     */
    static void requireOrigin(String baseUrl, URI url, String what) {
        String origin = origin(url);
        if (!origin.equals(origin(URI.create(baseUrl))) || url.getRawUserInfo() != null) {
            throw new PermanentFailure(what + " points to another origin (" + origin + ") than the connector's base-url: "
                    + "refused, nothing was sent there");
        }
    }

    /** scheme://host:port, lower case, with the scheme's default port written out. */
    static String origin(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        int port = url.getPort() >= 0 ? url.getPort() : "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
        return scheme + "://" + host + ":" + port;
    }

    /** The target of the first link with relation {@code next} in a {@code Link} header (RFC 8288), if any. */
    static Optional<String> inLinkHeader(String header) {
        int at = 0;
        while (header != null && (at = header.indexOf('<', at)) >= 0) {
            int close = header.indexOf('>', at);
            if (close < 0) {
                return Optional.empty();
            }
            int end = endOfLinkValue(header, close + 1);
            if (isNext(header.substring(close + 1, end))) {
                return Optional.of(header.substring(at + 1, close));
            }
            at = end;
        }
        return Optional.empty();
    }

    /** Where a link value's parameters end: the next comma outside a quoted string. */
    private static int endOfLinkValue(String header, int from) {
        boolean quoted = false;
        for (int i = from; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                return i;
            }
        }
        return header.length();
    }

    /** The link's {@code rel} holds {@code next} (a rel may name several relations, separated by spaces). */
    private static boolean isNext(String params) {
        Matcher m = REL.matcher(params);
        if (!m.find()) {
            return false;
        }
        String rel = m.group(1) != null ? m.group(1) : m.group(2);
        for (String type : rel.trim().split("\\s+")) {
            if (type.equalsIgnoreCase("next")) {
                return true;
            }
        }
        return false;
    }
}
