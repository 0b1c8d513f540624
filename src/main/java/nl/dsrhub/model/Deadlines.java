package nl.dsrhub.model;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Function;

/**
 * When an answer is due: a date, meaning the end of that day in Europe/Amsterdam.
 *
 * <p>GDPR art. 12(3): within one month of receipt. The month is counted as Regulation 1182/71 (the EU's rules on
 * periods, dates and time limits) counts periods: the day of receipt does not count (art. 3(1)); a period of months
 * ends with the day of the last month that has the same date as the day of receipt, or with that month's last day
 * when it has no such date (art. 3(2)(c): received 31 March, due 30 April; received 31 January, due 28 February, in a
 * leap year 29); a period of days ends with its last day (art. 3(2)(b)), a period of weeks with the same weekday
 * (art. 3(2)(c)). The day of receipt is the Dutch date of {@code receivedAt}, whatever offset the request file carried.
 *
 * <p>Art. 3(4) of 1182/71 would move a period ending on a Saturday, Sunday or public holiday to the next working day;
 * the hub does not apply it: the earlier date is always in time, and no holiday calendar can make it late.
 *
 * <p>A shop whose privacy policy promises less ("binnen 30 dagen", "binnen 4 weken") sets that term
 * ({@code dsr.deadline.term}); the hub keeps the earlier of the law's date and the shop's. Processors are asked to
 * answer well before the subject's date ({@code dsr.deadline.processor-days}).
 */
public final class Deadlines {

    /** Dutch time: the day a request was received, and the end of the day an answer is due. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    /** Art. 12(3) GDPR: one month. */
    public static final Period LAW = Period.ofMonths(1);
    /**
     * The processors' deadline is at least this many days before the subject's: a week in which the one reminder can
     * be answered, the officer can settle a silent processor by hand, and the interim answer can still go out.
     */
    public static final int PROCESSOR_MARGIN_DAYS = 7;
    static final int DEFAULT_PROCESSOR_DAYS = 14;

    private final Period term;
    private final int processorDays;

    private Deadlines(Period term, int processorDays) {
        this.term = term;
        this.processorDays = processorDays;
    }

    /** The law's month and the default processors' term: for tools and tests without a configuration. */
    public static Deadlines law() {
        return new Deadlines(LAW, DEFAULT_PROCESSOR_DAYS);
    }

    /**
     * From {@code dsr.deadline.term} and {@code dsr.deadline.processor-days}.
     *
     * @throws IllegalArgumentException naming the setting and saying what it takes
     */
    public static Deadlines from(Function<String, Optional<String>> settings) {
        Period term = settings.apply("dsr.deadline.term").map(Deadlines::term).orElse(LAW);
        int days = settings.apply("dsr.deadline.processor-days").map(Deadlines::processorDays).orElse(DEFAULT_PROCESSOR_DAYS);
        return new Deadlines(term, days);
    }

    /** The subject's deadline: the earlier of one month and the shop's term, counted from the Dutch date of receipt. */
    public LocalDate dueDate(OffsetDateTime receivedAt) {
        LocalDate received = dateOf(receivedAt);
        LocalDate byLaw = received.plus(LAW);
        LocalDate byShop = received.plus(term);
        return byShop.isBefore(byLaw) ? byShop : byLaw;
    }

    /**
     * The processors' deadline: {@code processor-days} after the day the request reached the hub, and never later
     * than {@link #PROCESSOR_MARGIN_DAYS} before the subject's deadline. A request that reached the hub so late that
     * this would be today or earlier gives the processors until the next day, or the subject's date when that is sooner.
     */
    public LocalDate processorDueDate(LocalDate reachedHub, LocalDate due) {
        LocalDate wanted = reachedHub.plusDays(processorDays);
        LocalDate latest = due.minusDays(PROCESSOR_MARGIN_DAYS);
        LocalDate date = wanted.isAfter(latest) ? latest : wanted;
        LocalDate earliest = reachedHub.plusDays(1);
        if (date.isBefore(earliest)) {
            date = earliest.isAfter(due) ? due : earliest;
        }
        return date;
    }

    /** Art. 12(3): extended by one or two further months, counted from the original deadline. */
    public static LocalDate extended(LocalDate originalDue, int months) {
        return originalDue.plusMonths(months);
    }

    /** The last moment of the due date in Dutch time: after it, the request is overdue. */
    public static OffsetDateTime endOf(LocalDate due) {
        return due.plusDays(1).atStartOfDay(ZONE).toOffsetDateTime().minusNanos(1);
    }

    /** The Dutch date of a moment. */
    public static LocalDate dateOf(OffsetDateTime t) {
        return t.atZoneSameInstant(ZONE).toLocalDate();
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** Whole days from today (Dutch date) to the due date: 0 on the day itself, negative once overdue. */
    public static long daysLeft(LocalDate due, OffsetDateTime now) {
        return ChronoUnit.DAYS.between(dateOf(now), due);
    }

    /** True once the due date has ended in Dutch time. */
    public static boolean isOverdue(LocalDate due, OffsetDateTime now) {
        return dateOf(now).isAfter(due);
    }

    static Period term(String text) {
        Period p;
        try {
            p = Period.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("dsr.deadline.term: '" + text + "' is not an ISO-8601 period; give P1M (the"
                    + " law's month, art. 12(3) GDPR), or the shorter term of the shop's privacy policy, e.g. P30D or P4W");
        }
        if (p.isNegative() || p.isZero()) {
            throw new IllegalArgumentException("dsr.deadline.term: '" + text + "' must be longer than zero days");
        }
        if (p.getYears() != 0 || p.getMonths() > 1 || (p.getMonths() == 1 && p.getDays() != 0)) {
            throw new IllegalArgumentException("dsr.deadline.term: '" + text + "' is longer than the law's month (art. 12(3)"
                    + " GDPR), which the hub always keeps; give P1M, or a shorter term in days or weeks (P30D, P4W)");
        }
        if (p.getMonths() == 0 && p.getDays() > 30) {
            throw new IllegalArgumentException("dsr.deadline.term: '" + text + "' is never shorter than the law's month,"
                    + " which the hub keeps anyway; give P1M, or a term of at most 30 days (P30D, P4W)");
        }
        return p;
    }

    static int processorDays(String text) {
        try {
            int days = Integer.parseInt(text.strip());
            if (days >= 1) {
                return days;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("dsr.deadline.processor-days: '" + text + "' must be a whole number of days,"
                + " at least 1 (days after the request reached the hub)");
    }
}
