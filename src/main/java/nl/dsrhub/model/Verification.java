package nl.dsrhub.model;

import java.time.OffsetDateTime;

/**
 * How the officer verified the subject's identity. Only who, how and when are kept:
 * an ID document is checked and discarded by the officer, never attached.
 */
public record Verification(String method, String verifiedBy, OffsetDateTime verifiedAt) {
    public static final String KNOWN_EMAIL = "known-email";
    public static final String ACCOUNT_LOGIN = "account-login";
    public static final String ID_DOCUMENT = "id-document";
}
