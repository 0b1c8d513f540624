package nl.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** AWR art. 52(4): a record's term runs from the end of the fiscal year it belongs to, not from its own date. */
class FiscalYearTest {

    @Test
    void anOrderOfMarchIsKeptUntilTheEndOfItsYearPlusSeven() {
        assertThat(FiscalYear.calendar().retainedUntil(LocalDate.of(2024, 3, 15), 7)).isEqualTo(LocalDate.of(2031, 12, 31));
        assertThat(FiscalYear.calendar().retainedUntil(LocalDate.of(2024, 12, 31), 7)).isEqualTo(LocalDate.of(2031, 12, 31));
        assertThat(FiscalYear.calendar().retainedUntil(LocalDate.of(2025, 1, 1), 7)).isEqualTo(LocalDate.of(2032, 12, 31));
    }

    @Test
    void aShopWhoseYearEndsInJuneCountsFromThen() {
        FiscalYear june = FiscalYear.endingOn("06-30");

        assertThat(june.retainedUntil(LocalDate.of(2024, 6, 30), 7)).isEqualTo(LocalDate.of(2031, 6, 30));
        assertThat(june.retainedUntil(LocalDate.of(2024, 7, 1), 7)).isEqualTo(LocalDate.of(2032, 6, 30));
        assertThat(june.startOf(LocalDate.of(2024, 3, 1))).isEqualTo(LocalDate.of(2023, 7, 1));
    }

    @Test
    void theOldestRecordStillKeptIsTheStartOfTheYearSevenYearsBack() {
        // on 28 November 2026 a record of 2019 is kept until 31 December 2026; one of 2018 is not kept any more
        assertThat(FiscalYear.calendar().oldestKept(LocalDate.of(2026, 11, 28), 7)).isEqualTo(LocalDate.of(2019, 1, 1));
        assertThat(FiscalYear.calendar().oldestKept(LocalDate.of(2026, 12, 31), 7)).isEqualTo(LocalDate.of(2019, 1, 1));
        assertThat(FiscalYear.calendar().oldestKept(LocalDate.of(2027, 1, 1), 7)).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(FiscalYear.endingOn("06-30").oldestKept(LocalDate.of(2026, 11, 28), 7)).isEqualTo(LocalDate.of(2019, 7, 1));
    }

    @Test
    void aYearEndThatIsNoDayIsRefusedSayingTheFormat() {
        assertThatThrownBy(() -> FiscalYear.endingOn("31-12")).hasMessage(
                "must be the last day of the fiscal year as MM-DD, e.g. 12-31 or 06-30");
        assertThatThrownBy(() -> FiscalYear.endingOn("02-29")).hasMessageContaining("use 02-28");
        assertThat(FiscalYear.endingOn(" ").isCalendarYear()).isTrue();
    }

    @Test
    void recordDatesAreReadInTheFormsProcessorsWrite() {
        assertThat(Retained.dateOf("2024-11-03T14:12:09")).isEqualTo(LocalDate.of(2024, 11, 3));
        // Mollie: UTC with an offset, taken in Dutch time (New Year's Eve at 23:30 UTC is 1 January here)
        assertThat(Retained.dateOf("2024-12-31T23:30:00+00:00")).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(Retained.dateOf("2025-02-14")).isEqualTo(LocalDate.of(2025, 2, 14));
        // SendCloud v2
        assertThat(Retained.dateOf("03-11-2024 16:12:09")).isEqualTo(LocalDate.of(2024, 11, 3));
        assertThat(Retained.dateOf("string")).isNull();
        assertThat(Retained.dateOf("")).isNull();
    }
}
