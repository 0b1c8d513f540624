package nl.dsrhub.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The deadline as a date in Dutch time: one month as Regulation 1182/71 counts it (art. 12(3) GDPR), or the shop's
 * shorter term; extensions counted from the original deadline; the processors' date before the subject's.
 */
class DeadlinesTest {

    private final Deadlines law = Deadlines.law();

    @Test
    void receivedOn31MarchAt0130DutchTimeIsDueOn30April() {
        assertThat(law.dueDate(OffsetDateTime.parse("2026-03-31T01:30:00+02:00"))).isEqualTo(LocalDate.of(2026, 4, 30));
    }

    @Test
    void aReceiptWhoseUtcDateIsTheDayBeforeCountsFromTheDutchDate() {
        // 23:30 UTC on 30 March is 01:30 on 31 March in Amsterdam: adding a month in UTC would give 1 May in Dutch time
        assertThat(law.dueDate(OffsetDateTime.parse("2026-03-30T23:30:00Z"))).isEqualTo(LocalDate.of(2026, 4, 30));
    }

    @Test
    void aFileOffsetFarFromAmsterdamCountsFromTheDutchDateToo() {
        // 20:00 on 31 January in New York is 02:00 on 1 February in Amsterdam
        assertThat(law.dueDate(OffsetDateTime.parse("2026-01-31T20:00:00-05:00"))).isEqualTo(LocalDate.of(2026, 3, 1));
    }

