package nl.dsrhub.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.Jdbc;
import nl.dsrhub.store.Json;
import nl.dsrhub.text.CsvCell;

/**
 * The register of handled requests: append-only rows, each hashing the previous row's hash, with
 * the subject as a keyed HMAC of the e-mail address. Rows are appended inside the transaction that
 * records the event they prove; the single head row is locked by each append, so the chain is
 * serial on H2 and PostgreSQL alike. Rows hold no free text: only kinds, connectors and outcomes.
 */
public final class Ledger implements EventLog.Listener {

    public static final String GENESIS = "0".repeat(64);

    public record Entry(long seq, OffsetDateTime at, String requestId, String requestType, String subject,
                        String connector, String kind, String detail, String prevHash, String hash) {
    }

    /** The outcome of {@link #verify()}: ok, or the first broken row and why. */
    public record Verification(boolean ok, long rows, Long brokenSeq, String problem) {
    }

    private final Jdbc jdbc;
    private final Clock clock;
    private final byte[] key;

    public Ledger(Jdbc jdbc, Clock clock, String key) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    /** Maps the hub's timeline events to ledger entries; the others (planned, retries) are not proof. */
    @Override
    public void recorded(Jdbc tx, String requestId, String connector, String kind, String detail) {
        switch (kind) {
            case "received" -> {
                append(tx, requestId, null, "received", null);
                append(tx, requestId, null, "verified", verificationMethod(tx, requestId));
            }
            case "outcome", "settled" -> {
                sentOnce(tx, requestId, connector);
                append(tx, requestId, connector, "outcome", firstWord(detail));
            }
            case "retry-scheduled" -> sentOnce(tx, requestId, connector);
            case "completed", "delivered", "purged", "discarded" -> append(tx, requestId, connector, kind, null);
            case "extended" -> append(tx, requestId, null, "extended", firstWord(detail));
            // an answer so far (art. 12(3)): how it went out, its file's SHA-256, the due date, who had not answered
            case "interim" -> append(tx, requestId, null, "interim", detail);
            default -> { }
        }
    }

    /**
     * The first answer (or failure) proves the processor was asked. The row is appended then, in that
     * answer's transaction, so asking costs no ledger write of its own; its detail is when the processor
     * was first contacted (the task's {@code notified_at}, art. 19: the date the recipient was told).
     */
    private void sentOnce(Jdbc tx, String requestId, String connector) {
        boolean sent = !tx.query("SELECT 1 FROM dsr_ledger WHERE request_id = ? AND connector = ? AND kind = 'sent'",
                rs -> 1, requestId, connector).isEmpty();
        if (!sent) {
            String contacted = tx.queryOne("SELECT notified_at FROM dsr_task WHERE request_id = ? AND connector = ?",
                    rs -> Jdbc.timestamp(rs, "notified_at"), requestId, connector)
                    .map(t -> t.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString())
                    .orElse(null);
            append(tx, requestId, connector, "sent", contacted);
        }
    }

    /** Appends one entry in the caller's transaction; waits for the head row, so appends never interleave. */
    public void append(Jdbc tx, String requestId, String connector, String kind, String detail) {
        long[] seq = new long[1];
        String prev = tx.queryOne("SELECT seq, hash FROM dsr_ledger_head WHERE id = 1 FOR UPDATE", rs -> {
            seq[0] = rs.getLong(1);
            return rs.getString(2);
        }).orElseThrow(() -> new IllegalStateException("the ledger head row is missing"));
        String[] subjectAndType = subjectOf(tx, requestId);
        OffsetDateTime at = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        String shortDetail = detail == null ? null : detail.length() > 200 ? detail.substring(0, 200) : detail;
        Entry e = new Entry(seq[0] + 1, at, requestId, subjectAndType[1], subjectAndType[0], connector, kind,
                shortDetail, prev, null);
        String hash = hash(e);
        tx.update("INSERT INTO dsr_ledger (seq, at, request_id, request_type, subject, connector, kind, detail, prev_hash, hash) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?)", e.seq(), e.at(), e.requestId(), e.requestType(), e.subject(),
                e.connector(), e.kind(), e.detail(), prev, hash);
        tx.update("UPDATE dsr_ledger_head SET seq = ?, hash = ? WHERE id = 1", e.seq(), hash);
    }

    /** The pseudonym and type: from an earlier entry (the document may be purged), else from the request. */
    private String[] subjectOf(Jdbc tx, String requestId) {
        Optional<String[]> known = tx.queryOne("SELECT subject, request_type FROM dsr_ledger WHERE request_id = ? "
                + "AND subject IS NOT NULL ORDER BY seq", rs -> new String[] {rs.getString(1), rs.getString(2)}, requestId);
        if (known.isPresent()) {
            return known.get();
        }
        return tx.queryOne("SELECT type, document FROM dsr_request WHERE id = ?", rs -> {
            String document = rs.getString(2);
            String email = null;
            if (document != null) {
                JsonNode node = Json.read(Json.mapper(), document, JsonNode.class).path("subject").path("email");
                email = node.isTextual() ? node.asText() : null;
            }
            return new String[] {email == null ? null : pseudonym(email), rs.getString(1)};
        }, requestId).orElse(new String[] {null, null});
    }

