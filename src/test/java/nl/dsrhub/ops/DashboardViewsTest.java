package nl.dsrhub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mustachejava.DefaultMustacheFactory;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import nl.dsrhub.ops.DashboardPages.Frame;
import nl.dsrhub.ops.DashboardPages.RequestPage;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.model.TaskStatus;
import nl.dsrhub.result.Refusal;
import nl.dsrhub.result.RefusalGround;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.store.RequestStore.RequestRow;
import nl.dsrhub.store.TaskStore.TaskRow;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's view records made from the stores' rows, and what the templates make of them: every value escaped,
 * every form with the session's CSRF token.
 */
class DashboardViewsTest {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-17T10:00:00+01:00");
    static final String HOSTILE = "<script>alert('x')</script>\"&";

    @Test
    void anOpenRequestDueSoonIsMarkedAndCountsItsDaysLeft() {
        var row = DashboardViews.openRequest(request("R1", RequestStore.PLANNED, null), DeadlineWatch.DUE_SOON, NOW);

        assertThat(row.rowClass()).isEqualTo("due-soon");
        assertThat(row.mark().label()).isEqualTo("DUE SOON");
        assertThat(row.daysLeft()).isEqualTo(3);
        assertThat(row.deadline()).isEqualTo("2026-12-20");
        assertThat(row.link()).isEqualTo("/requests/R1");
    }

    @Test
    void aRequestInTimeHasNoMarkAndItsRowClassIsOk() {
        var row = DashboardViews.openRequest(request("R1", RequestStore.PLANNED, null), null, NOW);

        assertThat(row.rowClass()).isEqualTo("ok");
        assertThat(row.mark()).isNull();
    }

    @Test
    void aClosedRequestsFactsShowNoDaysLeftNorMarkAndAnExtendedOneItsOriginalDeadline() {
        var facts = DashboardViews.facts(request("R1", RequestStore.COMPLETED, LocalDate.of(2026, 11, 20)), false,
                DeadlineWatch.OVERDUE, NOW, null);

        assertThat(facts.open()).isFalse();
        assertThat(facts.mark()).isNull();
        assertThat(facts.originalDeadline()).isEqualTo("2026-11-20");
    }

    @Test
    void aTaskNeedingTheOfficerOffersRetryOnAnOpenRequestOnly() {
        TaskRow needs = task("woocommerce", TaskStatus.DONE, Outcome.NEEDS_ATTENTION, "HTTP 401");

        assertThat(DashboardViews.task(needs, RequestType.EXPORT, true, true)).satisfies(t -> {
            assertThat(t.retry()).isTrue();
            assertThat(t.settle()).isTrue();
            assertThat(t.outcome()).isEqualTo("NEEDS_ATTENTION");
            assertThat(t.detail()).isEqualTo("HTTP 401");
        });
        assertThat(DashboardViews.task(needs, RequestType.EXPORT, false, true)).satisfies(t -> {
            assertThat(t.retry()).isFalse();
            assertThat(t.settle()).isFalse();
        });
        assertThat(DashboardViews.task(task("mollie", TaskStatus.DONE, Outcome.ERASED, null), RequestType.ERASURE, true,
                false).retry()).isFalse();
    }

    @Test
    void theSettleFormOffersOnlyTheOutcomesAnOfficerMayRecord() {
        assertThat(DashboardViews.settleOutcomes("erasure")).containsExactly("ERASED", "NOT_FOUND", "RETAINED", "PARTIAL");
    }

    @Test
    void theSettleFormOffersARequestTheOutcomeItsTypeCallsDoneAndNoOtherTypes() {
        assertThat(DashboardViews.settleOutcomes("rectification")).containsExactly("RECTIFIED", "NOT_FOUND", "RETAINED", "PARTIAL");
        assertThat(DashboardViews.settleOutcomes("restriction")).contains("RESTRICTED").doesNotContain("ERASED", "LIFTED");
        assertThat(DashboardViews.settleOutcomes("lift-restriction")).contains("LIFTED").doesNotContain("RESTRICTED");
        assertThat(DashboardViews.settleOutcomes("objection")).contains("OPTED_OUT").doesNotContain("ERASED", "EXPORTED");
    }

