package nl.dsrhub.ops;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import nl.dsrhub.plan.Settlement;
import nl.dsrhub.model.Deadlines;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.store.TaskStore;
import nl.dsrhub.web.OfficerSession;
import org.apache.camel.Exchange;

/**
 * The officer's dashboard, rendered on the server (no build step, no script): open requests with
 * days left and due-soon/overdue marks, a request's tasks and timeline, connector health and the
 * deadline notices, the registers of objections and restrictions; forms to retry, settle, extend, uphold an objection,
 * refuse, and mark a re-subscription finding handled. A page's method leaves its view record
 * ({@link DashboardPages}) as the body for the route's Mustache template; an action's redirects with what it did.
 * Shows ids, connectors and outcomes, never the subject's name or address.
 */
public final class Dashboard {

    private final RequestStore requests;
    private final TaskStore tasks;
    private final EventLog events;
    private final OfficerNotices notices;
    private final List<ConnectorHealthCheck> health;
    private final DeadlineWatch watch;
    private final Operations operations;
    private final Settlement settlement;
    private final OfficerSession session;
    private final Clock clock;
    /** Where the settle form's files are kept while the settlement copies them (inside the data dir). */
    private final java.nio.file.Path uploads;
    private final nl.dsrhub.request.RequestConfirmations confirmations;
    private final Registers registers;
    private final RequestList list;

    /** @param list the overview's tiles */
    public Dashboard(RequestStore requests, TaskStore tasks, EventLog events, OfficerNotices notices,
                     List<ConnectorHealthCheck> health, DeadlineWatch watch, Operations operations, Settlement settlement,
                     OfficerSession session, Clock clock, java.nio.file.Path uploads,
                     nl.dsrhub.request.RequestConfirmations confirmations, Registers registers, RequestList list) {
        this.requests = requests;
        this.tasks = tasks;
        this.events = events;
        this.notices = notices;
        this.health = health;
        this.watch = watch;
        this.operations = operations;
        this.settlement = settlement;
        this.session = session;
        this.clock = clock;
        this.uploads = uploads;
        this.confirmations = confirmations;
        this.registers = registers;
        this.list = list;
    }

    // ---- pages: each builds its view record for the route's template

