package nl.dsrhub.model;

import java.util.Locale;

/** What the data subject asked for: erasure (GDPR art. 17) or access/portability (art. 15/20). */
public enum RequestType {
    EXPORT, ERASURE;

    /** The spelling used in request files and outputs: {@code export} or {@code erasure}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RequestType fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
