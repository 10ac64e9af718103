package dev.wharf.server.srm.transfer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand, so lifetimes are tested without waiting. */
final class TestClock extends Clock {

    private Instant now = Instant.parse("2026-12-07T12:00:00Z");

    void advance(Duration d) {
        now = now.plus(d);
    }

    @Override public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override public Instant instant() {
        return now;
    }
}
