package nl.dsrhub.result;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nl.dsrhub.connector.ProcessorFacts;
import nl.dsrhub.connector.ProcessorFacts.Text;
import nl.dsrhub.model.Delivery;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.Particulars;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.model.Retention;
import nl.dsrhub.model.Subject;
import nl.dsrhub.model.Verification;

/** Invented test data (example.nl) and small readers for the outputs. */
final class Fixtures {

    static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2026-11-20T09:12:00+01:00");
    static final Instant COMPLETED = Instant.parse("2026-12-03T14:30:00Z");
    static final String EMAIL = "jan.jansen@example.nl";
    static final String NAME = "Jan Jansen";
    static final String CUSTOMER_ID = "wc-cust-7781";

    private Fixtures() {
    }

    static DsrRequest request(RequestType type) {
        return new DsrRequest("req-2026-0042", type, RECEIVED, DsrRequest.deadlineFor(RECEIVED),
                new Subject(EMAIL, NAME, Map.of("woocommerce.customerId", CUSTOMER_ID)),
                new Verification(Verification.KNOWN_EMAIL, "privacy@shop.example.nl", RECEIVED.plusHours(1)),
                new Delivery(EMAIL), List.of(), "ZD-1234", "inbox/jan.json", "abc123");
    }

    /** What a rectification changes to, and what a restriction and an objection say in the officer's or subject's words. */
    static final String NEW_EMAIL = "jan.nieuw@example.nl";
    static final Particulars.PostalAddress NEW_ADDRESS = new Particulars.PostalAddress("Nieuwe Gracht", "12", "3512 LK",
            "Utrecht", "NL");
    static final String NEW_PHONE = "+31 6 12345678";
    static final String OFFICERS_EXPLANATION = "Jan Jansen belde dat zijn adres niet klopt";
    static final String SUBJECTS_GROUNDS = "mijn ex-partner werkt bij de winkel";
    static final String RESTRICTION_ID = "req-2026-0031";

    /** A request of a type that changes data, with what it asks in particular (see {@link #particulars}). */
    static DsrRequest request(RequestType type, Particulars particulars) {
        DsrRequest r = request(type);
        return new DsrRequest(r.id(), type, r.receivedAt(), r.deadline(), r.subject(), r.verification(), r.delivery(),
                r.processors(), r.reference(), r.source(), r.fingerprint(), null, particulars);
    }

    /**
     * What a request of {@code type} asks in particular: a new e-mail and postal address; accuracy contested, with the
     * officer's words; the lifting of {@link #RESTRICTION_ID}; an objection to direct marketing.
     */
    static Particulars particulars(RequestType type) {
        return switch (type) {
            case RECTIFICATION -> new Particulars(new Particulars.Changes(NEW_EMAIL, null, null, null, NEW_ADDRESS,
                    RECEIVED.plusHours(2)), null, null, null);
            case RESTRICTION -> new Particulars(null, new Particulars.Restriction("accuracy-contested", OFFICERS_EXPLANATION),
                    null, null);
            case LIFT_RESTRICTION -> new Particulars(null, null, new Particulars.Lift(RESTRICTION_ID,
                    "de juistheid is nagegaan"), null);
            case OBJECTION -> new Particulars(null, null, null, new Particulars.Objection(
                    Particulars.Objection.DIRECT_MARKETING, null));
            default -> Particulars.NONE;
        };
    }

    /** A booked invoice the law keeps as it is (AWR art. 52(4)), its end date known, no erasure in the calendar. */
    static Retention bookedInvoice(String id, LocalDate date, LocalDate until) {
        return new Retention(Retention.Kind.SHOP_LEGAL_DUTY, "invoice", id, date,
                new Retention.Words("verkoopfactuur", "sales invoice"), "AWR art. 52 lid 4",
                new Retention.Words("fiscale bewaarplicht van de administratie", "fiscal duty to keep the accounts"), null,
                new Retention.Words("7 jaar na het einde van het boekjaar", "7 years after the end of the fiscal year"),
                until, null);
    }

    static ProcessorFacts facts(String legalName, String country, String role) {
        return new ProcessorFacts(legalName, country, role,
                new Text("betalingen verwerken", "processing payments"),
                new Text("naam, e-mailadres, betaalgegevens", "name, e-mail address, payment details"),
                new Text("7 jaar na de laatste betaling", "7 years after the last payment"),
                new Text("onze webwinkel", "our web shop"),
                "privacy@" + legalName.toLowerCase().replaceAll("[^a-z]", "") + ".example.nl");
    }

    static ProcessorResult result(String connector, String title, ProcessorFacts facts, Outcome outcome,
                                  Path dataDir, List<Retention> retained, String detail) {
        return new ProcessorResult(connector, title, facts, outcome,
                RECEIVED.plusHours(2), RECEIVED.plusDays(3), detail, retained, dataDir);
    }

    /** A record kept under the shop's statutory duty: its own date, end date and the calendar's erasure. */
    static Retention shopDuty(String record, String id, LocalDate date, LocalDate until, String erasedBy) {
        return new Retention(Retention.Kind.SHOP_LEGAL_DUTY, record, id, date,
                new Retention.Words("verkoopfactuur", "sales invoice"), "AWR art. 52 lid 4",
                new Retention.Words("fiscale bewaarplicht van de administratie", "fiscal duty to keep the accounts"), null,
                new Retention.Words("7 jaar na het einde van het kalenderjaar van het stuk",
                        "7 years after the end of the calendar year of the record"),
                until, new Retention.Erasure(until.plusDays(1), erasedBy));
    }

    /** A record the processor keeps as a controller under its own duty: its law and term, no end date of ours. */
    static Retention processorDuty(String id, LocalDate date) {
        return new Retention(Retention.Kind.PROCESSOR_LEGAL_DUTY, "payment", id, date,
                new Retention.Words("betaling", "payment"), "Wwft art. 33",
                new Retention.Words("eigen bewaarplicht van de betaaldienst", "the payment service's own duty"),
                "Betaaldienst Voorbeeld B.V.", new Retention.Words("5 jaar na het einde van de zakelijke relatie",
                        "5 years after the business relationship ends"), null, null);
    }

    /** Data that remain without a legal duty: no law, only why. */
    static Retention remains(String id, LocalDate date) {
        return new Retention(Retention.Kind.NO_LEGAL_DUTY, "parcel", id, date, new Retention.Words("pakket", "parcel"),
                null, new Retention.Words("de vervoerder kan een bezorgd pakket niet verwijderen",
                        "the carrier cannot delete a delivered parcel"), null, null, null, null);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static String sha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) >= 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Every entry of a (small) zip with its bytes, in zip order. */
    static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
