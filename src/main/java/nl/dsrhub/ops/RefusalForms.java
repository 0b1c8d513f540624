package nl.dsrhub.ops;

import static nl.dsrhub.ops.DashboardParts.form;
import static nl.dsrhub.ops.DashboardParts.hidden;
import static nl.dsrhub.ops.Web.esc;

import java.time.LocalDate;
import nl.dsrhub.result.Refusal;
import nl.dsrhub.result.RefusalGround;

/**
 * The dashboard's refusal of a request (GDPR art. 12(4)), in two steps: the form on the request's page (ground,
 * reasons), then a page saying what the refusal will do, with the button that does it. Both forms carry the session's
 * CSRF token. The officer is told when the letter must reach the subject: within the request's deadline (art. 12(3)).
 */
final class RefusalForms {

    private RefusalForms() {
    }

    /** The request page's section: why one would refuse, when the letter is due, the ground and the reasons. */
    static String section(String id, String csrf, LocalDate due) {
        StringBuilder grounds = new StringBuilder("<select name=\"ground\" id=\"refuse-ground\">");
        for (RefusalGround g : RefusalGround.values()) {
            grounds.append("<option value=\"").append(g.wire()).append("\">").append(g.wire()).append(" (")
                    .append(esc(g.articles())).append(")</option>");
        }
        grounds.append("</select>");
        return "<h3>Refuse the request</h3><p>When the requester cannot be identified as the person the data are about"
                + " (art. 11(2), 12(2) GDPR), or the request is manifestly unfounded or excessive (art. 12(5): the burden of"
                + " proof is ours). The subject gets a letter with your reasons and the remedies (a complaint to the Autoriteit"
                + " Persoonsgegevens, the court within six weeks); <strong id=\"refuse-due\">it must reach them by " + due
                + "</strong>, the request's deadline (art. 12(3) and (4)). You confirm on the next page.</p>"
                + form("/requests/" + Web.url(id) + "/refuse", "refuse-form", csrf, grounds
                + "<input name=\"reason\" id=\"refuse-reason\" placeholder=\"your reasons, told to the subject (required)\""
                + " maxlength=\"" + Refusal.MAX_REASON + "\" required>"
                + "<button type=\"submit\" id=\"refuse-submit\">Refuse&hellip;</button>");
    }

    /** The confirmation step: what refusing will do, and the button that does it. */
    static String confirmPage(String id, String csrf, RefusalGround ground, String reason, Refusal.Preview p) {
        String stopped = p.stopped().isEmpty() ? "" : " (stopped: " + esc(String.join(", ", p.stopped())) + ")";
        String told = p.toldByLetter().isEmpty() ? "" : "<li>The processors asked by letter (" + esc(String.join(", ",
                p.toldByLetter())) + ") are told by mail that the request is withdrawn.</li>";
        String due = p.late() ? "The deadline (" + p.due() + ") has passed: send the letter at once."
                : "It must reach the subject by " + p.due() + " (art. 12(3) and (4)).";
        return "<div id=\"refuse-confirm\"><p>Refuse request <strong>" + esc(id) + "</strong> as <strong id=\"refuse-confirm-ground\">"
                + ground.wire() + "</strong> (" + esc(ground.articles()) + ")?</p><ul>"
                + "<li>The request is closed as REFUSED: nothing more is asked of any processor" + stopped + ".</li>" + told
                + "<li>What processors already did stays done; the letter says so.</li>"
                + "<li>The letter, with your reasons (&laquo;" + esc(reason) + "&raquo;) and the remedies, is written to the"
                + " outbox; with delivery on the hub mails it to the subject, otherwise hand it over. <strong>" + due
                + "</strong></li></ul>"
                + form("/requests/" + Web.url(id) + "/refuse", "refuse-confirm-form", csrf, hidden("ground", ground.wire())
                + hidden("reason", reason) + hidden("confirmed", "yes")
                + "<button type=\"submit\" id=\"refuse-confirm-submit\">Yes, refuse the request</button>")
                + " <a href=\"/requests/" + esc(Web.url(id)) + "\" id=\"refuse-cancel\">Cancel</a></div>";
    }
}