    @Test
    void receivedOn31JanuaryIsDueOnTheLastDayOfFebruary() {
        assertThat(law.dueDate(OffsetDateTime.parse("2026-01-31T10:00:00+01:00"))).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(law.dueDate(OffsetDateTime.parse("2028-01-31T10:00:00+01:00"))).isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    void aMonthSpanningTheSpringClockChangeEndsAtMidnightDutchSummerTime() {
        // received on 29 March before 02:00 winter time, the night the clocks go forward
        LocalDate due = law.dueDate(OffsetDateTime.parse("2026-03-29T01:30:00+01:00"));

        assertThat(due).isEqualTo(LocalDate.of(2026, 4, 29));
        assertThat(Deadlines.endOf(due)).isEqualTo(OffsetDateTime.parse("2026-04-29T23:59:59.999999999+02:00"));
    }

    @Test
    void aDueDateOnTheAutumnClockChangeEndsAtMidnightDutchWinterTime() {
        LocalDate due = law.dueDate(OffsetDateTime.parse("2026-09-25T00:30:00+02:00"));

        assertThat(due).isEqualTo(LocalDate.of(2026, 10, 25));
        assertThat(Deadlines.endOf(due)).isEqualTo(OffsetDateTime.parse("2026-10-25T23:59:59.999999999+01:00"));
        assertThat(Deadlines.isOverdue(due, OffsetDateTime.parse("2026-10-25T22:59:00Z"))).isFalse();
        assertThat(Deadlines.isOverdue(due, OffsetDateTime.parse("2026-10-25T23:00:00Z"))).isTrue();
    }

    @Test
    void aDueDateOnASaturdayIsNotMovedToTheNextWorkingDay() {
        LocalDate due = law.dueDate(OffsetDateTime.parse("2026-01-31T10:00:00+01:00"));

        assertThat(due.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(due).isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void aShopTermOf30DaysEndsThirtyDaysAfterTheDayOfReceipt() {
        Deadlines days30 = deadlines(Map.of("dsr.deadline.term", "P30D"));

        assertThat(days30.dueDate(OffsetDateTime.parse("2026-03-01T09:00:00+01:00"))).isEqualTo(LocalDate.of(2026, 3, 31));
    }

    @Test
    void aShopTermOf4WeeksEndsOnTheSameWeekdayFourWeeksLater() {
        Deadlines weeks4 = deadlines(Map.of("dsr.deadline.term", "P4W"));
        LocalDate due = weeks4.dueDate(OffsetDateTime.parse("2026-03-31T09:00:00+02:00"));

        assertThat(due).isEqualTo(LocalDate.of(2026, 4, 28));
        assertThat(due.getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
    }

    @Test
    void theLawsMonthWinsWhereItIsShorterThanTheShopsThirtyDays() {
        Deadlines days30 = deadlines(Map.of("dsr.deadline.term", "P30D"));

        // 1 February + 30 days is 3 March; the month ends on 1 March
        assertThat(days30.dueDate(OffsetDateTime.parse("2026-02-01T09:00:00+01:00"))).isEqualTo(LocalDate.of(2026, 3, 1));
    }

    @Test
    void anExtensionCountsFromTheOriginalDeadline() {
        LocalDate original = law.dueDate(OffsetDateTime.parse("2026-01-31T10:00:00+01:00"));

        assertThat(original).isEqualTo(LocalDate.of(2026, 2, 28));
        // two further months from 28 February: 28 April, not three months from receipt (30 April)
        assertThat(Deadlines.extended(original, 2)).isEqualTo(LocalDate.of(2026, 4, 28));
        assertThat(Deadlines.extended(original, 1)).isEqualTo(LocalDate.of(2026, 3, 28));
    }

    @Test
    void processorsAreAskedForTheirAnswerTheConfiguredDaysAfterTheRequestReachedTheHub() {
        Deadlines d = deadlines(Map.of("dsr.deadline.processor-days", "14"));

        assertThat(d.processorDueDate(LocalDate.of(2026, 11, 28), LocalDate.of(2026, 12, 28))).isEqualTo(LocalDate.of(2026, 12, 12));
    }

    @Test
    void theProcessorsDateIsNeverLaterThanAWeekBeforeTheSubjects() {
        Deadlines d = deadlines(Map.of("dsr.deadline.processor-days", "14"));

        assertThat(d.processorDueDate(LocalDate.of(2026, 11, 28), LocalDate.of(2026, 12, 10)))
                .isEqualTo(LocalDate.of(2026, 12, 10).minusDays(Deadlines.PROCESSOR_MARGIN_DAYS));
    }

    @Test
    void aRequestThatReachedTheHubLateGivesProcessorsTheNextDayButNeverPastTheSubjectsDate() {
        assertThat(law.processorDueDate(LocalDate.of(2026, 12, 8), LocalDate.of(2026, 12, 10))).isEqualTo(LocalDate.of(2026, 12, 9));
        assertThat(law.processorDueDate(LocalDate.of(2026, 12, 10), LocalDate.of(2026, 12, 10))).isEqualTo(LocalDate.of(2026, 12, 10));
    }

    @Test
    void aTermThatIsNoPeriodIsRefusedNamingTheSettingAndWhatItTakes() {
        assertThatThrownBy(() -> deadlines(Map.of("dsr.deadline.term", "30 dagen"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dsr.deadline.term: '30 dagen' is not an ISO-8601 period; give P1M (the law's month, art. 12(3) GDPR),"
                        + " or the shorter term of the shop's privacy policy, e.g. P30D or P4W");
    }

    @Test
    void aTermLongerThanTheLawsMonthIsRefused() {
        assertThatThrownBy(() -> deadlines(Map.of("dsr.deadline.term", "P2M"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("dsr.deadline.term: 'P2M' is longer than the law's month (art. 12(3) GDPR)");
        assertThatThrownBy(() -> deadlines(Map.of("dsr.deadline.term", "P6W"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("dsr.deadline.term: 'P6W' is never shorter than the law's month");
    }

    @Test
    void aTermOfZeroOrLessIsRefused() {
        assertThatThrownBy(() -> deadlines(Map.of("dsr.deadline.term", "P0D"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dsr.deadline.term: 'P0D' must be longer than zero days");
        assertThatThrownBy(() -> deadlines(Map.of("dsr.deadline.term", "P-3D"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dsr.deadline.term: 'P-3D' must be longer than zero days");
    }

    @Test
    void processorDaysMustBeAWholeNumberOfAtLeastOne() {
        assertThatThrownBy(() -> deadlines(Map.of("dsr.deadline.processor-days", "0"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dsr.deadline.processor-days: '0' must be a whole number of days, at least 1 (days after the request"
                        + " reached the hub)");
        assertThatThrownBy(() -> deadlines(Map.of("dsr.deadline.processor-days", "two weeks")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("dsr.deadline.processor-days: 'two weeks'");
    }

    @Test
    void daysLeftCountDutchDatesZeroOnTheDueDayItself() {
        LocalDate due = LocalDate.of(2026, 12, 20);

        assertThat(Deadlines.daysLeft(due, OffsetDateTime.parse("2026-12-19T23:30:00Z"))).isZero();
        assertThat(Deadlines.daysLeft(due, OffsetDateTime.parse("2026-12-18T12:00:00+01:00"))).isEqualTo(2);
        assertThat(Deadlines.daysLeft(due, OffsetDateTime.parse("2026-12-21T00:10:00+01:00"))).isEqualTo(-1);
    }

    private static Deadlines deadlines(Map<String, String> settings) {
        return Deadlines.from(key -> Optional.ofNullable(settings.get(key)));
    }
}
