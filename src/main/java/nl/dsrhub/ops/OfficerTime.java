package nl.dsrhub.ops;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import nl.dsrhub.model.Deadlines;

/**
 * A moment as the officer reads it on the dashboard: in Dutch time, whatever offset it was stored with, day, short
 * month and year, then the time to the minute ("28 nov 2026 03:48"). Deadlines stay dates (ISO), as the letters give them.
 */
final class OfficerTime {

    private static final String[] MONTHS = {"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"};

    private OfficerTime() {
    }

    /** @return "" for no moment */
    static String of(OffsetDateTime t) {
        if (t == null) {
            return "";
        }
        ZonedDateTime dutch = t.atZoneSameInstant(Deadlines.ZONE);
        return String.format("%d %s %d %02d:%02d", dutch.getDayOfMonth(), MONTHS[dutch.getMonthValue() - 1], dutch.getYear(),
                dutch.getHour(), dutch.getMinute());
    }

    /** A date as the officer reads it in a sentence, "28 dec 2026"; "" for no date. */
    static String date(LocalDate d) {
        return d == null ? "" : d.getDayOfMonth() + " " + MONTHS[d.getMonthValue() - 1] + " " + d.getYear();
    }
}
