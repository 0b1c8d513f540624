package nl.dsrhub.model;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a request of a type beyond access and erasure asks in particular: the corrections of a rectification, the
 * reason of a restriction, which restriction a lifting ends, the kind and grounds of an objection. Only the one of the
 * request's type is set (the request schema says which goes with which type). Personal data (a corrected name or
 * address): never logged, purged with the request's document.
 */
public record Particulars(Changes changes, Restriction restriction, Lift lift, Objection objection) {

    public static final Particulars NONE = new Particulars(null, null, null, null);

    /**
     * The corrections of a rectification (art. 16): only what is to change is set. A new e-mail address needs the
     * stronger verification the request policy enforces, and {@code newEmailVerifiedAt}: when the officer checked the
     * subject receives mail there.
     */
    public record Changes(String email, String firstName, String lastName, String phone, PostalAddress address,
                          OffsetDateTime newEmailVerifiedAt) {

        /** The kinds of data a rectification corrects, as connector files name them ({@code ifChanges}, {@code corrects}). */
        public static final List<String> KINDS = List.of("name", "email", "phone", "address");

        /** Whether the request corrects data of this kind (one of {@link #KINDS}). */
        public boolean changes(String kind) {
            return switch (kind) {
                case "name" -> firstName != null || lastName != null;
                case "email" -> email != null;
                case "phone" -> phone != null;
                case "address" -> address != null;
                default -> throw new IllegalArgumentException("no kind of data '" + kind + "'; known: " + KINDS);
            };
        }

        /** First and last name as one, for processors that keep a single name field; null when neither changes. */
        public String fullName() {
            if (firstName == null && lastName == null) {
                return null;
            }
            return ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        }
    }

    /** A postal address as the processors split it; {@code country} an ISO 3166-1 alpha-2 code (NL, BE, ...). */
    public record PostalAddress(String street, String houseNumber, String postalCode, String city, String country) {

        /** Street and house number on one line, as most processors' first address line holds them. */
        public String line1() {
            return street + " " + houseNumber;
        }
    }

    /**
     * Why processing is restricted (art. 18(1)): {@code accuracy-contested} (a), {@code unlawful-processing} (b),
     * {@code legal-claims} (c) or {@code objection-pending} (d); {@code explanation} in the officer's words, optional.
     */
    public record Restriction(String reason, String explanation) {
    }

    /** Which restriction request a lifting ends, and why it may end (art. 18(3)). */
    public record Lift(String restrictionRequestId, String reason) {
    }

    /**
     * An objection (art. 21): {@code direct-marketing} (21(2), absolute) or {@code particular-situation} (21(1): the
     * officer weighs the {@code grounds} the subject gave against the shop's before anything is done).
     */
    public record Objection(String kind, String grounds) {
        public static final String DIRECT_MARKETING = "direct-marketing";
        public static final String PARTICULAR_SITUATION = "particular-situation";

        public boolean directMarketing() {
            return DIRECT_MARKETING.equals(kind);
        }

        /**
         * What an objection on grounds of a particular situation is carried out as when the officer upholds it: the
         * processing stops, so the data go (art. 17(1)(c) GDPR).
         */
        public static RequestType upheldAs() {
            return RequestType.ERASURE;
        }
    }
}
