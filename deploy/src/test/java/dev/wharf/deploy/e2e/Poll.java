package dev.wharf.deploy.e2e;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Waits for a condition with a deadline, and says what it last saw when the deadline passes. */
public final class Poll {
    private Poll() {}

    public interface Clock {
        long nanoTime();

        void sleep(Duration d) throws InterruptedException;

        Clock SYSTEM = new Clock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleep(Duration d) throws InterruptedException {
                Thread.sleep(d.toMillis());
            }
        };
    }

    /**
     * Calls {@code probe} every {@code interval} until it returns a value or {@code timeout} passes;
     * {@code lastSeen} describes the state for the failure message.
     */
    public static <T> T until(String what, Duration timeout, Duration interval, Supplier<Optional<T>> probe,
            Supplier<String> lastSeen, Clock clock) {
        long deadline = clock.nanoTime() + timeout.toNanos();
        RuntimeException lastError = null;
        while (true) {
            try {
                Optional<T> value = probe.get();
                if (value.isPresent()) {
                    return value.get();
                }
                lastError = null;
            } catch (RuntimeException e) {
                lastError = e;
            }
            if (clock.nanoTime() - deadline >= 0) {
                AssertionError failure = new AssertionError("timed out after " + timeout + " waiting for " + what
                        + "; last seen: " + (lastError != null ? lastError : lastSeen.get()));
                if (lastError != null) {
                    failure.initCause(lastError);
                }
                throw failure;
            }
            try {
                clock.sleep(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    public static <T> T until(String what, Duration timeout, Supplier<Optional<T>> probe, Supplier<String> lastSeen) {
        return until(what, timeout, Duration.ofSeconds(2), probe, lastSeen, Clock.SYSTEM);
    }
}
