package nl.dsrhub.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.Jdbc;
import nl.dsrhub.store.Json;
import nl.dsrhub.store.RestrictionRegister;
import nl.dsrhub.store.RestrictionRegister.Restriction;
import nl.dsrhub.store.SuppressionRegister;
import nl.dsrhub.store.SuppressionRegister.Finding;
import nl.dsrhub.text.SingleLine;

/**
 * The registers of objections and restrictions as the officer sees them ({@code registers}, {@code GET /api/registers},
 * the dashboard's registers page): the suppression register's entries (request and date: the register holds no
 * address), the re-subscriptions the check found and nobody handled yet, and the restrictions with their reasons; and
 * the officer's one action on them, marking a finding handled, recorded in the timeline of the register entry's request.
 */
public final class Registers {

    /** What the officer's reason may hold at most: it stays in the timeline after the person's data is purged. */
    public static final int MAX_REASON = 300;
    /** The timeline's event of a finding the officer marked handled. */
    public static final String HANDLED = "resubscription-handled";

    private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>()]+@[^\\s@<>()]+\\.[^\\s@<>()]+");
    private static final String FINDING_ROW = "  %-8s %-14s %-16s %-20s %s%n";
    private static final String RESTRICTION_ROW = "  %-20s %-20s %-16s %-16s %s%n";

    /** What marking a finding handled did: done, or why not (no such finding, resolved already), for the officer. */
    public record Resolution(Kind kind, long findingId, String message) {
        public boolean done() {
            return kind == Kind.RESOLVED;
        }
    }

    public enum Kind { RESOLVED, NO_FINDING, RESOLVED_ALREADY }

    /** Addresses in the suppression register, re-subscriptions not handled yet, restrictions in force. */
    public record Counts(long suppressed, long openFindings, long restrictionsInForce) {
    }

    private final SuppressionRegister suppression;
    private final RestrictionRegister restrictions;
    private final EventLog events;
    private final Jdbc jdbc;
    private final Clock clock;
    private final ObjectMapper json = Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

    public Registers(SuppressionRegister suppression, RestrictionRegister restrictions, EventLog events, Jdbc jdbc,
                     Clock clock) {
        this.suppression = suppression;
        this.restrictions = restrictions;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What {@code registers} prints: the three lists, each with its header, dates in Dutch time. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        List<SuppressionRegister.Entry> entries = suppression.entries();
        sb.append("SUPPRESSION REGISTER (objections to direct marketing, art. 21(3) GDPR): ").append(entries.size())
                .append(" address(es), kept as the ledger's pseudonyms\n");
        if (!entries.isEmpty()) {
            sb.append(String.format("  %-20s %s%n", "REQUEST", "SINCE"));
            entries.forEach(e -> sb.append(String.format("  %-20s %s%n", e.requestId(), shortTime(e.since()))));
        }
        List<Finding> open = suppression.openFindings();
        sb.append("\nRE-SUBSCRIPTIONS OPEN: ").append(open.size());
        if (!open.isEmpty()) {
            sb.append(" (mark one handled: registers resolve FINDING-ID --reason TEXT)\n");
            sb.append(String.format(FINDING_ROW, "FINDING", "CONNECTOR", "LIST", "REQUEST", "FOUND AT"));
            open.forEach(f -> sb.append(String.format(FINDING_ROW, f.id(), f.connector(), f.list() == null ? "-" : f.list(),
                    f.requestId(), shortTime(f.foundAt()))));
        } else {
            sb.append('\n');
        }
        List<Restriction> all = restrictions.entries();
        sb.append("\nRESTRICTION REGISTER (art. 18 GDPR): ").append(all.stream().filter(Restriction::inForce).count())
                .append(" in force, ").append(all.size()).append(" in all\n");
        if (!all.isEmpty()) {
            sb.append(String.format(RESTRICTION_ROW, "REQUEST", "REASON", "SINCE", "NOTICE SENT", "LIFTED"));
            all.forEach(r -> sb.append(String.format(RESTRICTION_ROW, r.requestId(), r.reason().wire(), shortTime(r.since()),
                    shortTime(r.noticeSentAt()), r.inForce() ? "in force" : shortTime(r.liftedAt()) + " by " + r.liftRequestId())));
        }
        return sb.toString();
    }

    /** What {@code registers --json} prints: the same lists, times as RFC 3339. */
    public String json() {
        ObjectNode n = json.createObjectNode();
        List<SuppressionRegister.Entry> entries = suppression.entries();
        n.put("suppressed", entries.size());
        ArrayNode suppressed = n.putArray("suppression");
        entries.forEach(e -> suppressed.addObject().put("requestId", e.requestId()).put("scope", e.scope())
                .put("since", iso(e.since())));
        ArrayNode open = n.putArray("openFindings");
        suppression.openFindings().forEach(f -> open.addObject().put("id", f.id()).put("connector", f.connector())
                .put("list", f.list()).put("requestId", f.requestId()).put("foundAt", iso(f.foundAt())));
        ArrayNode restricted = n.putArray("restrictions");
        restrictions.entries().forEach(r -> restricted.addObject().put("requestId", r.requestId())
                .put("reason", r.reason().wire()).put("since", iso(r.since())).put("noticeSentAt", iso(r.noticeSentAt()))
                .put("liftedAt", iso(r.liftedAt())).put("liftRequestId", r.liftRequestId()).put("inForce", r.inForce()));
        try {
            return json.writeValueAsString(n) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The open findings, oldest first (the dashboard's page). */
    public List<Finding> openFindings() {
        return suppression.openFindings();
    }

    /** The registers counted, as {@code status} and the metrics count them. */
    public Counts counts() {
        return new Counts(suppression.count(), suppression.openFindingCount(), restrictions.inForceCount());
    }

    /**
     * The officer marks a finding handled (unsubscribed again at the processor, the import found): resolved, and the
     * register entry's request's timeline says so with the officer's reason, in one transaction.
     *
     * @param how for the timeline: "on the dashboard", "with the CLI", "by the API"
     * @throws IllegalArgumentException for a reason that is blank, too long or holds an e-mail address
     */
    public Resolution resolve(long findingId, String reason, String how) {
        String why = reason(reason);
        Finding f = suppression.finding(findingId).orElse(null);
        if (f == null) {
            return new Resolution(Kind.NO_FINDING, findingId, "no re-subscription finding " + findingId);
        }
        String where = f.connector() + (f.list() == null ? "" : " list " + f.list());
        boolean resolved = jdbc.inTransaction(tx -> {
            boolean now = suppression.within(tx).resolve(findingId, OffsetDateTime.now(clock));
            if (now) {
                events.record(tx, f.requestId(), f.connector(), HANDLED, "re-subscription finding " + findingId + " ("
                        + where + ") marked handled by the officer " + how + ": " + why);
            }
            return now;
        });
        if (!resolved) {
            Finding was = suppression.finding(findingId).orElse(f);
            return new Resolution(Kind.RESOLVED_ALREADY, findingId, "finding " + findingId + " was resolved already ("
                    + (SuppressionRegister.BY_CHECK.equals(was.resolvedBy()) ? "a later check no longer found it subscribed"
                    : "by the officer") + (was.resolvedAt() == null ? "" : ", " + shortTime(was.resolvedAt())) + ")");
        }
        return new Resolution(Kind.RESOLVED, findingId, "finding " + findingId + " (" + where + ", request "
                + f.requestId() + ") marked handled");
    }

    /** The reason on one line; refused when blank, too long, or holding an e-mail address (it outlives the purge). */
    static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required to mark a finding handled (what was done about it)");
        }
        String why = SingleLine.of(reason).strip();
        if (why.length() > MAX_REASON) {
            throw new IllegalArgumentException("the reason is " + why.length() + " characters; at most " + MAX_REASON);
        }
        if (EMAIL.matcher(why).find()) {
            throw new IllegalArgumentException("the reason holds an e-mail address: it stays in the timeline after the"
                    + " person's data is purged, so say what was done, not whom it was about");
        }
        return why;
    }

    /** A time in Dutch time to the minute, or "-". */
    static String shortTime(OffsetDateTime t) {
        return t == null ? "-" : SHORT.format(t.atZoneSameInstant(DUTCH_TIME));
    }

    private static String iso(OffsetDateTime t) {
        return t == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }
}
