package nl.dsrhub.ops;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import nl.dsrhub.model.Deadlines;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.store.RequestHistory;
import nl.dsrhub.store.RequestStore;

/**
 * What the requests list is asked for in its query string ({@code /requests?status=open&type=erasure&page=2}), read
 * strictly: a value the hub does not know is left out and said so ({@link #ignored}), never passed on; the search text
 * is bounded. The overview's tiles are such queries too, so a tile's count and its list are the same filter.
 *
 * @param status    a request status, or {@code open} for every open one
 * @param due       {@code overdue} or {@code soon}: the deadline watch's levels, of open requests
 * @param task      {@code AWAITING_REPLY} or {@code NEEDS_ATTENTION}: an open request with a task of that outcome
 * @param completed {@code this-month}: completed since the first of this month in Dutch time
 * @param ignored   why a value was left out, one line each (the value shortened), for the page to show
 */
record RequestQuery(String status, String type, String processor, String due, String task, String completed,
                    String search, String pageText, List<String> ignored) {

    static final String OPEN = "open";
    static final String OVERDUE = "overdue";
    static final String SOON = "soon";
    static final String THIS_MONTH = "this-month";
    static final List<String> STATUSES = List.of(RequestStore.AWAITING_CONFIRMATION, RequestStore.AWAITING_DECISION,
            RequestStore.NOTICE_PERIOD, RequestStore.RECEIVED, RequestStore.PLANNED, RequestStore.COMPLETING,
            RequestStore.COMPLETED, RequestStore.REFUSED, RequestStore.DISCARDED, RequestStore.CLOSED_INACTIVE);
    static final List<String> TASK_OUTCOMES = List.of(Outcome.AWAITING_REPLY.name(), Outcome.NEEDS_ATTENTION.name());
    private static final int SHOWN = 40;

    static RequestQuery of(String status, String due, String task, String completed) {
        return new RequestQuery(status, null, null, due, task, completed, null, null, List.of());
    }

    /** Reads the query's parameters ({@code param}: null when absent), keeping only what the hub knows. */
    static RequestQuery parse(Function<String, String> param, Set<String> processors) {
        List<String> ignored = new ArrayList<>();
        List<String> statuses = new ArrayList<>(STATUSES);
        statuses.add(OPEN);
        String search = param.apply("q");
        if (search != null) {
            search = search.strip();
            search = search.isEmpty() ? null : search.substring(0, Math.min(search.length(), RequestHistory.MAX_SEARCH));
        }
        return new RequestQuery(known(param, "status", statuses, ignored), known(param, "type", types(), ignored),
                known(param, "processor", processors, ignored), known(param, "due", List.of(OVERDUE, SOON), ignored),
                known(param, "task", TASK_OUTCOMES, ignored), known(param, "completed", List.of(THIS_MONTH), ignored),
                search, param.apply("page"), List.copyOf(ignored));
    }

    /** The store's filter: the due levels as the deadline watch's dates now, the month as Dutch time. */
    RequestHistory.Filter filter(DeadlineWatch.DueDates dates, OffsetDateTime now) {
        boolean overdue = OVERDUE.equals(due);
        boolean soon = SOON.equals(due);
        boolean openOnly = OPEN.equals(status) || due != null || task != null;
        return new RequestHistory.Filter(openOnly, OPEN.equals(status) ? null : status, type, processor,
                task == null ? null : Outcome.valueOf(task), soon ? dates.firstInTime() : null,
                overdue ? dates.firstInTime().minusDays(1) : soon ? dates.lastDueSoon() : null,
                THIS_MONTH.equals(completed) ? monthStart(now) : null, search);
    }

    /** The page number asked for, within 1..pages (anything else, a word or a negative number, is the first page). */
    int page(int pages) {
        int asked;
        try {
            asked = pageText == null ? 1 : Integer.parseInt(pageText.strip());
        } catch (NumberFormatException e) {
            asked = 1;
        }
        return Math.max(1, Math.min(asked, Math.max(1, pages)));
    }

    /** The list's address with this query on page {@code page} (the first page without a page number). */
    String link(int page) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("status", status);
        values.put("type", type);
        values.put("processor", processor);
        values.put("due", due);
        values.put("task", task);
        values.put("completed", completed);
        values.put("q", search);
        values.put("page", page > 1 ? String.valueOf(page) : null);
        List<String> parts = new ArrayList<>();
        values.forEach((k, v) -> {
            if (v != null) {
                parts.add(k + "=" + Web.url(v));
            }
        });
        return "/requests" + (parts.isEmpty() ? "" : "?" + String.join("&", parts));
    }

    static OffsetDateTime monthStart(OffsetDateTime now) {
        return Deadlines.dateOf(now).withDayOfMonth(1).atStartOfDay(Deadlines.ZONE).toOffsetDateTime();
    }

    static List<String> types() {
        return Arrays.stream(RequestType.values()).map(RequestType::wire).toList();
    }

    private static String known(Function<String, String> param, String name, java.util.Collection<String> known,
                                List<String> ignored) {
        String value = param.apply(name);
        if (value == null || known.contains(value)) {
            return value;
        }
        String shown = value.length() > SHOWN ? value.substring(0, SHOWN) + "…" : value;
        ignored.add("No " + name + " \u201c" + shown + "\u201d: the list is not filtered by " + name + ".");
        return null;
    }
}
