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
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.Jdbc;
import nl.dsrhub.store.Json;
import nl.dsrhub.store.LedgerSeal;
import nl.dsrhub.store.SubjectPseudonyms;
import nl.dsrhub.text.CsvCell;
import nl.dsrhub.text.SingleLine;

/**
 * The register of handled requests: append-only rows, each hashing the previous row's hash with an HMAC under the
 * ledger key (rows an earlier version wrote before the chain was keyed: with SHA-256), with the subject as a keyed
 * HMAC of the e-mail address. The head row carries a seal under the key ({@link LedgerSeal}), so rewriting rows and
 * recomputing the chain, removing rows at its end, or passing keyed rows off as earlier ones all need the key. Rows
 * are appended inside the transaction that records the event they prove; the single head row is locked by each
 * append, so the chain is serial on H2 and PostgreSQL alike. Rows hold no free text about the subject: kinds,
 * connectors, outcomes, and an extension's reason, which the officer gives for the register.
 */
public final class Ledger implements EventLog.Listener, SubjectPseudonyms {

    public static final String GENESIS = "0".repeat(64);

    public record Entry(long seq, OffsetDateTime at, String requestId, String requestType, String subject,
                        String connector, String kind, String detail, String prevHash, String hash) {
    }

    /**
     * The outcome of {@link #verify()}: ok, or the first broken row and why.
     *
     * @param checked which rows were checked how (the earlier version's SHA-256 rows, the keyed rows, the seal)
     */
    public record Verification(boolean ok, long rows, Long brokenSeq, String problem, String checked) {
    }

    /** The chain's head: the last row, where the keyed chain starts, and the seal over both. */
    private record Head(long seq, String hash, long keyedFrom, String seal) {
    }

