package nl.dsrhub.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;
import org.apache.camel.Exchange;

/**
 * The dashboard's side of {@link Sessions}: logs the officer in and out, finds the session of a request and checks a
 * form's CSRF token. Everything is read from the HTTP request itself, never from Camel's headers: platform-http
 * merges query parameters into the headers, so a link could otherwise pose as a cookie or a form field.
 */
public final class OfficerSession {

    /** The hidden field every dashboard form carries. */
    public static final String CSRF_FIELD = "csrf";

    private final Sessions sessions;
    private final AccessToken token;
    private final boolean publicTls;

    /** @param publicOrigin the browser's origin when a proxy is in front ({@code dsr.web.origin}), or null */
    public OfficerSession(Sessions sessions, AccessToken token, String publicOrigin) {
        this.sessions = sessions;
        this.token = token;
        this.publicTls = publicOrigin != null && publicOrigin.strip().toLowerCase(java.util.Locale.ROOT).startsWith("https://");
    }

    /** The request's live session (the guard let no request without one reach a dashboard route). */
    public Optional<Sessions.Session> of(Exchange exchange) {
        HttpServerRequest request = request(exchange);
        Cookie cookie = request == null ? null : request.getCookie(Sessions.COOKIE);
        return sessions.find(cookie == null ? null : cookie.getValue());
    }

    /** The session's CSRF token, for the forms of the page being rendered; empty without a session. */
    public String csrf(Exchange exchange) {
        return of(exchange).map(Sessions.Session::csrf).orElse("");
    }

    /** A route's first step for every dashboard form: the form must carry its session's token. */
    public void verifyCsrf(Exchange exchange) {
        Sessions.Session session = of(exchange).orElseThrow(() -> new Forbidden("no session"));
        if (!Sessions.csrfMatches(session, formField(exchange, CSRF_FIELD))) {
            throw new Forbidden("the form does not carry this session's token: reload the page and send it again");
        }
    }

    /**
     * The log-in form's token (from the form body only, never the query string): a new session's cookie value, or
     * empty when the token is not the hub's.
     */
    public Optional<String> logIn(Exchange exchange) {
        return token.matches(formField(exchange, "token")) ? Optional.of(sessions.open()) : Optional.empty();
    }

    public void logOut(Exchange exchange) {
        HttpServerRequest request = request(exchange);
        Cookie cookie = request == null ? null : request.getCookie(Sessions.COOKIE);
        sessions.close(cookie == null ? null : cookie.getValue());
    }

    /**
     * The session cookie: HttpOnly (no script reads it), SameSite=Strict, Secure when the browser uses TLS (to the
     * hub, or to the proxy in front of it), ended with the session.
     */
    public String cookie(Exchange exchange, String id) {
        HttpServerRequest request = request(exchange);
        boolean tls = publicTls || request != null && request.isSSL();
        return Sessions.COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + sessions.maxAgeSeconds()
                + (tls ? "; Secure" : "");
    }

    /** Removes the cookie from the browser (log-out). */
    public static String expiredCookie() {
        return Sessions.COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";
    }

    private static String formField(Exchange exchange, String name) {
        return Forms.field(exchange, name);
    }

    private static HttpServerRequest request(Exchange exchange) {
        return Forms.request(exchange);
    }
}
