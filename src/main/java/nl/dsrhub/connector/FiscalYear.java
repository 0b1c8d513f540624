package nl.dsrhub.connector;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The shop's fiscal year, which ends on 31 December unless the connector's {@code fiscal-year-end} setting
 * (MM-DD) says otherwise. AWR art. 52(4): a record is kept for its term counted from the end of the year it
 * belongs to, so an invoice of March 2024 is kept until 31 December 2031, not until March 2031.
 */
public final class FiscalYear {

    /** The connector setting naming the last day of the shop's fiscal year, e.g. {@code 06-30}. */
    public static final String SETTING = "fiscal-year-end";

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    private final MonthDay end;

    private FiscalYear(MonthDay end) {
        this.end = end;
    }

    /** The calendar year: ends on 31 December. */
    public static FiscalYear calendar() {
        return new FiscalYear(MonthDay.of(12, 31));
    }

    /**
     * The year ending on {@code monthDay} ({@code MM-DD}); null or blank is the calendar year.
     *
     * @throws IllegalArgumentException naming the format, for anything else (29 February never ends a year)
     */
    public static FiscalYear endingOn(String monthDay) {
        if (monthDay == null || monthDay.isBlank()) {
            return calendar();
        }
        try {
            MonthDay end = MonthDay.parse(monthDay.strip(), MONTH_DAY);
            if (end.equals(MonthDay.of(2, 29))) {
                throw new IllegalArgumentException("a fiscal year cannot end on 02-29: use 02-28");
            }
            return new FiscalYear(end);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be the last day of the fiscal year as MM-DD, e.g. 12-31 or 06-30");
        }
    }

    /** The connector's fiscal year, from its {@code fiscal-year-end} setting. */
    public static FiscalYear of(Connector connector) {
        return endingOn(connector.settings().get(SETTING));
    }

    /** The last day of the fiscal year {@code day} belongs to. */
    public LocalDate endOf(LocalDate day) {
        LocalDate sameYear = end.atYear(day.getYear());
        return sameYear.isBefore(day) ? end.atYear(day.getYear() + 1) : sameYear;
    }

    /** The first day of the fiscal year {@code day} belongs to. */
    public LocalDate startOf(LocalDate day) {
        return endOf(day).minusYears(1).plusDays(1);
    }

    /** The last day a record of {@code recordDate} is kept: the end of its fiscal year plus {@code years}. */
    public LocalDate retainedUntil(LocalDate recordDate, int years) {
        return end.atYear(endOf(recordDate).getYear() + years);
    }

    /**
     * The oldest day whose records are still kept on {@code today} for {@code years}: the first day of the fiscal
     * year that {@code today} minus {@code years} falls in (on 28 November 2026, for 7 years: 1 January 2019).
     */
    public LocalDate oldestKept(LocalDate today, int years) {
        return startOf(today.minusYears(years));
    }

    /** "31 December" as MM-DD, for texts. */
    public String end() {
        return end.format(MONTH_DAY);
    }

    public boolean isCalendarYear() {
        return end.equals(MonthDay.of(12, 31));
    }
}
