package nl.dsrhub.ops;

import static nl.dsrhub.ops.DashboardViewsTest.HOSTILE;
import static nl.dsrhub.ops.DashboardViewsTest.NOW;
import static nl.dsrhub.ops.DashboardViewsTest.frame;
import static nl.dsrhub.ops.DashboardViewsTest.render;
import static nl.dsrhub.ops.DashboardViewsTest.request;
import static nl.dsrhub.ops.DashboardViewsTest.task;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.model.TaskStatus;
import nl.dsrhub.ops.DashboardPages.RequestPage;
import nl.dsrhub.ops.DashboardPages.TaskLine;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.store.RequestStore.RequestRow;
import nl.dsrhub.store.TaskStore.TaskRow;
import org.junit.jupiter.api.Test;

/**
 * The top of a request's page as the officer reads it (processors answered, the deadline in words) and each processor's
 * outcome in words with the technical detail folded; {@code NOW} is 17 dec 2026.
 */
class RequestStoryTest {

    @Test
    void onlyTasksWithAFinalOutcomeCountAsAnswered() {
        List<TaskRow> tasks = List.of(done("woocommerce", Outcome.ERASED), done("mollie", Outcome.NOT_FOUND),
                done("sendcloud", Outcome.RETAINED), done("laposta", Outcome.AWAITING_REPLY),
                done("moneybird", Outcome.NEEDS_ATTENTION), task("postnl", TaskStatus.RETRY, null, null));

        var progress = RequestStory.progress(tasks);

        assertThat(progress.answered()).isEqualTo(3);
        assertThat(progress.total()).isEqualTo(6);
        assertThat(progress.label()).isEqualTo("3 of 6 processors answered");
    }

    @Test
    void aRequestWithOneProcessorSaysProcessorInTheSingular() {
        assertThat(RequestStory.progress(List.of(done("mollie", Outcome.ERASED))).label()).isEqualTo("1 of 1 processor answered");
    }

    @Test
    void aRequestNoProcessorWasAskedForShowsNoBarButSaysSo() {
        String html = render("request", page(RequestStory.progress(List.of()), List.of()));

        assertThat(html).contains("id=\"answered-label\">no processor asked yet<").doesNotContain("<progress");
    }

    @Test
    void theBarIsAProgressElementLabelledWithTheCount() {
        var progress = RequestStory.progress(List.of(done("mollie", Outcome.ERASED), done("laposta", Outcome.AWAITING_REPLY)));

        assertThat(render("request", page(progress, List.of()))).contains(
                "<label for=\"answered-bar\" id=\"answered-label\">1 of 2 processors answered</label>",
                "<progress id=\"answered-bar\" max=\"2\" value=\"1\">1 of 2</progress>");
    }

    @Test
    void aDeadlineInTimeSaysItsDateAndTheDaysLeft() {
        var due = RequestStory.due(LocalDate.of(2027, 1, 16), true, false, NOW);

        assertThat(due.text()).isEqualTo("due 16 jan 2027, 30 days left");
        assertThat(due.css()).isEqualTo("ok");
    }

    @Test
    void aDeadlineDueSoonIsMarkedAndCountsTheDaysLeftInWords() {
        assertThat(RequestStory.due(LocalDate.of(2026, 12, 19), true, true, NOW)).satisfies(d -> {
            assertThat(d.text()).isEqualTo("due 19 dec 2026, 2 days left");
            assertThat(d.css()).isEqualTo("due-soon");
        });
        assertThat(RequestStory.due(LocalDate.of(2026, 12, 18), true, true, NOW).text()).isEqualTo("due 18 dec 2026, 1 day left");
        assertThat(RequestStory.due(LocalDate.of(2026, 12, 17), true, true, NOW).text())
                .isEqualTo("due 17 dec 2026, the last day (today)");
    }

