package nl.dsrhub.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import nl.dsrhub.files.SecretFile;

/**
 * The hub's API token: made at first start into the data dir (owner-only file, {@code dashboard.token}). Scripts
 * and the CLI send it as {@code Authorization: Bearer TOKEN}; the officer types it once into the dashboard's log-in
 * form, which opens a session (the token itself is never a cookie). Compared in constant time.
 */
public final class AccessToken {

    private final String token;

    public AccessToken(String token) {
        this.token = token;
    }

    public static AccessToken fromDataDir(Path dataDir) {
        return new AccessToken(SecretFile.readOrCreate(file(dataDir)));
    }

    public static Path file(Path dataDir) {
        return dataDir.resolve("dashboard.token");
    }

    public String value() {
        return token;
    }

    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    /** True for an {@code Authorization} header value {@code Bearer <the token>}. */
    public boolean isBearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && matches(authorization.substring(7).trim());
    }
}
