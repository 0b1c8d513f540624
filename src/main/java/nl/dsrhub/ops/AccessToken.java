package nl.dsrhub.ops;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import nl.dsrhub.files.SecretFile;
import java.security.MessageDigest;
import org.apache.camel.Exchange;

/**
 * The dashboard's and API's one secret: generated at first start into the data dir (owner-only
 * file). Accepted as {@code Authorization: Bearer TOKEN} (scripts) or as the cookie the login page
 * sets (browsers); compared in constant time.
 */
public final class AccessToken {

    public static final String COOKIE = "dsr_token";

    private final String token;

    public AccessToken(String token) {
        this.token = token;
    }

    public static AccessToken fromDataDir(Path dataDir) {
        return new AccessToken(SecretFile.readOrCreate(dataDir.resolve("dashboard.token")));
    }

    public String value() {
        return token;
    }

    /** Throws {@link Unauthorized} unless the exchange carries the token. */
    public void check(Exchange exchange) {
        String auth = exchange.getMessage().getHeader("Authorization", String.class);
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) && matches(auth.substring(7).trim())) {
            return;
        }
        if (matches(cookie(exchange.getMessage().getHeader("Cookie", String.class), COOKIE))) {
            return;
        }
        throw new Unauthorized();
    }

    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    static String cookie(String header, String name) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            String p = part.trim();
            if (p.startsWith(name + "=")) {
                return p.substring(name.length() + 1);
            }
        }
        return null;
    }
}
