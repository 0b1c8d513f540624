package nl.dsrhub.web;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * The HTTP server's one gate, in front of every route and before any body is read (Vert.x reads a body only when
 * a route's body handler runs, which is after this). Deny by default:
 * <ul>
 * <li>{@code /api/...}: {@code Authorization: Bearer TOKEN}, nothing else (no cookie, no token in the query string):
 * a browser cannot send that header to another origin without CORS, which the hub does not answer, so the API needs no
 * CSRF token;</li>
 * <li>{@code /observe/...}: open, read-only (health and metrics show no personal data);</li>
 * <li>{@code /login}: open, small;</li>
 * <li>everything else (the dashboard): a live session cookie ({@link Sessions}), and for a POST the browser's word
 * that the form came from the hub's own origin ({@code Origin}, else {@code Sec-Fetch-Site}); the form's CSRF token
 * is checked by the route (see {@link OfficerSession#verifyCsrf}).</li>
 * </ul>
 * Every body must state its length, and that length is checked against the route's bound before it is read. A
 * refused request gets its answer with {@code Connection: close}, and the connection is closed: its body is never read
 * (over HTTP/2 only its stream ends: flow control keeps its body from coming).
 */
public final class WebGuard implements Handler<RoutingContext> {

    /** A form of the dashboard (log-in, retry, extend): a few fields. */
    static final long FORM_BYTES = 64 * 1024;
    static final long LOGIN_BYTES = 4 * 1024;

    private final AccessToken token;
    private final Sessions sessions;
    private final long requestFileBytes;
    private final long uploadBytes;
    private final String publicOrigin;

    /**
     * @param requestFileBytes the largest request file ({@code dsr.intake.max-bytes}), the bound of an API submission
     * @param uploadBytes      the largest settle form or API settlement with the processor's files
     * @param publicOrigin     the origin the officer's browser uses when it is not the server's own (a TLS proxy in
     *                         front: {@code https://dsr.shop.example.nl}); null: the server's own
     */
    public WebGuard(AccessToken token, Sessions sessions, long requestFileBytes, long uploadBytes, String publicOrigin) {
        this.token = token;
        this.sessions = sessions;
        this.requestFileBytes = requestFileBytes;
        this.uploadBytes = uploadBytes;
        this.publicOrigin = publicOrigin == null || publicOrigin.isBlank() ? null : publicOrigin.strip().replaceAll("/+$", "");
    }

    /**
     * Puts the gate in front of every route of the HTTP server on {@code port}. Called while the context starts, after
     * the server is up and before any route's consumer has joined it, so no request ever reaches a route ungated.
     */
    public void install(CamelContext context, int port) {
        VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(context, VertxPlatformHttpRouter.getRouterNameFromPort(port));
        router.route().order(Integer.MIN_VALUE).handler(this);
    }

    /** Which rule a path falls under. */
    enum Area { API, OBSERVE, LOGIN, DASHBOARD }

    static Area area(String path) {
        if (path.equals("/api") || path.startsWith("/api/")) {
            return Area.API;
        }
        if (path.startsWith("/observe/")) {
            return Area.OBSERVE;
        }
        if (path.equals("/login")) {
            return Area.LOGIN;
        }
        return Area.DASHBOARD;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String path = ctx.normalizedPath();
        Area area = area(path);
        switch (area) {
            case API -> {
                if (!token.isBearer(request.getHeader("Authorization"))) {
                    refuse(ctx, 401, "application/json",
                            "{\"error\":\"a valid token is required (Authorization: Bearer TOKEN)\"}",
                            "WWW-Authenticate", "Bearer realm=\"dsr-hub\"");
                    return;
                }
            }
            case DASHBOARD -> {
                Cookie cookie = request.getCookie(Sessions.COOKIE);
                if (sessions.find(cookie == null ? null : cookie.getValue()).isEmpty()) {
                    if (request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD) {
                        refuse(ctx, 303, "text/plain; charset=utf-8", "log in at /login", "Location", "/login");
                    } else {
                        refuse(ctx, 401, "text/plain; charset=utf-8", "log in first: your session has ended", null, null);
                    }
                    return;
                }
            }
            case OBSERVE, LOGIN -> {
                // open: health and metrics carry no personal data; the log-in form takes the token
            }
        }
        if ((area == Area.DASHBOARD || area == Area.LOGIN) && !isSafe(request.method()) && !sameOrigin(request, publicOrigin)) {
            refuse(ctx, 403, "text/plain; charset=utf-8", "refused: the form was not sent from the hub's own pages", null, null);
            return;
        }
        String refusal = bodyRefusal(request, bound(area, request.method(), path));
        if (refusal != null) {
            refuse(ctx, refusal.startsWith("411") ? 411 : 413, "text/plain; charset=utf-8", refusal, null, null);
            return;
        }
        // pages and answers name people: no browser or proxy may keep them. Set here, on the server's response,
        // because Camel's HTTP header filter drops a Cache-Control header a route sets
        ctx.response().putHeader("Cache-Control", "no-store");
        ctx.next();
    }

    /**
     * Same origin, as the browser says it: {@code Origin} (sent with every POST by current browsers) must be this
     * server's own scheme, host and port (another port of 127.0.0.1 is another origin); without it,
     * {@code Sec-Fetch-Site} must say {@code same-origin}. A client that says neither is not a browser: it uses the API.
     * Behind a proxy the browser's origin is the configured public one ({@code dsr.web.origin}), and only that.
     */
    static boolean sameOrigin(HttpServerRequest request, String publicOrigin) {
        String host = request.getHeader("Host");
        String origin = request.getHeader("Origin");
        if (origin != null) {
            return publicOrigin != null ? origin.equalsIgnoreCase(publicOrigin)
                    : host != null && origin.equalsIgnoreCase((request.isSSL() ? "https://" : "http://") + host);
        }
        return "same-origin".equals(request.getHeader("Sec-Fetch-Site"));
    }

    private static boolean isSafe(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD;
    }

    /** The largest body the route takes: nothing on a GET, a request file, an upload, or a form. */
    long bound(Area area, HttpMethod method, String path) {
        if (method != HttpMethod.POST) {
            return 0;
        }
        if (area == Area.LOGIN) {
            return LOGIN_BYTES;
        }
        if (area == Area.API && path.equals("/api/requests")) {
            return requestFileBytes;
        }
        if (path.endsWith("/settle")) {
            return uploadBytes;
        }
        return FORM_BYTES;
    }

    /** Why the body is refused before it is read, or null: its length must be stated and within the bound. */
    static String bodyRefusal(HttpServerRequest request, long bound) {
        if (request.getHeader("Transfer-Encoding") != null) {
            return "411 length required: send the body with a Content-Length";
        }
        String length = request.getHeader("Content-Length");
        if (length == null || length.isBlank()) {
            return null;
        }
        long n;
        try {
            n = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return "411 length required: the Content-Length is not a number";
        }
        return n > bound ? "413 too large: this request takes at most " + bound + " bytes" : null;
    }

    /**
     * Answers without reading the body: the request is paused (no more of it is taken from the socket), the answer
     * says {@code Connection: close}, and an HTTP/1 connection is closed once the answer is out.
     */
    private static void refuse(RoutingContext ctx, int status, String contentType, String body, String header, String value) {
        HttpServerRequest request = ctx.request();
        request.pause();
        HttpServerResponse response = ctx.response();
        response.setStatusCode(status)
                .putHeader("Content-Type", contentType)
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Connection", "close");
        if (header != null) {
            response.putHeader(header, value);
        }
        if (request.version() == io.vertx.core.http.HttpVersion.HTTP_2) {
            // one stream of a shared connection: HTTP/2's flow control already keeps its body from coming
            response.end(body);
        } else {
            response.end(body).onComplete(done -> request.connection().close());
        }
    }
}
