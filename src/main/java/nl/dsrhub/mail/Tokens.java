package nl.dsrhub.mail;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Correlation tokens: {@code DSR-} and ten characters of an alphabet without look-alikes (no 0/O, 1/I),
 * random so a stranger cannot guess one and settle a task. Written in the letter's subject as
 * {@code [DSR-...]}; a reply keeps the subject, and a forwarded or re-typed one usually keeps the token.
 */
public final class Tokens {

    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final Pattern TOKEN = Pattern.compile("\\bDSR-([2-9A-HJ-NP-Z]{10})\\b", Pattern.CASE_INSENSITIVE);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    public static String next() {
        StringBuilder sb = new StringBuilder("DSR-");
        for (int i = 0; i < 10; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** The first token in the texts (subject first, then body), upper-cased; empty when there is none. */
    public static Optional<String> find(String... texts) {
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Matcher m = TOKEN.matcher(text);
            if (m.find()) {
                return Optional.of("DSR-" + m.group(1).toUpperCase(java.util.Locale.ROOT));
            }
        }
        return Optional.empty();
    }
}
