package nl.dsrhub.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The suppression register (GDPR art. 21(2)-(3)): the addresses that objected to direct marketing, which may never be
 * used for it again, also after the request is purged. An address is kept only as the ledger's keyed pseudonym
 * ({@link SubjectPseudonyms}), with the request that put it there and since when: the officer sees request ids and
 * dates, never an address. Its findings are the suppressed addresses the re-subscription check met subscribed again at
 * a processor (an import, a sign-up form), kept until handled: by connector and list, at most one open finding per
 * register entry, connector and list.
 */
public final class SuppressionRegister {

    /** The one scope there is: an objection to direct marketing (art. 21(2)). */
    public static final String DIRECT_MARKETING = "direct-marketing";
    /** A finding resolved because a later check no longer found the address subscribed in that list. */
    public static final String BY_CHECK = "check";
    /** A finding the officer marked handled. */
    public static final String BY_OFFICER = "officer";

    /** One address of the register, as the officer sees it: the request that put it there, and since when. */
    public record Entry(long id, String requestId, String scope, OffsetDateTime since) {
    }

    /**
     * A suppressed address found subscribed: which register entry (and its request), at which connector and list
     * ({@code list} null for a processor without lists), when, and whether and how it was resolved.
     */
    public record Finding(long id, long entryId, String requestId, String connector, String list, OffsetDateTime foundAt,
                          OffsetDateTime resolvedAt, String resolvedBy) {
        public boolean open() {
            return resolvedAt == null;
        }
    }

    /** A register entry met subscribed in a processor's list (null: the processor has no lists). */
    public record Match(Entry entry, String list) {
    }

    private final Jdbc jdbc;
    private final SubjectPseudonyms pseudonyms;

    public SuppressionRegister(Jdbc jdbc, SubjectPseudonyms pseudonyms) {
        this.jdbc = jdbc;
        this.pseudonyms = pseudonyms;
    }

    /** The same register inside the caller's transaction (e.g. the one recording the objection's outcome). */
    public SuppressionRegister within(Jdbc tx) {
        return new SuppressionRegister(tx, pseudonyms);
    }

    /**
     * Puts the address in the register for the objection {@code requestId}. Idempotent: an address already there keeps
     * its entry (the first objection's request and date). True when it was added now.
     */
    public boolean add(String requestId, String email, OffsetDateTime at) {
        String subject = pseudonyms.pseudonym(email);
        try {
            return jdbc.update("INSERT INTO dsr_suppression (subject, scope, request_id, since) SELECT ?, ?, ?, ? "
                            + "WHERE NOT EXISTS (SELECT 1 FROM dsr_suppression WHERE subject = ? AND scope = ?)",
                    subject, DIRECT_MARKETING, requestId, at, subject, DIRECT_MARKETING) == 1;
        } catch (StoreException raced) {
            // another hub added the same address between the check and the insert: the unique (subject, scope) held
            if (entryOf(subject).isPresent()) {
                return false;
            }
            throw raced;
        }
    }

    /** Whether the address objected to direct marketing. */
    public boolean isSuppressed(String email) {
        return entry(email).isPresent();
    }

    /** The address's entry, if it is in the register. */
    public Optional<Entry> entry(String email) {
        return entryOf(pseudonyms.pseudonym(email));
    }

    /** How many addresses the register holds. */
    public long count() {
        return jdbc.queryOne("SELECT COUNT(*) FROM dsr_suppression", rs -> rs.getLong(1)).orElse(0L);
    }

    /** Every entry, oldest first: request ids and dates, never an address. */
    public List<Entry> entries() {
        return jdbc.query("SELECT id, request_id, scope, since FROM dsr_suppression ORDER BY since, id", SuppressionRegister::entry);
    }

    /**
     * The addresses among {@code emails} that are in the register, each with its entry: every address is pseudonymised
     * once and looked up among the register's pseudonyms, read once. The keys are the given addresses: in memory only.
     */
    public Map<String, Entry> suppressedAmong(Collection<String> emails) {
        Map<String, Entry> bySubject = new HashMap<>();
        jdbc.query("SELECT id, request_id, scope, since, subject FROM dsr_suppression WHERE scope = ?",
                rs -> bySubject.put(rs.getString("subject"), entry(rs)), DIRECT_MARKETING);
        Map<String, Entry> found = new LinkedHashMap<>();
        if (bySubject.isEmpty()) {
            return found;
        }
        for (String email : emails) {
            Entry e = bySubject.get(pseudonyms.pseudonym(email));
            if (e != null) {
                found.put(email, e);
            }
        }
        return found;
    }