    public void home(Exchange exchange) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Web.page(exchange, 200, new DashboardPages.HomePage(frame(exchange, "dsr-hub"), list.tiles(now),
                requests.open().stream().map(r -> DashboardViews.openRequest(r, watch.level(r.dueDate(), now), now)).toList(),
                notices.recent(20).stream().map(DashboardViews::notice).toList(),
                health.stream().map(c -> DashboardViews.connector(c.health())).toList(),
                DashboardViews.registerCounts(registers.counts())));
    }

    /** The registers page: the counts, and the re-subscriptions the check found, each with its "handled" form. */
    /** The requests list, open and closed, filtered, searched and paged ({@link RequestList}). */
    public void requests(Exchange exchange) {
        list.page(exchange);
    }

    public void registers(Exchange exchange) {
        Web.page(exchange, 200, new DashboardPages.RegistersPage(frame(exchange, "Registers"), Web.param(exchange, "done"),
                DashboardViews.registerCounts(registers.counts()),
                registers.openFindings().stream().map(DashboardViews::finding).toList(), Registers.MAX_REASON));
    }

    /** One request's page; an unknown id is a 404 (the route's error handler shows it). */
    public void request(Exchange exchange) {
        String id = Web.param(exchange, "id");
        RequestStore.RequestRow r = requests.row(id).orElseThrow(() -> new NoSuchRequest(id));
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean open = RequestStore.isOpen(r.status());
        String level = open ? watch.level(r.dueDate(), now) : null;
        // an objection on grounds of a particular situation: the officer reads the grounds here and decides (art. 21(1))
        boolean awaitingDecision = RequestStore.AWAITING_DECISION.equals(r.status());
        List<TaskStore.TaskRow> taskRows = tasks.forRequest(id);
        nl.dsrhub.model.RequestType type = nl.dsrhub.model.RequestType.fromWire(r.type());
        Web.page(exchange, 200, new DashboardPages.RequestPage(frame(exchange, "Request " + id), id, DashboardViews.link(id),
                Web.param(exchange, "done"), DashboardViews.facts(r, open, level, now, requests.find(id)
                        .filter(nl.dsrhub.model.DsrRequest::byRepresentative).map(nl.dsrhub.model.DsrRequest::representative)
                        .orElse(null)),
                RequestStory.progress(taskRows), RequestStore.AWAITING_CONFIRMATION.equals(r.status()),
                taskRows.stream().map(t -> DashboardViews.task(t, type, open, settlement.settleable(t))).toList(),
                open ? DashboardViews.extension(extended(id)) : null,
                open && !RequestStore.COMPLETING.equals(r.status()) ? DashboardViews.refusing(r.dueDate(), awaitingDecision)
                        : null,
                events.timeline(id).stream().map(DashboardViews::event).toList(),
                DashboardViews.settleOutcomes(r.type()), Uploads.FIELDS, awaitingDecision
                        ? new DashboardPages.Decision(requests.get(id).particulars().objection().grounds()) : null));
    }

    // ---- actions ---------------------------------------------------------------------------------

    public void retry(Exchange exchange) {
        String id = Web.param(exchange, "id");
        int n = operations.retry(id, Web.param(exchange, "connector"), "dashboard");
        Web.redirect(exchange, "/requests/" + Web.url(id) + "?done=" + Web.url(n + " task(s) queued to run again"), Map.of());
    }

    public void settle(Exchange exchange) {
        String id = Web.param(exchange, "id");
        String connector = Web.param(exchange, "connector");
        java.nio.file.Path folder = uploads.resolve(java.util.UUID.randomUUID().toString());
        try {
            // the processor's files (an export that came by another way) go into the bundle with the outcome
            List<java.nio.file.Path> files = Uploads.keep(exchange, folder);
            operations.settle(id, connector, Web.param(exchange, "outcome"), Web.param(exchange, "reason"), files);
            String done = connector + " settled" + (files.isEmpty() ? "" : " with " + files.size() + " file(s)");
            Web.redirect(exchange, "/requests/" + Web.url(id) + "?done=" + Web.url(done), Map.of());
        } catch (Settlement.Refused e) {
            Web.redirect(exchange, "/requests/" + Web.url(id) + "?done=" + Web.url("refused: " + e.getMessage()), Map.of());
        } finally {
            Uploads.remove(folder);
        }
    }

    public void confirm(Exchange exchange) {
        String id = Web.param(exchange, "id");
        var r = confirmations.confirm(id, "on the dashboard");
        Web.redirect(exchange, "/requests/" + Web.url(id) + "?done=" + Web.url(r.done()
                ? "confirmed: the request is planned within seconds" : "refused: " + r.message()), Map.of());
    }

    /** Art. 21(1): the officer upholds the objection; the linked erasure request is planned within seconds. */
    public void uphold(Exchange exchange) {
        String id = Web.param(exchange, "id");
        try {
            String erasure = operations.uphold(id, "on the dashboard").erasureId();
            Web.redirect(exchange, "/requests/" + Web.url(id) + "?done=" + Web.url("objection upheld: carried out as erasure"
                    + " request " + erasure + ", planned within seconds"), Map.of());
        } catch (Settlement.Refused e) {
            Web.redirect(exchange, "/requests/" + Web.url(id) + "?done=" + Web.url("refused: " + e.getMessage()), Map.of());
        }
    }

    /** The officer marks a re-subscription finding handled, with what was done about it. */
    public void resolveFinding(Exchange exchange) {
        long id;
        try {
            id = Long.parseLong(String.valueOf(Web.param(exchange, "id")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a finding's id is a number");
        }
        Registers.Resolution r = registers.resolve(id, Web.param(exchange, "reason"), "on the dashboard");
        Web.redirect(exchange, "/registers?done=" + Web.url(r.done() ? r.message() : "refused: " + r.message()), Map.of());
    }

    public void discard(Exchange exchange) {
        String id = Web.param(exchange, "id");
        var r = confirmations.discard(id, Web.param(exchange, "reason"));
        Web.redirect(exchange, "/requests/" + Web.url(id) + "?done=" + Web.url(r.done() ? r.message() : "refused: " + r.message()), Map.of());
    }

    public void extend(Exchange exchange) {
        String id = Web.param(exchange, "id");
        try {
            int months = Integer.parseInt(String.valueOf(Web.param(exchange, "months")).trim());
            operations.extend(id, months, Web.param(exchange, "reason"));
            Web.redirect(exchange, "/requests/" + Web.url(id) + "?done=" + Web.url("deadline extended; notice letter in the outbox"), Map.of());
        } catch (Settlement.Refused | NumberFormatException e) {
            Web.redirect(exchange, "/requests/" + Web.url(id) + "?done=" + Web.url("refused: " + e.getMessage()), Map.of());
        }
    }

    /**
     * Art. 12(4): the refusal form goes first to a page that says what refusing will do; only its own form, carrying
     * {@code confirmed=yes}, refuses the request.
     */
    public void refuse(Exchange exchange) {
        String id = Web.param(exchange, "id");
        try {
            nl.dsrhub.result.RefusalGround ground = nl.dsrhub.result.Refusal.ground(Web.param(exchange, "ground"));
            String reason = nl.dsrhub.result.Refusal.reason(Web.param(exchange, "reason"));
            if (!"yes".equals(Web.param(exchange, "confirmed"))) {
                Web.page(exchange, 200, DashboardViews.refuseConfirm(frame(exchange, "Refuse " + id), id, ground, reason,
                        operations.refusalPreview(id)));
                return;
            }
            nl.dsrhub.result.Refusal.Done d = operations.refuse(id, ground.wire(), reason);
            Web.redirect(exchange, "/requests/" + Web.url(id) + "?done=" + Web.url("request refused (" + d.ground().wire()
                    + "): the letter to the subject is in the outbox (" + nl.dsrhub.result.Refusal.LETTER + ")"
                    + (d.late() ? "; the deadline has passed: send it at once" : "; it must reach them by " + d.due())), Map.of());
        } catch (Settlement.Refused e) {
            Web.redirect(exchange, "/requests/" + Web.url(id) + "?done=" + Web.url("refused: " + e.getMessage()), Map.of());
        }
    }

    // ---- log-in and log-out ---------------------------------------------------------------------------

    public void loginPage(Exchange exchange) {
        Web.page(exchange, 200, new DashboardPages.LoginPage(loggedOut("Log in"), null));
    }

    /** The token, once, opens a session: the browser keeps the session's id, never the token. */
    public void login(Exchange exchange) {
        java.util.Optional<String> id = session.logIn(exchange);
        if (id.isPresent()) {
            Web.redirect(exchange, "/", Map.of("Set-Cookie", session.cookie(exchange, id.get())));
        } else {
            Web.page(exchange, 401, new DashboardPages.LoginPage(loggedOut("Log in"), "That is not the hub's token."));
        }
    }

    public void logout(Exchange exchange) {
        session.logOut(exchange);
        Web.redirect(exchange, "/login", Map.of("Set-Cookie", OfficerSession.expiredCookie()));
    }

    /** A form without its session's CSRF token (sent from another site, or an old page): 403, nothing done. */
    public void forbidden(Exchange exchange) {
        Web.page(exchange, 403, new DashboardPages.MessagePage(loggedOut("Refused"), "refused", why(exchange, "refused")));
    }

    /** A refused action or bad input: 400 with the reason. */
    public void badRequest(Exchange exchange) {
        Web.page(exchange, 400, new DashboardPages.MessagePage(frame(exchange, "Refused"), "refused", why(exchange, "bad request")));
    }

    /** A request the hub does not have: 404. */
    public void notFound(Exchange exchange) {
        Web.page(exchange, 404, new DashboardPages.MessagePage(frame(exchange, "Not found"), null, why(exchange, "not found")));
    }

    // ---- parts -----------------------------------------------------------------------------------

    private static String why(Exchange exchange, String otherwise) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        return e == null ? otherwise : e.getMessage();
    }

    private boolean extended(String id) {
        return events.timeline(id).stream().anyMatch(e -> "extended".equals(e.kind()));
    }

    /** Whole Dutch days to the due date: 0 on the day itself, negative once overdue. */
    static long daysLeft(java.time.LocalDate due, OffsetDateTime now) {
        return Deadlines.daysLeft(due, now);
    }

    /** A logged-in page's frame: its forms, the log-out form among them, carry the session's CSRF token. */
    private DashboardPages.Frame frame(Exchange exchange, String title) {
        return new DashboardPages.Frame(title, true, session.csrf(exchange));
    }

    private static DashboardPages.Frame loggedOut(String title) {
        return new DashboardPages.Frame(title, false, "");
    }
}
