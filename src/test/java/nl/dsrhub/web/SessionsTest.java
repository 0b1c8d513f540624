package nl.dsrhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SessionsTest {

    /** A clock the test moves by hand. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-11-28T09:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MovingClock clock = new MovingClock();
    final Sessions sessions = new Sessions(clock, Duration.ofMinutes(30), Duration.ofHours(12));

    @Test
    void aNewSessionIsFoundByItsCookieValueAndCarriesItsOwnCsrfToken() {
        String a = sessions.open();
        String b = sessions.open();
        assertThat(a).hasSize(64).isNotEqualTo(b);
        Sessions.Session session = sessions.find(a).orElseThrow();
        assertThat(session.csrf()).hasSize(64).isNotEqualTo(a).isNotEqualTo(sessions.find(b).orElseThrow().csrf());
        assertThat(session.key()).as("stored by a hash, not by the cookie value").isNotEqualTo(a);
    }

    @Test
    void unknownOrMissingCookieValuesFindNoSession() {
        sessions.open();
        assertThat(sessions.find(null)).isEmpty();
        assertThat(sessions.find("")).isEmpty();
        assertThat(sessions.find("0".repeat(64))).isEmpty();
    }

    @Test
    void aSessionEndsAfterItsIdleTimeButUseKeepsItAlive() {
        String id = sessions.open();
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.find(id)).isPresent();
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.find(id)).as("used 29 minutes ago").isPresent();
        clock.advance(Duration.ofMinutes(31));
        assertThat(sessions.find(id)).as("idle for 31 minutes").isEmpty();
    }

    @Test
    void aSessionEndsAtItsLifetimeHoweverOftenItIsUsed() {
        String id = sessions.open();
        for (int i = 0; i < 24 * 2 - 1; i++) {
            clock.advance(Duration.ofMinutes(15));
            assertThat(sessions.find(id)).isPresent();
        }
        clock.advance(Duration.ofMinutes(20));
        assertThat(sessions.find(id)).as("12 h 5 min after log-in").isEmpty();
    }

    @Test
    void logOutEndsTheSessionAtOnce() {
        String id = sessions.open();
        sessions.close(id);
        assertThat(sessions.find(id)).isEmpty();
    }

    @Test
    void csrfTokenMustBeTheSessionsOwn() {
        Sessions.Session s = sessions.find(sessions.open()).orElseThrow();
        Sessions.Session other = sessions.find(sessions.open()).orElseThrow();
        assertThat(Sessions.csrfMatches(s, s.csrf())).isTrue();
        assertThat(Sessions.csrfMatches(s, other.csrf())).isFalse();
        assertThat(Sessions.csrfMatches(s, null)).isFalse();
        assertThat(Sessions.csrfMatches(s, "")).isFalse();
    }
}