    @Test
    void aRequestOfANewTypeIsListedAndShownUnderItsWireName() {
        RequestRow r = new RequestRow("R9", "lift-restriction", RequestStore.PLANNED, OffsetDateTime.parse("2026-11-20T09:00:00+01:00"),
                LocalDate.of(2026, 12, 20), null, LocalDate.of(2026, 12, 4), "REF", "inbox", NOW, null);

        assertThat(DashboardViews.openRequest(r, null, NOW).type()).isEqualTo("lift-restriction");
        assertThat(render("request", new RequestPage(frame(), "R9", DashboardViews.link("R9"), null,
                DashboardViews.facts(r, true, null, NOW, null), RequestStory.progress(List.of()), false, List.of(), null, null, List.of(),
                DashboardViews.settleOutcomes(r.type()), Uploads.FIELDS, null))).contains("<tr><th>Type</th><td>lift-restriction</td></tr>");
    }

    @Test
    void theRefusalsConfirmationSaysWhatStopsAndWhenALateLetterMustGo() {
        var page = DashboardViews.refuseConfirm(frame(), "R1", RefusalGround.UNFOUNDED, "too many",
                new Refusal.Preview(LocalDate.of(2026, 12, 1), true, List.of("mollie", "sendcloud"), List.of()));

        assertThat(page.stopped()).isEqualTo("mollie, sendcloud");
        assertThat(page.toldByLetter()).isNull();
        assertThat(page.due()).isEqualTo("The deadline (2026-12-01) has passed: send the letter at once.");
        assertThat(page.ground()).isEqualTo("unfounded");
    }

    @Test
    void everyValueOnTheRequestPageIsEscapedAndEveryFormCarriesTheCsrfToken() {
        String id = "R1" + HOSTILE;
        RequestRow r = request(id, RequestStore.AWAITING_CONFIRMATION, null);
        RequestPage page = new RequestPage(frame(), id, DashboardViews.link(id), HOSTILE, DashboardViews.facts(r, true, null, NOW, null),
                RequestStory.progress(List.of()), true, List.of(DashboardViews.task(task("woocommerce", TaskStatus.RETRY, null,
                        HOSTILE), RequestType.ERASURE, true, true)),
                DashboardViews.extension(false), DashboardViews.refusing(r.dueDate(), false),
                List.of(DashboardViews.event(new EventLog.Event(NOW, "mollie", "received", HOSTILE))),
                DashboardViews.settleOutcomes(r.type()), Uploads.FIELDS, new DashboardPages.Decision(HOSTILE));

        String html = render("request", page);

        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;");
        // held: confirm and discard; an objection's decision: uphold; the task: retry and settle; then extend, refuse, log out
        assertThat(html.split("name=\"csrf\" value=\"csrf-token-1\"", -1)).hasSize(9);
        assertThat(html).contains("id=\"settle-woocommerce-file-3\"", "id=\"extend-form\"", "id=\"refuse-form\"", "id=\"held\"");
    }

    @Test
    void theLogInPageHasNoLogOutFormAndSaysWhyATokenWasRefused() {
        String html = render("login", new DashboardPages.LoginPage(new Frame("Log in", false, ""), "That is not the hub's token."));

        assertThat(html).contains("id=\"login-message\">That is not the hub&#39;s token.<", "id=\"login-form\"")
                .doesNotContain("logout-form");
    }

    /** Renders like the routes' mustache: steps do: the page is the message body. */
    static String render(String template, Object page) {
        StringWriter out = new StringWriter();
        new DefaultMustacheFactory().compile("templates/dashboard/" + template + ".html.mustache").execute(out, Map.of("body", page));
        return out.toString();
    }

    static Frame frame() {
        return new Frame("Request", true, "csrf-token-1");
    }

    static RequestRow request(String id, String status, LocalDate originalDue) {
        return new RequestRow(id, "erasure", status, OffsetDateTime.parse("2026-11-20T09:00:00+01:00"), LocalDate.of(2026, 12, 20),
                originalDue, LocalDate.of(2026, 12, 4), "REF", "inbox", NOW, null);
    }

    static TaskRow task(String connector, TaskStatus status, Outcome outcome, String lastError) {
        return new TaskRow(1, "R1", connector, status, outcome, 1, null, null, null, "detail", List.of(), lastError, NOW);
    }
}
