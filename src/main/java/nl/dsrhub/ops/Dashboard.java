package nl.dsrhub.ops;

import static nl.dsrhub.ops.Web.esc;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import nl.dsrhub.plan.Outcome;
import nl.dsrhub.plan.Settlement;
import nl.dsrhub.plan.TaskStatus;
import nl.dsrhub.request.Deadlines;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.store.TaskStore;
import nl.dsrhub.store.TaskStore.TaskRow;
import nl.dsrhub.web.OfficerSession;
import org.apache.camel.Exchange;

/**
 * The officer's dashboard, rendered on the server (no build step, no script): open requests with
 * days left and due-soon/overdue marks, a request's tasks and timeline, connector health and the
 * deadline notices; forms to retry, settle and extend. Shows ids, connectors and outcomes, never
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
        b.append(connectorTable());
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
        b.append("<h3>Tasks</h3><table id=\"tasks\"><tr><th>Connector</th><th>Status</th><th>Outcome</th><th>Attempts</th>"
                + "<th>Detail</th><th>Actions</th></tr>");
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
                StringBuilder fileInputs = new StringBuilder();
                for (String field : Uploads.FIELDS) {
                    fileInputs.append("<input type=\"file\" name=\"").append(field).append("\" id=\"settle-")
                            .append(esc(t.connector())).append("-").append(field).append("\" title=\"the processor's file (optional)\">");
                }
                b.append(uploadForm("/requests/" + Web.url(id) + "/settle", "settle-" + t.connector(), csrf,
                        hidden("connector", t.connector()) + outcomeSelect()
                                + "<input name=\"reason\" id=\"settle-" + esc(t.connector()) + "-reason\" placeholder=\"why more time is needed (required; no personal data)\" maxlength=\""
                                        + nl.dsrhub.plan.ExtensionReason.MAX_LENGTH + "\" required>"
                                + "<span class=\"files\">" + fileInputs + "</span>"
                                + "<button type=\"submit\" id=\"settle-" + esc(t.connector()) + "-submit\">Settle</button>"));
            }
            b.append("</td></tr>");
        }
        b.append("</table>");
        if (open) {
            b.append("<h3>Extend the deadline</h3>");
            if (r.deadline() != null && extended(id)) {
                b.append("<p>Already extended once (art. 12(3) allows one extension).</p>");
            } else {
                b.append("<p>Once, by at most two months, within the first month. The reason: ")
                        .append(Web.esc(nl.dsrhub.plan.ExtensionReason.PURPOSE)).append(".</p>")
                        .append(form("/requests/" + Web.url(id) + "/extend", "extend-form", csrf,
                                "<select name=\"months\" id=\"extend-months\"><option value=\"1\">1 month</option>"
                                        + "<option value=\"2\">2 months</option></select>"
                                        + "<input name=\"reason\" id=\"extend-reason\" placeholder=\"why more time is needed (required; no personal data)\" maxlength=\""
                                        + nl.dsrhub.plan.ExtensionReason.MAX_LENGTH + "\" required>"
                                        + "<button type=\"submit\" id=\"extend-submit\">Extend</button>"));
            }
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

    /** A mailed request not authenticated by the officer's mail server: nothing runs until the officer says so. */
    private static String heldBox(String id, String csrf) {
        return "<div id=\"held\" class=\"held\"><p>This request came by mail and was not authenticated by your mail server: "
                + "nothing is sent to any processor until you confirm that you sent it. Discard it if you did not.</p>"
                + form("/requests/" + Web.url(id) + "/confirm", "confirm-form", csrf,
                        "<button type=\"submit\" id=\"confirm-submit\">Confirm: I sent this request</button>")
                + form("/requests/" + Web.url(id) + "/discard", "discard-form", csrf,
                        "<input name=\"reason\" id=\"discard-reason\" placeholder=\"why (e.g. not sent by us)\" required>"
                                + "<button type=\"submit\" id=\"discard-submit\">Discard</button>")
                + "</div>";
    }

    private boolean extended(String id) {
        return events.timeline(id).stream().anyMatch(e -> "extended".equals(e.kind()));
    }

    private String connectorTable() {
        StringBuilder b = new StringBuilder("<h2>Connectors</h2><table id=\"connectors\"><tr><th>Connector</th><th>Health</th>"
                + "<th>Last success</th><th>Consecutive failures</th><th>Breaker</th></tr>");
        for (ConnectorHealthCheck c : health) {
            ConnectorHealthCheck.Health h = c.health();
            b.append("<tr id=\"conn-").append(esc(h.connector())).append("\"><td>").append(esc(h.connector()))
                    .append("</td><td class=\"").append(h.up() ? "up\">UP" : "down\">DOWN").append("</td><td>")
                    .append(h.stats().lastSuccess() == null ? "never" : h.stats().lastSuccess().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).append("</td><td>")
                    .append(h.stats().consecutiveFailures()).append("</td><td>").append(esc(h.breaker())).append("</td></tr>");
        }
        return b.append("</table>").toString();
    }

    /** Whole Dutch days to the due date: 0 on the day itself, negative once overdue. */
    static long daysLeft(java.time.LocalDate due, OffsetDateTime now) {
        return Deadlines.daysLeft(due, now);
    }

    private static String mark(String level) {
        if (DeadlineWatch.OVERDUE.equals(level)) {
            return "<span class=\"mark overdue\">OVERDUE</span>";
        }
        if (DeadlineWatch.DUE_SOON.equals(level)) {
            return "<span class=\"mark due-soon\">DUE SOON</span>";
        }
        return "";
    }

    /** A form of the dashboard: every one carries the session's CSRF token. */
    private static String form(String action, String id, String csrf, String inner) {
        return "<form method=\"post\" action=\"" + esc(action) + "\" id=\"" + esc(id) + "\" class=\"inline\">"
                + hidden(OfficerSession.CSRF_FIELD, csrf) + inner + "</form>";
    }

    /** A form that may carry files (the settle form: a processor's export that came by another way). */
    private static String uploadForm(String action, String id, String csrf, String inner) {
        return "<form method=\"post\" enctype=\"multipart/form-data\" action=\"" + esc(action) + "\" id=\"" + esc(id)
                + "\" class=\"inline\">" + hidden(OfficerSession.CSRF_FIELD, csrf) + inner + "</form>";
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + esc(name) + "\" value=\"" + esc(value) + "\">";
    }

    private static String outcomeSelect() {
        StringBuilder b = new StringBuilder("<select name=\"outcome\">");
        for (Outcome o : Outcome.values()) {
            if (o.settleable()) {
                b.append("<option>").append(o).append("</option>");
            }
        }
        return b.append("</select>").toString();
    }

    private static String loginForm(String message) {
        return (message == null ? "" : "<p id=\"login-message\">" + esc(message) + "</p>")
                + "<form method=\"post\" action=\"/login\" id=\"login-form\"><label>Token <input type=\"password\" name=\"token\" "
                + "id=\"token\" autocomplete=\"off\"></label> <button type=\"submit\" id=\"login-submit\">Log in</button></form>";
    }

    private void page(Exchange exchange, int code, String title, String body) {
        page(exchange, code, title, body, true);
    }

    private void page(Exchange exchange, int code, String title, String body, boolean loggedIn) {
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title><style>"
                + "body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:.5em 0}"
                + "td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}"
                + "tr.due-soon{background:#fff4d6}tr.overdue{background:#fde2e2}.mark{font-weight:bold;padding:0 .4em}"
                + ".mark.due-soon{color:#8a5a00}.mark.overdue{color:#b00020}.up{color:#0a7a2f}.down{color:#b00020;font-weight:bold}"
                + "form.inline{display:inline-block;margin:0 .3em}.flash{background:#e6f4ea;padding:.4em}"
                + ".held{background:#fff4d6;padding:.4em;margin:.5em 0}</style></head><body>"
                + "<h1><a href=\"/\">dsr-hub</a></h1>"
                + (loggedIn ? form("/logout", "logout-form", session.csrf(exchange),
                        "<button type=\"submit\" id=\"logout-submit\">Log out</button>") : "")
                + body + "</body></html>";
        Web.respond(exchange, code, "text/html; charset=utf-8", html, Map.of());
    }
}
