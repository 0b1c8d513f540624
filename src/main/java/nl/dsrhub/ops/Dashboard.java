package nl.dsrhub.ops;

import static nl.dsrhub.ops.DashboardParts.form;
import static nl.dsrhub.ops.DashboardParts.heldBox;
import static nl.dsrhub.ops.DashboardParts.hidden;
import static nl.dsrhub.ops.DashboardParts.loginForm;
import static nl.dsrhub.ops.DashboardParts.mark;
import static nl.dsrhub.ops.Web.esc;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.plan.Settlement;
import nl.dsrhub.model.TaskStatus;
import nl.dsrhub.model.Deadlines;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.store.TaskStore;
import nl.dsrhub.store.TaskStore.TaskRow;
import nl.dsrhub.web.OfficerSession;
import org.apache.camel.Exchange;

/**
 * The officer's dashboard, rendered on the server (no build step, no script): open requests with
 * days left and due-soon/overdue marks, a request's tasks and timeline, connector health and the
 * deadline notices; forms to retry, settle, extend and refuse. Shows ids, connectors and outcomes, never
 * the subject's name or address.
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

    public Dashboard(RequestStore requests, TaskStore tasks, EventLog events, OfficerNotices notices,
                     List<ConnectorHealthCheck> health, DeadlineWatch watch, Operations operations, Settlement settlement,
                     OfficerSession session, Clock clock, java.nio.file.Path uploads,
                     nl.dsrhub.request.RequestConfirmations confirmations) {
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
    }

    // ---- pages -----------------------------------------------------------------------------------

    public void home(Exchange exchange) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        StringBuilder b = new StringBuilder();
        b.append("<h2>Open requests</h2>");
        List<RequestStore.RequestRow> open = requests.open();
        if (open.isEmpty()) {
            b.append("<p id=\"no-open\">No open requests.</p>");
        } else {
            b.append("<table id=\"open-requests\"><tr><th>Request</th><th>Type</th><th>Status</th><th>Received</th>"
                    + "<th>Deadline</th><th>Days left</th><th>Processors by</th><th></th></tr>");
            for (RequestStore.RequestRow r : open) {
                String level = watch.level(r.dueDate(), now);
                b.append("<tr id=\"req-").append(esc(r.id())).append("\" class=\"").append(level == null ? "ok" : level)
                        .append("\"><td><a href=\"/requests/").append(esc(r.id())).append("\">").append(esc(r.id()))
                        .append("</a></td><td>").append(esc(r.type())).append("</td><td>").append(esc(r.status()))
                        .append("</td><td>").append(Deadlines.dateOf(r.receivedAt())).append("</td><td class=\"deadline\">")
                        .append(r.dueDate()).append("</td><td>").append(daysLeft(r.dueDate(), now))
                        .append("</td><td class=\"processor-deadline\">").append(r.processorDueDate())
                        .append("</td><td>").append(mark(level)).append("</td></tr>");
            }
            b.append("</table>");
        }
        b.append("<h2>Deadline notices</h2>");
        List<OfficerNotice> recent = notices.recent(20);
        if (recent.isEmpty()) {
            b.append("<p>None.</p>");
        } else {
            b.append("<ul id=\"notices\">");
            for (OfficerNotice n : recent) {
                b.append("<li class=\"").append(esc(n.level())).append("\">").append(n.at().toLocalDate()).append(' ')
                        .append(esc(n.message())).append("</li>");
            }
            b.append("</ul>");
        }
        b.append(DashboardParts.connectorTable(health));
        page(exchange, 200, "dsr-hub", b.toString());
    }

    public void request(Exchange exchange) {
        String id = Web.param(exchange, "id");
        RequestStore.RequestRow r = requests.row(id).orElse(null);
        if (r == null) {
            page(exchange, 404, "Not found", "<p>No request " + esc(id) + ".</p><p><a href=\"/\">Back</a></p>");
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        String csrf = session.csrf(exchange);
        boolean open = RequestStore.isOpen(r.status());
        String level = open ? watch.level(r.dueDate(), now) : null;
        StringBuilder b = new StringBuilder("<p><a href=\"/\">&larr; all open requests</a></p>");
        String flash = Web.param(exchange, "done");
        if (flash != null) {
            b.append("<p id=\"flash\" class=\"flash\">").append(esc(flash)).append("</p>");
        }
        b.append("<h2 id=\"request-id\">").append(esc(r.id())).append("</h2><table class=\"facts\">")
                .append("<tr><th>Type</th><td>").append(esc(r.type())).append("</td></tr>")
                .append("<tr><th>Status</th><td id=\"status\">").append(esc(r.status())).append("</td></tr>")
                .append("<tr><th>Received</th><td>").append(r.receivedAt()).append("</td></tr>")
                .append("<tr><th>Deadline</th><td id=\"deadline\">").append(r.dueDate())
                .append(" (the end of that day, Dutch time").append(r.originalDueDate() == null ? "" : "; extended from "
                        + r.originalDueDate()).append(")")
                .append(open ? " " + daysLeft(r.dueDate(), now) + " day(s) left " + mark(level) : "").append("</td></tr>")
                .append("<tr><th>Processors' deadline</th><td id=\"processor-deadline\">").append(r.processorDueDate())
                .append(" (given in the letters to processors)</td></tr>")
                .append("</table>");
        if (RequestStore.AWAITING_CONFIRMATION.equals(r.status())) {
            b.append(heldBox(id, csrf));
        }
        b.append(tasksTable(id, open, csrf));
        if (open) {
            b.append(DashboardParts.extendSection(id, csrf, extended(id)));
        }
        if (open && !RequestStore.COMPLETING.equals(r.status())) {
            b.append(RefusalForms.section(id, csrf, r.dueDate()));
        }
        b.append("<h3>Timeline</h3><table id=\"timeline\"><tr><th>At</th><th>Connector</th><th>Event</th><th>Detail</th></tr>");
        for (EventLog.Event e : events.timeline(id)) {
            b.append("<tr class=\"event-").append(esc(e.kind())).append("\"><td>").append(e.at()).append("</td><td>")
                    .append(esc(e.connector())).append("</td><td>").append(esc(e.kind())).append("</td><td>")
                    .append(esc(e.detail())).append("</td></tr>");
        }
        b.append("</table>");
        page(exchange, 200, "Request " + id, b.toString());
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
                page(exchange, 200, "Refuse " + id, RefusalForms.confirmPage(id, session.csrf(exchange), ground, reason,
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
        page(exchange, 200, "Log in", loginForm(null), false);
    }

    /** The token, once, opens a session: the browser keeps the session's id, never the token. */
    public void login(Exchange exchange) {
        java.util.Optional<String> id = session.logIn(exchange);
        if (id.isPresent()) {
            Web.redirect(exchange, "/", Map.of("Set-Cookie", session.cookie(exchange, id.get())));
        } else {
            page(exchange, 401, "Log in", loginForm("That is not the hub's token."), false);
        }
    }

    public void logout(Exchange exchange) {
        session.logOut(exchange);
        Web.redirect(exchange, "/login", Map.of("Set-Cookie", OfficerSession.expiredCookie()));
    }

    /** A form without its session's CSRF token (sent from another site, or an old page): 403, nothing done. */
    public void forbidden(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        page(exchange, 403, "Refused", "<p id=\"refused\">" + esc(e == null ? "refused" : e.getMessage())
                + "</p><p><a href=\"/\">Back</a></p>", false);
    }

    /** A refused action or bad input: 400 with the reason (JSON for /api). */
    public void badRequest(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String why = e == null ? "bad request" : e.getMessage();
        String path = exchange.getMessage().getHeader(Exchange.HTTP_PATH, "", String.class);
        String uri = exchange.getMessage().getHeader(Exchange.HTTP_URI, "", String.class);
        if (path.startsWith("/api") || uri.startsWith("/api")) {
            Web.respond(exchange, 400, "application/json",
                    nl.dsrhub.store.Json.write(nl.dsrhub.store.Json.mapper(), Map.of("error", String.valueOf(why))), Map.of());
        } else {
            page(exchange, 400, "Refused", "<p id=\"refused\">" + esc(why) + "</p><p><a href=\"/\">Back</a></p>");
        }
    }

    // ---- parts -----------------------------------------------------------------------------------

    /** The request's tasks, with the retry and settle forms where the officer may act. */
    private String tasksTable(String id, boolean open, String csrf) {
        StringBuilder b = new StringBuilder("<h3>Tasks</h3><table id=\"tasks\"><tr><th>Connector</th><th>Status</th>"
                + "<th>Outcome</th><th>Attempts</th><th>Detail</th><th>Actions</th></tr>");
        for (TaskRow t : tasks.forRequest(id)) {
            b.append("<tr id=\"task-").append(esc(t.connector())).append("\"><td>").append(esc(t.connector()))
                    .append("</td><td class=\"task-status\">").append(t.status()).append("</td><td class=\"task-outcome\">")
                    .append(t.outcome() == null ? "" : t.outcome()).append("</td><td>").append(t.attempts())
                    .append("</td><td>").append(esc(t.lastError() != null ? t.lastError() : t.detail())).append("</td><td>");
            if (open && (t.status() == TaskStatus.RETRY || t.outcome() == Outcome.NEEDS_ATTENTION)) {
                b.append(form("/requests/" + Web.url(id) + "/retry", "retry-" + t.connector(), csrf,
                        hidden("connector", t.connector()) + "<button type=\"submit\" id=\"retry-" + esc(t.connector())
                                + "\">Retry now</button>"));
            }
            if (open && settlement.settleable(t)) {
                b.append(DashboardParts.settleForm(id, t.connector(), csrf));
            }
            b.append("</td></tr>");
        }
        return b.append("</table>").toString();
    }

    private boolean extended(String id) {
        return events.timeline(id).stream().anyMatch(e -> "extended".equals(e.kind()));
    }

    /** Whole Dutch days to the due date: 0 on the day itself, negative once overdue. */
    static long daysLeft(java.time.LocalDate due, OffsetDateTime now) {
        return Deadlines.daysLeft(due, now);
    }

    private void page(Exchange exchange, int code, String title, String body) {
        page(exchange, code, title, body, true);
    }

    private void page(Exchange exchange, int code, String title, String body, boolean loggedIn) {
        String logout = loggedIn ? form("/logout", "logout-form", session.csrf(exchange),
                "<button type=\"submit\" id=\"logout-submit\">Log out</button>") : "";
        Web.respond(exchange, code, "text/html; charset=utf-8", DashboardParts.frame(title, logout, body), Map.of());
    }
}