    /** An extension's reason is kept whole in the register, up to this length (the column's). */
    static final int MAX_DETAIL = 400;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Ledger.class);

    private final Jdbc jdbc;
    private final Clock clock;
    private final byte[] key;
    private volatile boolean brokenSealReported;

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
            case "completed", "delivered", "purged", "discarded", "closed-inactive" -> append(tx, requestId, connector, kind, null);
            // the new deadline and the officer's reason, which the register keeps (art. 12(3), art. 5(2))
            case "extended" -> append(tx, requestId, null, "extended", SingleLine.of(detail));
            // the retention calendar's end of a retained record: the kind of record only, never its id
            case "retention-erased", "retention-officer" -> append(tx, requestId, connector, kind, firstWord(detail));
            // an answer so far (art. 12(3)): how it went out, its file's SHA-256, the due date, who had not answered
            case "interim" -> append(tx, requestId, null, "interim", detail);
            // a refusal (art. 12(4)): its ground only, never the officer's reasons; and that the subject was told
            case "refused" -> append(tx, requestId, null, "refused", firstWord(detail));
            case "refusal-notified" -> append(tx, requestId, null, "refusal-notified", null);
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
        Head head = head(tx, " FOR UPDATE");
        String[] subjectAndType = subjectOf(tx, requestId);
        OffsetDateTime at = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        String shortDetail = detail == null ? null : detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
        Entry e = new Entry(head.seq() + 1, at, requestId, subjectAndType[1], subjectAndType[0], connector, kind,
                shortDetail, head.hash(), null);
        String hash = hash(e, head.keyedFrom());
        tx.update("INSERT INTO dsr_ledger (seq, at, request_id, request_type, subject, connector, kind, detail, prev_hash, hash) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?)", e.seq(), e.at(), e.requestId(), e.requestType(), e.subject(),
                e.connector(), e.kind(), e.detail(), head.hash(), hash);
        tx.update("UPDATE dsr_ledger_head SET seq = ?, hash = ?, seal = ? WHERE id = 1", e.seq(), hash, nextSeal(head, e.seq(), hash));
    }

    /**
     * The seal after an append: the hub seals only a head it can vouch for. A head whose seal does not hold (rewritten
     * without the key, or written under another key) keeps its broken seal, so {@code ledger verify} goes on saying so.
     */
    private String nextSeal(Head head, long seq, String hash) {
        if (LedgerSeal.holds(key, head.keyedFrom(), head.seq(), head.hash(), head.seal())) {
            return LedgerSeal.of(key, head.keyedFrom(), seq, hash);
        }
        if (!brokenSealReported) {
            brokenSealReported = true;
            LOG.warn("the ledger head's seal does not hold under the ledger key: rows are appended, the seal is left broken;"
                    + " run `ledger verify`");
        }
        return head.seal() == null ? "unsealed" : head.seal();
    }

    private static Head head(Jdbc tx, String lock) {
        return tx.queryOne("SELECT seq, hash, keyed_from, seal FROM dsr_ledger_head WHERE id = 1" + lock,
                        rs -> new Head(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)))
                .orElseThrow(() -> new IllegalStateException("the ledger head row is missing"));
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

    /**
     * The subject as the ledger knows them, and the registers of objections and restrictions too: HMAC-SHA256 of the
     * trimmed, lower-cased address.
     */
    @Override
    public String pseudonym(String email) {
        return LedgerSeal.hmac(key, email.trim().toLowerCase(Locale.ROOT));
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

    /**
     * Recomputes the chain: an edited row breaks its hash, a removed row the link or the head; the head's seal must hold
     * under the ledger key. Says which rows were checked how.
     */
    public Verification verify() {
        List<Entry> all = entries();
        Head head = head(jdbc, "");
        String checked = checked(all.size(), head.keyedFrom());
        String prev = GENESIS;
        long expected = 1;
        for (Entry e : all) {
            String problem = !(e.seq() == expected) ? "row " + expected + " is missing before row " + e.seq()
                    : !e.prevHash().equals(prev) ? "row " + e.seq() + " does not link to the row before it"
                    : !hash(e, head.keyedFrom()).equals(e.hash()) ? "row " + e.seq() + " was changed (hash mismatch"
                            + (e.seq() >= head.keyedFrom() ? " under the ledger key" : "") + ")"
                    : null;
            if (problem != null) {
                return new Verification(false, all.size(), e.seq(), problem, checked);
            }
            prev = e.hash();
            expected++;
        }
        long last = expected - 1;
        if (head.seq() != last) {
            return new Verification(false, all.size(), last + 1, "the chain ends at row " + last + " but its head says row "
                    + head.seq() + ": rows after " + last + " were removed", checked);
        }
        if (!head.hash().equals(prev)) {
            return new Verification(false, all.size(), last, "row " + last + " does not match the ledger head", checked);
        }
        if (!LedgerSeal.holds(key, head.keyedFrom(), head.seq(), head.hash(), head.seal())) {
            return new Verification(false, all.size(), last, "the ledger head's seal does not hold under the ledger key: the "
                    + "chain was rewritten without the key (rows re-hashed, removed at the end, or passed off as written before "
                    + "the chain was keyed), or the key is not the one the ledger was written with", checked);
        }
        return new Verification(true, all.size(), null, null, checked);
    }

    /** Which rows are checked how: the earlier version's SHA-256 rows, then the keyed ones, then the seal. */
    private static String checked(long rows, long keyedFrom) {
        long unkeyed = Math.min(rows, keyedFrom - 1);
        String keyed = rows > unkeyed ? (unkeyed + 1 == rows ? "row " + rows : "rows " + (unkeyed + 1) + "-" + rows)
                + " chained with HMAC-SHA256 under the ledger key" : null;
        String earlier = unkeyed > 0 ? (unkeyed == 1 ? "row 1" : "rows 1-" + unkeyed)
                + " chained with SHA-256 (written before the chain was keyed, held by the keyed seal after them)" : null;
        String parts = java.util.stream.Stream.of(earlier, keyed).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.joining("; "));
        return (parts.isEmpty() ? "no rows" : parts) + "; the head's seal checked under the ledger key";
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

    /** A row's hash: HMAC-SHA256 under the key from {@code keyedFrom} on, SHA-256 for the rows an earlier version wrote. */
    private String hash(Entry e, long keyedFrom) {
        String text = text(e);
        return e.seq() >= keyedFrom ? LedgerSeal.hmac(key, text) : sha256(text);
    }

    /** What a row's hash covers: the row before it and every field. */
    static String text(Entry e) {
        return String.join("|", e.prevHash(), Long.toString(e.seq()),
                e.at().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS).toInstant().toString(),
                e.requestId(), n(e.requestType()), n(e.subject()), n(e.connector()), e.kind(), n(e.detail()));
    }

    static String sha256(String text) {
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
