package nl.dsrhub.ops;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nl.dsrhub.model.Deadlines;
import nl.dsrhub.ops.DashboardPages.ListedRequest;
import nl.dsrhub.ops.DashboardPages.Mark;
import nl.dsrhub.ops.DashboardPages.Option;
import nl.dsrhub.ops.DashboardPages.Tile;
import nl.dsrhub.store.RequestHistory;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.web.OfficerSession;
import org.apache.camel.Exchange;

/**
 * The requests list (open and closed, filtered, searched, paged; {@code /requests}) and the overview's tiles, each a
 * count and a link to the list filtered to exactly the requests it counts: the tile and its list run one
 * {@link RequestQuery}. Due soon and overdue are the deadline watch's levels. Shows ids, types, statuses, dates and the
 * officer's reference, never the subject's address.
 */
public final class RequestList {

    /** Requests on one page of the list. */
    public static final int PAGE_SIZE = 50;

    private final RequestHistory history;
    private final DeadlineWatch watch;
    private final Set<String> processors;
    private final OfficerSession session;
    private final Clock clock;

    /** @param processors the connectors' names: the processor filter's choices */
    public RequestList(RequestHistory history, DeadlineWatch watch, Set<String> processors, OfficerSession session,
                       Clock clock) {
        this.history = history;
        this.watch = watch;
        this.processors = new TreeSet<>(processors);
        this.session = session;
        this.clock = clock;
    }

    /** The overview's tiles, in the order the officer reads them. */
    List<Tile> tiles(OffsetDateTime now) {
        return List.of(
                tile("tile-open", "Open", RequestQuery.of(RequestQuery.OPEN, null, null, null), now),
                tile("tile-due-soon", "Due within " + watch.warnDays() + " days",
                        RequestQuery.of(null, RequestQuery.SOON, null, null), now),
                tile("tile-overdue", "Overdue", RequestQuery.of(null, RequestQuery.OVERDUE, null, null), now),
                tile("tile-awaiting-reply", "Awaiting a processor's reply",
                        RequestQuery.of(null, null, "AWAITING_REPLY", null), now),
                tile("tile-needs-attention", "Needing attention", RequestQuery.of(null, null, "NEEDS_ATTENTION", null), now),
                tile("tile-completed", "Completed this month", RequestQuery.of(null, null, null, RequestQuery.THIS_MONTH), now));
    }

    /** The list page for the query string; a value it does not know is named on the page and left out. */
    public void page(Exchange exchange) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        RequestQuery q = RequestQuery.parse(name -> Web.param(exchange, name), processors);
        RequestHistory.Filter filter = q.filter(watch.dueDates(now), now);
        long total = history.count(filter);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = q.page(pages);
        List<ListedRequest> lines = history.page(filter, (page - 1) * PAGE_SIZE, PAGE_SIZE).stream()
                .map(l -> line(l, now)).toList();
        Web.page(exchange, 200, new DashboardPages.RequestsPage(new DashboardPages.Frame("Requests", true,
                session.csrf(exchange)), options(RequestQuery.OPEN, RequestQuery.STATUSES, q.status()),
                options(null, RequestQuery.types(), q.type()), options(null, List.copyOf(processors), q.processor()),
                q.search(), kept(q), q.ignored(), total, page, pages, lines,
                page > 1 ? q.link(page - 1) : null, page < pages ? q.link(page + 1) : null, RequestHistory.MAX_SEARCH));
    }

    private Tile tile(String id, String label, RequestQuery query, OffsetDateTime now) {
        return new Tile(id, label, history.count(query.filter(watch.dueDates(now), now)), query.link(1));
    }

    /** A line: an open request's days left and deadline mark, a completed one's date of completion. */
    private ListedRequest line(RequestHistory.Line l, OffsetDateTime now) {
        boolean open = RequestStore.isOpen(l.status());
        String level = open ? watch.level(l.dueDate(), now) : null;
        return new ListedRequest(l.id(), DashboardViews.link(l.id()), l.type(), l.status(),
                Deadlines.dateOf(l.receivedAt()).toString(), String.valueOf(l.dueDate()),
                open ? String.valueOf(Deadlines.daysLeft(l.dueDate(), now)) : "",
                l.completedAt() == null ? "" : Deadlines.dateOf(l.completedAt()).toString(),
                l.reference() == null ? "" : l.reference(), level == null ? "ok" : level, Mark.of(level));
    }

    /** The select's choices, the current one selected; {@code first} (if any) before them, "any" always first. */
    private static List<Option> options(String first, List<String> values, String current) {
        java.util.ArrayList<Option> out = new java.util.ArrayList<>();
        out.add(new Option("any", "", current == null));
        if (first != null) {
            out.add(new Option(first, first, first.equals(current)));
        }
        values.forEach(v -> out.add(new Option(v, v, v.equals(current))));
        return out;
    }

    /** The filters the form has no field for (a tile's), kept as hidden fields so a search stays within them. */
    private static List<Option> kept(RequestQuery q) {
        java.util.ArrayList<Option> out = new java.util.ArrayList<>();
        if (q.due() != null) {
            out.add(new Option("due", q.due(), true));
        }
        if (q.task() != null) {
            out.add(new Option("task", q.task(), true));
        }
        if (q.completed() != null) {
            out.add(new Option("completed", q.completed(), true));
        }
        return out;
    }
}