    /**
     * What one complete check of {@code connector} found: each match not already open becomes a finding (returned, for
     * the officer's notice); an open finding of this connector that the check no longer met is resolved
     * ({@link #BY_CHECK}): the address was unsubscribed there meanwhile. Call it only with a complete list of the
     * connector's subscribers, or findings are resolved that still hold.
     */
    public List<Finding> reconcile(String connector, Collection<Match> matches, OffsetDateTime at) {
        Set<String> seen = new HashSet<>();
        List<Finding> recorded = new ArrayList<>();
        for (Match m : matches) {
            String key = openKey(m.entry().id(), connector, m.list());
            if (seen.add(key) && insertOpen(m, connector, key, at)) {
                jdbc.queryOne("SELECT * FROM dsr_resubscription WHERE open_key = ?", SuppressionRegister::finding, key)
                        .ifPresent(recorded::add);
            }
        }
        for (Finding f : openFindings()) {
            if (f.connector().equals(connector) && !seen.contains(openKey(f.entryId(), connector, f.list()))) {
                resolve(f.id(), at, BY_CHECK);
            }
        }
        return recorded;
    }

    /** The officer handled the finding. False when there is no such open finding. */
    public boolean resolve(long findingId, OffsetDateTime at) {
        return resolve(findingId, at, BY_OFFICER);
    }

    /** The findings not resolved yet, oldest first. */
    public List<Finding> openFindings() {
        return jdbc.query("SELECT * FROM dsr_resubscription WHERE resolved_at IS NULL ORDER BY found_at, id",
                SuppressionRegister::finding);
    }

    /** Every finding, resolved ones too, newest first. */
    public List<Finding> findings() {
        return jdbc.query("SELECT * FROM dsr_resubscription ORDER BY found_at DESC, id DESC", SuppressionRegister::finding);
    }

    /** One finding, open or resolved, by its id. */
    public Optional<Finding> finding(long findingId) {
        return jdbc.queryOne("SELECT * FROM dsr_resubscription WHERE id = ?", SuppressionRegister::finding, findingId);
    }

    public long openFindingCount() {
        return jdbc.queryOne("SELECT COUNT(*) FROM dsr_resubscription WHERE resolved_at IS NULL", rs -> rs.getLong(1))
                .orElse(0L);
    }

    private boolean insertOpen(Match m, String connector, String key, OffsetDateTime at) {
        try {
            // the list typed: PostgreSQL cannot tell the type of a NULL parameter in a SELECT list
            return jdbc.update("INSERT INTO dsr_resubscription (suppression_id, request_id, connector, list_id, found_at, "
                            + "open_key) SELECT ?, ?, ?, CAST(? AS VARCHAR(300)), ?, ? WHERE NOT EXISTS (SELECT 1 FROM "
                            + "dsr_resubscription WHERE open_key = ?)", m.entry().id(), m.entry().requestId(), connector,
                    m.list(), at, key, key) == 1;
        } catch (StoreException raced) {
            // another hub's check recorded it first: the unique open_key held
            if (jdbc.queryOne("SELECT 1 FROM dsr_resubscription WHERE open_key = ?", rs -> 1, key).isPresent()) {
                return false;
            }
            throw raced;
        }
    }

    private boolean resolve(long findingId, OffsetDateTime at, String by) {
        return jdbc.update("UPDATE dsr_resubscription SET resolved_at = ?, resolved_by = ?, open_key = NULL "
                + "WHERE id = ? AND resolved_at IS NULL", at, by, findingId) == 1;
    }

    private Optional<Entry> entryOf(String subject) {
        return jdbc.queryOne("SELECT id, request_id, scope, since FROM dsr_suppression WHERE subject = ? AND scope = ?",
                SuppressionRegister::entry, subject, DIRECT_MARKETING);
    }

    /** The open finding's key: entry, connector and list (the unit separator appears in none of them). */
    private static String openKey(long entryId, String connector, String list) {
        return entryId + "\u001F" + connector + "\u001F" + (list == null ? "" : list);
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getString("request_id"), rs.getString("scope"), Jdbc.timestamp(rs, "since"));
    }

    private static Finding finding(ResultSet rs) throws SQLException {
        return new Finding(rs.getLong("id"), rs.getLong("suppression_id"), rs.getString("request_id"),
                rs.getString("connector"), rs.getString("list_id"), Jdbc.timestamp(rs, "found_at"),
                Jdbc.timestamp(rs, "resolved_at"), rs.getString("resolved_by"));
    }
}