    @Test
    void aDeadlinePassedSaysByHowManyDays() {
        assertThat(RequestStory.due(LocalDate.of(2026, 12, 15), true, false, NOW)).satisfies(d -> {
            assertThat(d.text()).isEqualTo("due 15 dec 2026, overdue by 2 days");
            assertThat(d.css()).isEqualTo("overdue");
        });
        assertThat(RequestStory.due(LocalDate.of(2026, 12, 16), true, false, NOW).text()).endsWith("overdue by 1 day");
    }

    @Test
    void aClosedRequestSaysOnlyItsDeadline() {
        assertThat(RequestStory.due(LocalDate.of(2026, 12, 15), false, false, NOW).text()).isEqualTo("due 15 dec 2026");
    }

    @Test
    void theFactsCarryTheDeadlineInWordsShownAtTheTop() {
        RequestRow r = request("R1", RequestStore.PLANNED, null);

        String html = render("request", new RequestPage(frame(), "R1", DashboardViews.link("R1"), null,
                DashboardViews.facts(r, true, DeadlineWatch.DUE_SOON, NOW, null), RequestStory.progress(List.of()), false,
                List.of(), null, null, List.of(), List.of(), List.of(), null));

        assertThat(html).contains("<p id=\"due-words\" class=\"due due-soon\">due 20 dec 2026, 3 days left</p>");
        assertThat(html.indexOf("id=\"due-words\"")).isLessThan(html.indexOf("id=\"tasks\""));
    }

    @Test
    void aTasksOutcomeIsSaidInTheWordsOfItsRequestsType() {
        TaskLine kept = DashboardViews.task(done("mollie", Outcome.RETAINED), RequestType.RECTIFICATION, true, true);
        TaskLine erased = DashboardViews.task(done("mollie", Outcome.ERASED), RequestType.ERASURE, true, true);

        assertThat(kept.words().en()).startsWith("not corrected");
        assertThat(kept.words().nl()).startsWith("niet gecorrigeerd");
        assertThat(kept.outcome()).isEqualTo("RETAINED");
        assertThat(erased.words().en()).isEqualTo("data erased");
        assertThat(erased.words().nl()).isEqualTo("gegevens verwijderd");
    }

    @Test
    void theOutcomeIsShownInWordsAndTheTechnicalDetailFoldedEscaped() {
        TaskLine line = DashboardViews.task(task("woocommerce", TaskStatus.DONE, Outcome.NEEDS_ATTENTION, "HTTP 401 " + HOSTILE),
                RequestType.EXPORT, true, true);

        String html = render("request", page(RequestStory.progress(List.of()), List.of(line)));

        assertThat(html).contains("<span class=\"task-words attention\">not yet handled: needs attention from our privacy contact</span>",
                "<code class=\"task-outcome\">NEEDS_ATTENTION</code>",
                "<details class=\"task-detail\"><summary>technical detail</summary><pre>HTTP 401 &lt;script&gt;alert(&#39;x&#39;)"
                        + "&lt;/script&gt;&quot;&amp;</pre></details>")
                .doesNotContain("<script>");
    }

    @Test
    void aTaskWithoutDetailHasNothingToUnfold() {
        TaskRow bare = new TaskRow(1, "R1", "mollie", TaskStatus.DONE, Outcome.ERASED, 1, null, null, null, null, List.of(),
                null, NOW);

        String html = render("request", page(RequestStory.progress(List.of(bare)),
                List.of(DashboardViews.task(bare, RequestType.ERASURE, false, false))));

        assertThat(html).contains("data erased").doesNotContain("<details");
    }

    private static RequestPage page(DashboardPages.Progress progress, List<TaskLine> tasks) {
        RequestRow r = request("R1", RequestStore.PLANNED, null);
        return new RequestPage(frame(), "R1", DashboardViews.link("R1"), null, DashboardViews.facts(r, true, null, NOW, null),
                progress, false, tasks, null, null, List.of(), List.of(), List.of(), null);
    }

    private static TaskRow done(String connector, Outcome outcome) {
        return task(connector, TaskStatus.DONE, outcome, null);
    }
}
