package nl.dsrhub.ops;

import static nl.dsrhub.ops.Web.esc;

import nl.dsrhub.model.Outcome;
import nl.dsrhub.web.OfficerSession;

/** The dashboard's pieces of HTML: forms (each with the session's CSRF token), marks and boxes. */
final class DashboardParts {

    private DashboardParts() {
    }

    /** A mailed request not authenticated by the officer's mail server: nothing runs until the officer says so. */
    static String heldBox(String id, String csrf) {
        return "<div id=\"held\" class=\"held\"><p>This request came by mail and was not authenticated by your mail server: "
                + "nothing is sent to any processor until you confirm that you sent it. Discard it if you did not.</p>"
                + form("/requests/" + Web.url(id) + "/confirm", "confirm-form", csrf,
                        "<button type=\"submit\" id=\"confirm-submit\">Confirm: I sent this request</button>")
                + form("/requests/" + Web.url(id) + "/discard", "discard-form", csrf,
                        "<input name=\"reason\" id=\"discard-reason\" placeholder=\"why (e.g. not sent by us)\" required>"
                                + "<button type=\"submit\" id=\"discard-submit\">Discard</button>")
                + "</div>";
    }

    static String mark(String level) {
        if (DeadlineWatch.OVERDUE.equals(level)) {
            return "<span class=\"mark overdue\">OVERDUE</span>";
        }
        if (DeadlineWatch.DUE_SOON.equals(level)) {
            return "<span class=\"mark due-soon\">DUE SOON</span>";
        }
        return "";
    }

    /** A form of the dashboard: every one carries the session's CSRF token. */
    static String form(String action, String id, String csrf, String inner) {
        return "<form method=\"post\" action=\"" + esc(action) + "\" id=\"" + esc(id) + "\" class=\"inline\">"
                + hidden(OfficerSession.CSRF_FIELD, csrf) + inner + "</form>";
    }

    /** A form that may carry files (the settle form: a processor's export that came by another way). */
    static String uploadForm(String action, String id, String csrf, String inner) {
        return "<form method=\"post\" enctype=\"multipart/form-data\" action=\"" + esc(action) + "\" id=\"" + esc(id)
                + "\" class=\"inline\">" + hidden(OfficerSession.CSRF_FIELD, csrf) + inner + "</form>";
    }

    static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + esc(name) + "\" value=\"" + esc(value) + "\">";
    }

    static String outcomeSelect() {
        StringBuilder b = new StringBuilder("<select name=\"outcome\">");
        for (Outcome o : Outcome.values()) {
            if (o.settleable()) {
                b.append("<option>").append(o).append("</option>");
            }
        }
        return b.append("</select>").toString();
    }

    static String loginForm(String message) {
        return (message == null ? "" : "<p id=\"login-message\">" + esc(message) + "</p>")
                + "<form method=\"post\" action=\"/login\" id=\"login-form\"><label>Token <input type=\"password\" name=\"token\" "
                + "id=\"token\" autocomplete=\"off\"></label> <button type=\"submit\" id=\"login-submit\">Log in</button></form>";
    }

    /** The settle form of a task: outcome, the reason, and up to three of the processor's files. */
    static String settleForm(String id, String connector, String csrf) {
        StringBuilder fileInputs = new StringBuilder();
        for (String field : Uploads.FIELDS) {
            fileInputs.append("<input type=\"file\" name=\"").append(field).append("\" id=\"settle-")
                    .append(esc(connector)).append("-").append(field).append("\" title=\"the processor's file (optional)\">");
        }
        return uploadForm("/requests/" + Web.url(id) + "/settle", "settle-" + connector, csrf,
                hidden("connector", connector) + outcomeSelect()
                        + "<input name=\"reason\" id=\"settle-" + esc(connector) + "-reason\" placeholder=\"why (required;"
                        + " for RETAINED or PARTIAL the subject reads it as the basis)\" maxlength=\"2000\" required>"
                        + "<span class=\"files\">" + fileInputs + "</span>"
                        + "<button type=\"submit\" id=\"settle-" + esc(connector) + "-submit\">Settle</button>");
    }

    /** The extension form (art. 12(3)), or that the deadline was extended once already. */
    static String extendSection(String id, String csrf, boolean extended) {
        if (extended) {
            return "<h3>Extend the deadline</h3><p>Already extended once (art. 12(3) allows one extension).</p>";
        }
        return "<h3>Extend the deadline</h3><p>Once, by at most two months, within the first month. The reason: "
                + esc(nl.dsrhub.plan.ExtensionReason.PURPOSE) + ".</p>"
                + form("/requests/" + Web.url(id) + "/extend", "extend-form", csrf,
                "<select name=\"months\" id=\"extend-months\"><option value=\"1\">1 month</option>"
                        + "<option value=\"2\">2 months</option></select>"
                        + "<input name=\"reason\" id=\"extend-reason\" placeholder=\"why more time is needed (required; no personal data)\" maxlength=\""
                        + nl.dsrhub.plan.ExtensionReason.MAX_LENGTH + "\" required>"
                        + "<button type=\"submit\" id=\"extend-submit\">Extend</button>");
    }

    static String connectorTable(java.util.List<ConnectorHealthCheck> health) {
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

    /** A whole page of the dashboard around its body (the log-out form first, when logged in). */
    static String frame(String title, String logoutForm, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title><style>"
                + "body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:.5em 0}"
                + "td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}"
                + "tr.due-soon{background:#fff4d6}tr.overdue{background:#fde2e2}.mark{font-weight:bold;padding:0 .4em}"
                + ".mark.due-soon{color:#8a5a00}.mark.overdue{color:#b00020}.up{color:#0a7a2f}.down{color:#b00020;font-weight:bold}"
                + "form.inline{display:inline-block;margin:0 .3em}.flash{background:#e6f4ea;padding:.4em}"
                + ".held{background:#fff4d6;padding:.4em;margin:.5em 0}</style></head><body>"
                + "<h1><a href=\"/\">dsr-hub</a></h1>" + logoutForm + body + "</body></html>";
    }
}
