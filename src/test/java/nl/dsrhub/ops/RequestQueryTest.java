package nl.dsrhub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.store.RequestHistory;
import nl.dsrhub.store.RequestStore;
import org.junit.jupiter.api.Test;

/** The requests list's query string read strictly: known values become the store's filter, others are named and left out. */
class RequestQueryTest {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-17T10:00:00+01:00");
    static final DeadlineWatch.DueDates DATES = new DeadlineWatch(null, null, null, java.time.Clock.systemUTC(), 5)
            .dueDates(NOW);

    @Test
    void overdueIsAnOpenRequestWhoseDueDateEndedBeforeToday() {
        RequestHistory.Filter f = parse(Map.of("due", "overdue")).filter(DATES, NOW);

        assertThat(f.openOnly()).isTrue();
        assertThat(f.dueFrom()).isNull();
        assertThat(f.dueThrough()).isEqualTo(LocalDate.of(2026, 12, 16));
    }

    @Test
    void dueSoonIsTheDeadlineWatchsWindowFromTodayThroughItsWarnDays() {
        RequestHistory.Filter f = parse(Map.of("due", "soon")).filter(DATES, NOW);

        assertThat(f.openOnly()).isTrue();
        assertThat(f.dueFrom()).isEqualTo(LocalDate.of(2026, 12, 17));
        assertThat(f.dueThrough()).isEqualTo(LocalDate.of(2026, 12, 22));
    }

    @Test
    void completedThisMonthStartsAtMidnightOnTheFirstInDutchTime() {
        assertThat(parse(Map.of("completed", "this-month")).filter(DATES, OffsetDateTime.parse("2026-11-30T23:30:00Z"))
                .completedFrom()).isEqualTo(OffsetDateTime.parse("2026-12-01T00:00:00+01:00"));
    }

    @Test
    void aTaskFilterIsAnOpenRequestWithATaskOfThatOutcome() {
        RequestHistory.Filter f = parse(Map.of("task", "AWAITING_REPLY", "processor", "mollie")).filter(DATES, NOW);

        assertThat(f.openOnly()).isTrue();
        assertThat(f.taskOutcome()).isEqualTo(Outcome.AWAITING_REPLY);
        assertThat(f.connector()).isEqualTo("mollie");
    }

    @Test
    void statusOpenIsEveryOpenStatusAndAStatusNameIsThatStatus() {
        assertThat(parse(Map.of("status", "open")).filter(DATES, NOW)).satisfies(f -> {
            assertThat(f.openOnly()).isTrue();
            assertThat(f.status()).isNull();
        });
        assertThat(parse(Map.of("status", "REFUSED")).filter(DATES, NOW).status()).isEqualTo(RequestStore.REFUSED);
    }

    @Test
    void unknownValuesAreNamedShortenedAndLeftOut() {
        RequestQuery q = parse(Map.of("status", "DELETED", "type", "x".repeat(500), "processor", "nobody", "due", "later",
                "task", "RUNNING"));

        assertThat(q.filter(DATES, NOW)).isEqualTo(RequestHistory.Filter.ALL);
        assertThat(q.ignored()).hasSize(5).contains("No status \u201cDELETED\u201d: the list is not filtered by status.")
                .allSatisfy(line -> assertThat(line).hasSizeLessThan(100));
    }

    @Test
    void aPageNumberThatIsNoNumberOrOutOfRangeIsTheNearestPage() {
        assertThat(parse(Map.of("page", "x")).page(3)).isEqualTo(1);
        assertThat(parse(Map.of("page", "-1")).page(3)).isEqualTo(1);
        assertThat(parse(Map.of("page", "99999")).page(3)).isEqualTo(3);
        assertThat(parse(Map.of("page", "99999999999999999999")).page(3)).isEqualTo(1);
        assertThat(parse(Map.of("page", "2")).page(3)).isEqualTo(2);
        assertThat(parse(Map.of()).page(0)).isEqualTo(1);
    }

    @Test
    void theSearchIsStrippedAndBounded() {
        assertThat(parse(Map.of("q", "  R2026  ")).search()).isEqualTo("R2026");
        assertThat(parse(Map.of("q", "a".repeat(1000))).search()).hasSize(RequestHistory.MAX_SEARCH);
        assertThat(parse(Map.of("q", "   ")).search()).isNull();
    }

    @Test
    void aLinkCarriesEveryFilterEncodedAndThePageOnlyAfterTheFirst() {
        RequestQuery q = parse(Map.of("status", "open", "type", "erasure", "q", "<a&b>"));

        assertThat(q.link(1)).isEqualTo("/requests?status=open&type=erasure&q=%3Ca%26b%3E");
        assertThat(q.link(2)).isEqualTo("/requests?status=open&type=erasure&q=%3Ca%26b%3E&page=2");
        assertThat(RequestQuery.of(null, null, "NEEDS_ATTENTION", null).link(1)).isEqualTo("/requests?task=NEEDS_ATTENTION");
    }

    private static RequestQuery parse(Map<String, String> params) {
        return RequestQuery.parse(params::get, Set.of("mollie", "sendcloud"));
    }
}