    private static String verificationMethod(Jdbc tx, String requestId) {
        return tx.queryOne("SELECT document FROM dsr_request WHERE id = ?", rs -> {
            String d = rs.getString(1);
            if (d == null) {
                return null;
            }
            JsonNode m = Json.read(Json.mapper(), d, JsonNode.class).path("verification").path("method");
            return m.isTextual() ? m.asText() : null;
        }, requestId).orElse(null);
    }

    /** The subject as the ledger knows them: HMAC-SHA256 of the trimmed, lower-cased address. */
    public String pseudonym(String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public List<Entry> entries() {
        return jdbc.query("SELECT * FROM dsr_ledger ORDER BY seq", rs -> new Entry(rs.getLong("seq"),
                Jdbc.timestamp(rs, "at"), rs.getString("request_id"), rs.getString("request_type"),
                rs.getString("subject"), rs.getString("connector"), rs.getString("kind"), rs.getString("detail"),
                rs.getString("prev_hash"), rs.getString("hash")));
    }

    public List<Entry> entries(String requestId) {
        return entries().stream().filter(e -> e.requestId().equals(requestId)).toList();
    }

    /** Recomputes the chain: an edited row breaks its hash, a removed row the link or the head. */
    public Verification verify() {
        List<Entry> all = entries();
        String prev = GENESIS;
        long expected = 1;
        for (Entry e : all) {
            if (e.seq() != expected) {
                return new Verification(false, all.size(), e.seq(), "row " + expected + " is missing before row " + e.seq());
            }
            if (!e.prevHash().equals(prev)) {
                return new Verification(false, all.size(), e.seq(), "row " + e.seq() + " does not link to the row before it");
            }
            if (!hash(e).equals(e.hash())) {
                return new Verification(false, all.size(), e.seq(), "row " + e.seq() + " was changed (hash mismatch)");
            }
            prev = e.hash();
            expected++;
        }
        long last = expected - 1;
        String headProblem = jdbc.queryOne("SELECT seq, hash FROM dsr_ledger_head WHERE id = 1", rs -> {
            long seq = rs.getLong(1);
            if (seq != last) {
                return "the chain ends at row " + last + " but its head says row " + seq + ": rows after " + last + " were removed";
            }
            return "";
        }).orElse("the ledger head row is missing");
        if (!headProblem.isEmpty()) {
            return new Verification(false, all.size(), last + 1, headProblem);
        }
        String headHash = jdbc.queryOne("SELECT hash FROM dsr_ledger_head WHERE id = 1", rs -> rs.getString(1)).orElse("");
        if (!headHash.equals(prev)) {
            return new Verification(false, all.size(), last, "row " + last + " does not match the ledger head");
        }
        return new Verification(true, all.size(), null, null);
    }

    /**
     * The register as CSV: one line per entry, no personal data. Its fields hold no free text (ids, kinds,
     * outcomes, the verification method, times, hashes); each is still a {@link CsvCell} like every CSV the
     * hub writes, so a spreadsheet never runs one as a formula.
     */
    public String csv() {
        StringBuilder sb = new StringBuilder("seq,at,request_id,request_type,subject_pseudonym,connector,kind,detail,hash\n");
        for (Entry e : entries()) {
            sb.append(e.seq()).append(',').append(CsvCell.text(e.at().toString())).append(',')
                    .append(CsvCell.text(e.requestId())).append(',').append(CsvCell.text(e.requestType())).append(',')
                    .append(CsvCell.text(e.subject())).append(',').append(CsvCell.text(e.connector())).append(',')
                    .append(CsvCell.text(e.kind())).append(',').append(CsvCell.text(e.detail())).append(',')
                    .append(CsvCell.text(e.hash())).append('\n');
        }
        return sb.toString();
    }

    static String hash(Entry e) {
        String text = String.join("|", e.prevHash(), Long.toString(e.seq()),
                e.at().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS).toInstant().toString(),
                e.requestId(), n(e.requestType()), n(e.subject()), n(e.connector()), e.kind(), n(e.detail()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String n(String s) {
        return s == null ? "\u0000" : s;
    }

    private static String firstWord(String detail) {
        if (detail == null || detail.isBlank()) {
            return null;
        }
        String w = detail.strip().split("[\\s:;,]", 2)[0];
        return w.length() > 60 ? w.substring(0, 60) : w;
    }
}
