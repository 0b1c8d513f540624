package nl.dsrhub.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The officer's dashboard sessions. The log-in form takes the hub's token once and opens a session: the browser
 * keeps a random session id in a cookie (never the token, which would give whoever copies the cookie the API too),
 * and every form carries the session's CSRF token. A session ends at log-out, after {@code idle} without use, and
 * at the latest {@code lifetime} after log-in. Kept in memory: a restarted hub asks the officer to log in again.
 * Stored by the SHA-256 of the id, so the map itself holds nothing a browser could present.
 */
public final class Sessions {

    public static final String COOKIE = "dsr_session";

    /** One logged-in browser: its CSRF token and when the session ends. */
    public record Session(String key, String csrf, Instant started, Instant lastUsed) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration idle;
    private final Duration lifetime;

    public Sessions(Clock clock, Duration idle, Duration lifetime) {
        this.clock = clock;
        this.idle = idle;
        this.lifetime = lifetime;
    }

    /** Opens a session; returns the id for the cookie (the only time it exists outside the browser). */
    public String open() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> expired(s, now));
        String id = random();
        String key = key(id);
        sessions.put(key, new Session(key, random(), now, now));
        return id;
    }

    /** The live session of a cookie value, marked as used now; empty when unknown, ended or expired. */
    public Optional<Session> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session s = sessions.computeIfPresent(key(id),
                (k, old) -> expired(old, now) ? null : new Session(k, old.csrf(), old.started(), now));
        return Optional.ofNullable(s);
    }

    /** Ends a session (log-out). */
    public void close(String id) {
        if (id != null) {
            sessions.remove(key(id));
        }
    }

    /** Whether a form's CSRF token is its session's, compared in constant time. */
    public static boolean csrfMatches(Session session, String candidate) {
        return candidate != null && MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8),
                session.csrf().getBytes(StandardCharsets.UTF_8));
    }

    /** How long the cookie may live in the browser: the session's lifetime, in seconds. */
    public long maxAgeSeconds() {
        return lifetime.toSeconds();
    }

    private boolean expired(Session s, Instant now) {
        return now.isAfter(s.lastUsed().plus(idle)) || now.isAfter(s.started().plus(lifetime));
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String key(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
