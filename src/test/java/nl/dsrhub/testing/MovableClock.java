package nl.dsrhub.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** The system clock, which a test can move forward: a hub started with it lives through days in a moment. */
public final class MovableClock extends Clock {

    private final AtomicReference<Duration> ahead;
    private final ZoneId zone;

    public MovableClock() {
        this(ZoneId.systemDefault(), new AtomicReference<>(Duration.ZERO));
    }

    private MovableClock(ZoneId zone, AtomicReference<Duration> ahead) {
        this.zone = zone;
        this.ahead = ahead;
    }

    /** From now on the clock is this much further ahead. */
    public void advance(Duration by) {
        ahead.accumulateAndGet(by, Duration::plus);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        // the same time, moved together
        return new MovableClock(other, ahead);
    }
}
