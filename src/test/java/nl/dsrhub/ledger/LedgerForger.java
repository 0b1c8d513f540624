package nl.dsrhub.ledger;

import java.util.List;
import java.util.function.UnaryOperator;
import nl.dsrhub.store.Jdbc;
import nl.dsrhub.store.LedgerSeal;

/**
 * What someone who can write to the hub's database does to its register: rewrites a row and recomputes the chain
 * after it, as the chain's format is public. Without the key the best they can do is SHA-256; with it, HMAC.
 */
final class LedgerForger {

    private final Jdbc jdbc;

    LedgerForger(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The hash an attacker without the key can compute. */
    static UnaryOperator<String> withoutKey() {
        return Ledger::sha256;
    }

    /** The hash whoever holds the ledger key can compute. */
    static UnaryOperator<String> withKey(String key) {
        return text -> LedgerSeal.hmac(key.getBytes(java.nio.charset.StandardCharsets.UTF_8), text);
    }

    /** Changes the detail of row {@code seq}, then recomputes its hash and every later row's, and moves the head along. */
    void rewrite(long seq, String detail, UnaryOperator<String> hash) {
        jdbc.update("UPDATE dsr_ledger SET detail = ? WHERE seq = ?", detail, seq);
        rechainFrom(seq, hash);
    }

    /** Recomputes the hashes from row {@code seq} on and puts the head on the last row (its seal left as it was). */
    void rechainFrom(long seq, UnaryOperator<String> hash) {
        List<Ledger.Entry> rows = new Ledger(jdbc, java.time.Clock.systemUTC(), "not-the-key").entries();
        String prev = rows.stream().filter(e -> e.seq() == seq - 1).map(Ledger.Entry::hash).findFirst().orElse(Ledger.GENESIS);
        for (Ledger.Entry e : rows) {
            if (e.seq() < seq) {
                continue;
            }
            Ledger.Entry moved = new Ledger.Entry(e.seq(), e.at(), e.requestId(), e.requestType(), e.subject(), e.connector(),
                    e.kind(), e.detail(), prev, null);
            prev = hash.apply(Ledger.text(moved));
            jdbc.update("UPDATE dsr_ledger SET prev_hash = ?, hash = ? WHERE seq = ?", moved.prevHash(), prev, e.seq());
        }
        long last = rows.isEmpty() ? 0 : rows.get(rows.size() - 1).seq();
        jdbc.update("UPDATE dsr_ledger_head SET seq = ?, hash = ? WHERE id = 1", last, prev);
    }

    /** Reseals the head, as only the key's holder can. */
    void reseal(String key) {
        String seal = jdbc.queryOne("SELECT seq, hash, keyed_from FROM dsr_ledger_head WHERE id = 1", rs -> LedgerSeal.of(
                key.getBytes(java.nio.charset.StandardCharsets.UTF_8), rs.getLong(3), rs.getLong(1), rs.getString(2))).orElseThrow();
        jdbc.update("UPDATE dsr_ledger_head SET seal = ? WHERE id = 1", seal);
    }

    /** The row's sequence number of the first row of this kind (and connector, when given) of the request. */
    long seqOf(String requestId, String kind, String connector) {
        return new Ledger(jdbc, java.time.Clock.systemUTC(), "not-the-key").entries(requestId).stream()
                .filter(e -> e.kind().equals(kind) && (connector == null || connector.equals(e.connector())))
                .findFirst().orElseThrow().seq();
    }
}
