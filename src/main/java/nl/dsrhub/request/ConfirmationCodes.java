package nl.dsrhub.request;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dsrhub.store.Jdbc;

/**
 * One-time codes that confirm a held request: {@code CONFIRM-} and 26 characters of an alphabet without
 * look-alikes, 130 random bits, so nobody guesses one. The code goes out in the mail to the officer's
 * allow-listed address only, and whoever answers with it has read that mailbox; a forger who wrote the
 * request never sees it. Stored as its SHA-256 only (a code this random needs no salt), valid for a limited
 * time, used once. Never logged, not even at DEBUG.
 */
public final class ConfirmationCodes {

    /** A code as mailed, with the moment it stops working. */
    public record Issued(String code, OffsetDateTime expiresAt) {
        @Override
        public String toString() {
            return "Issued[expiresAt=" + expiresAt + "]"; // never the code
        }
    }

    public enum State { VALID, UNKNOWN, USED, EXPIRED }

    /** What a code is worth now; {@code requestId} is null for an unknown code. */
    public record Check(State state, String requestId, String hash, OffsetDateTime expiresAt) {
    }

    private static final String PREFIX = "CONFIRM-";
    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final int LENGTH = 26;
    private static final Pattern CODE = Pattern.compile("\\b" + PREFIX + "([2-9A-HJ-NP-Z]{" + LENGTH + "})\\b", Pattern.CASE_INSENSITIVE);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Duration validity;

    public ConfirmationCodes(Clock clock, Duration validity) {
        this.clock = clock;
        this.validity = validity;
    }

    public Duration validity() {
        return validity;
    }

    /** A new code for the request, in the caller's transaction; an earlier unused code of it stops working. */
    public Issued issue(Jdbc tx, String requestId) {
        StringBuilder code = new StringBuilder(PREFIX);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime expires = now.plus(validity);
        tx.update("DELETE FROM dsr_confirmation_code WHERE request_id = ? AND used_at IS NULL", requestId);
        tx.update("INSERT INTO dsr_confirmation_code (code_hash, request_id, created_at, expires_at) VALUES (?,?,?,?)",
                hash(code.toString()), requestId, now, expires);
        return new Issued(code.toString(), expires);
    }

    public Check check(Jdbc tx, String code) {
        String hash = hash(code.toUpperCase(Locale.ROOT));
        return tx.queryOne("SELECT request_id, expires_at, used_at FROM dsr_confirmation_code WHERE code_hash = ?", rs -> {
            OffsetDateTime expires = Jdbc.timestamp(rs, "expires_at");
            State state = Jdbc.timestamp(rs, "used_at") != null ? State.USED
                    : expires.isBefore(OffsetDateTime.now(clock)) ? State.EXPIRED : State.VALID;
            return new Check(state, rs.getString("request_id"), hash, expires);
        }, hash).orElse(new Check(State.UNKNOWN, null, hash, null));
    }

    /** Marks the code used; false when another caller used it first. */
    public boolean use(Jdbc tx, Check check) {
        return tx.update("UPDATE dsr_confirmation_code SET used_at = ? WHERE code_hash = ? AND used_at IS NULL",
                OffsetDateTime.now(clock), check.hash()) == 1;
    }

    /** Every distinct code in the texts, upper-cased, in order of appearance. */
    public static List<String> find(String... texts) {
        List<String> out = new ArrayList<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Matcher m = CODE.matcher(text);
            while (m.find()) {
                String code = PREFIX + m.group(1).toUpperCase(Locale.ROOT);
                if (!out.contains(code)) {
                    out.add(code);
                }
            }
        }
        return out;
    }

    static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
