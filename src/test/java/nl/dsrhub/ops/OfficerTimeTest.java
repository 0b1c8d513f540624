package nl.dsrhub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The dashboard says a moment in Dutch time, to the minute, with a short Dutch month: "28 nov 2026 03:48". */
class OfficerTimeTest {

    @Test
    void aMomentStoredInUtcIsShownInDutchWinterTime() {
        assertThat(OfficerTime.of(OffsetDateTime.parse("2026-11-28T02:48:31Z"))).isEqualTo("28 nov 2026 03:48");
    }

    @Test
    void summerTimeIsTwoHoursAheadOfUtcAndTheDayMayChange() {
        assertThat(OfficerTime.of(OffsetDateTime.parse("2026-03-31T22:30:00Z"))).isEqualTo("1 apr 2026 00:30");
    }

    @Test
    void everyMonthHasItsDutchShortName() {
        assertThat(OfficerTime.of(OffsetDateTime.parse("2026-05-09T10:05:00+02:00"))).isEqualTo("9 mei 2026 10:05");
        assertThat(OfficerTime.of(OffsetDateTime.parse("2026-10-15T10:05:00+02:00"))).isEqualTo("15 okt 2026 10:05");
        assertThat(OfficerTime.of(OffsetDateTime.parse("2026-03-02T10:05:00+01:00"))).isEqualTo("2 mrt 2026 10:05");
    }

    @Test
    void noMomentIsNothing() {
        assertThat(OfficerTime.of(null)).isEmpty();
    }
}
