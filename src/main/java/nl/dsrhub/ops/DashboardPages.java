package nl.dsrhub.ops;

import java.util.List;
import nl.dsrhub.result.OutcomeText;

/**
 * The dashboard's pages as plain data, one record per page: what the templates under {@code templates/dashboard/}
 * show. Every value is text the templates escape ({@code {{x}}}); nothing here is HTML. Each page carries its
 * {@link Frame}: the title, and the session's CSRF token that every form of the page carries.
 */
final class DashboardPages {

    private DashboardPages() {
    }

    /** What every page has: its title, and when the officer is logged in the session's CSRF token (else empty). */
    record Frame(String title, boolean loggedIn, String csrf) {
    }

    /** A deadline mark: "due-soon"/"overdue" and its label; null for a request in time. */
    record Mark(String css, String label) {
        static Mark of(String level) {
            if (DeadlineWatch.OVERDUE.equals(level)) {
                return new Mark("overdue", "OVERDUE");
            }
            if (DeadlineWatch.DUE_SOON.equals(level)) {
                return new Mark("due-soon", "DUE SOON");
            }
            return null;
        }
    }

    // ---- the overview

    record HomePage(Frame frame, List<Tile> tiles, List<OpenRequest> open, List<Notice> notices,
                    List<ConnectorLine> connectors, RegisterCounts registers) {
        public boolean anyOpen() {
            return !open.isEmpty();
        }

        public boolean anyNotices() {
            return !notices.isEmpty();
        }
    }

    /** A row of the open requests; {@code rowClass} is "ok", "due-soon" or "overdue". */
    record OpenRequest(String id, String link, String type, String status, String received, String deadline, long daysLeft,
                       String processorDeadline, String rowClass, Mark mark) {
    }

    record Notice(String level, String date, String message) {
    }

    record ConnectorLine(String name, boolean up, String lastSuccess, int failures, String breaker) {
    }

    /** The registers counted (the overview and the registers page); {@code anyOpen}: re-subscriptions to handle. */
    record RegisterCounts(long suppressed, long openFindings, long restrictionsInForce) {
        public boolean anyOpen() {
            return openFindings > 0;
        }
    }

    /** A tile of the overview: how many requests, and the requests list filtered to exactly those. */
    record Tile(String id, String label, long count, String link) {
    }

    // ---- the requests list, open and closed

    /**
     * The requests list: the filter form's choices (the current one selected), the lines of this page, and the links to
     * the pages before and after (null at either end); {@code ignored}: the query's values the list could not use.
     */
    record RequestsPage(Frame frame, List<Option> statuses, List<Option> types, List<Option> processors, String search,
                        List<Option> kept, List<String> ignored, long total, int page, int pages, List<ListedRequest> lines,
                        String previous, String next, int maxSearch) {
        public boolean anyLines() {
            return !lines.isEmpty();
        }
    }

    /** A choice of the filter form, or a filter kept as a hidden field ({@code kept}: name and value). */
    record Option(String name, String value, boolean selected) {
    }

    /**
     * A line of the requests list; {@code daysLeft} and {@code mark} only for an open request, {@code completed} only
     * for a completed one (else empty).
     */
    record ListedRequest(String id, String link, String type, String status, String received, String deadline,
                         String daysLeft, String completed, String reference, String rowClass, Mark mark) {
    }

    // ---- the registers of objections and restrictions

    /** The registers page: the counts, the open re-subscription findings with a "handled" form each. */
    record RegistersPage(Frame frame, String flash, RegisterCounts counts, List<FindingLine> findings, int maxReason) {
        public boolean anyFindings() {
            return !findings.isEmpty();
        }
    }

    /** An open finding: the connector and list where the address was subscribed again, the entry's request. */
    record FindingLine(long id, String connector, String list, String requestId, String found) {
    }

    // ---- one request

    /**
     * A request's page, read from the top as a story: how many processors answered and the deadline in words, then per
     * processor the outcome in words with its technical detail folded; {@code flash} says what the last action did (or null); {@code extension} and {@code refusing} are null
     * where the officer may not extend or refuse.
     */
    record RequestPage(Frame frame, String id, String link, String flash, Facts facts, Progress progress, boolean held,
                       List<TaskLine> tasks,
                       Extension extension, Refusing refusing, List<Event> timeline, List<String> settleOutcomes,
                       List<String> fileFields, Decision decision) {
    }

    /**
     * Processors answered out of all asked, for the page's progress bar ({@link RequestStory#progress});
     * {@code label} is "5 of 8 processors answered", or that no processor was asked yet.
     */
    record Progress(int answered, int total, String label) {
        public boolean anyAsked() {
            return total > 0;
        }
    }

    /** The deadline in words, "due 28 dec 2026, 30 days left"; {@code css} is "overdue", "due-soon" or "ok". */
    record Due(String text, String css) {
    }

    /** An objection on grounds of a particular situation awaiting the officer (art. 21(1)): the grounds to weigh. */
    record Decision(String grounds) {
    }

    /**
     * The facts table; {@code originalDeadline} only when the deadline was extended, the days left and the mark only
     * for an open request; {@code madeBy} only for a request a representative made (their capacity and how their
     * authority was checked, never their name); {@code due} the deadline in words for the top of the page.
     */
    record Facts(String type, String status, String received, String deadline, String originalDeadline, boolean open,
                 long daysLeft, Mark mark, String processorDeadline, String madeBy, Due due) {
    }

    /**
     * A task, and whether the officer may retry or settle it here; {@code words} its outcome as the subject reads it
     * (English and Dutch, {@link OutcomeText}), {@code outcome} the technical name (empty while none).
     */
    record TaskLine(String connector, String status, OutcomeText words, String outcome, int attempts, String detail,
                    boolean retry, boolean settle) {
    }

    /** The extension section: the form, or that the one extension (art. 12(3)) was made. */
    record Extension(boolean already, String purpose, int maxLength) {
    }

    /** The refusal section: when the letter must reach the subject, the grounds, the reasons' bound. */
    record Refusing(String due, List<Ground> grounds, int maxReason) {
    }

    record Ground(String wire, String articles) {
    }

    record Event(String at, String connector, String kind, String detail) {
    }

    // ---- the refusal's confirmation step, the log-in form, a short message

    /**
     * What refusing will do: {@code stopped} and {@code toldByLetter} are the connectors joined, or null when none;
     * {@code due} is the sentence saying by when the letter must reach the subject.
     */
    record RefuseConfirmPage(Frame frame, String id, String link, String ground, String articles, String reason,
                             String stopped, String toldByLetter, String due) {
    }

    /** The log-in form; {@code message} says why the last try was refused, or null. */
    record LoginPage(Frame frame, String message) {
    }

    /** A page with one line (refused, not found); {@code elementId} names the line for tests and scripts, or null. */
    record MessagePage(Frame frame, String elementId, String text) {
    }
}
