package dev.wharf.server.log;

import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * The log of what unauthenticated peers get wrong (bad PROXY headers, TLS garbage, over-long lines):
 * one line each, never a stack trace, and at most {@code burst} lines per window per instance, so a peer
 * opening connections in a loop cannot flood the log. Lines over the budget are counted and the count
 * is reported on the next line that is written. Exceptions are shown as the messages of their cause
 * chain; the caller's message is escaped by the layout like every other.
 */
public final class ClientMistakes {

    public static final int DEFAULT_BURST = 10;
    public static final long DEFAULT_WINDOW_NANOS = 60_000_000_000L;

    private final Logger log;
    private final Level level;
    private final int burst;
    private final long windowNanos;
    private final LongSupplier clock;
    private long windowStart;
    private int written;
    private long suppressed;

    public ClientMistakes(Logger log, Level level) {
        this(log, level, DEFAULT_BURST, DEFAULT_WINDOW_NANOS, System::nanoTime);
    }

    public ClientMistakes(Logger log, Level level, int burst, long windowNanos, LongSupplier clock) {
        this.log = log;
        this.level = level;
        this.burst = burst;
        this.windowNanos = windowNanos;
        this.clock = clock;
        this.windowStart = clock.getAsLong();
    }

    /** Logs {@code what} and {@code cause}'s messages as one line, unless this window's budget is spent. */
    public void report(String what, Throwable cause) {
        long suppressedBefore;
        synchronized (this) {
            long now = clock.getAsLong();
            if (now - windowStart >= windowNanos) {
                windowStart = now;
                written = 0;
            }
            if (written >= burst) {
                suppressed++;
                return;
            }
            written++;
            suppressedBefore = suppressed;
            suppressed = 0;
        }
        String line = cause == null ? what : what + ": " + describe(cause);
        if (suppressedBefore > 0) {
            line += " (" + suppressedBefore + " similar lines suppressed)";
        }
        log.atLevel(level).log(line);
    }

    /** The messages of the cause chain, outermost first, without repeats: Netty wraps and repeats them. */
    public static String describe(Throwable cause) {
        StringBuilder out = new StringBuilder();
        String previous = null;
        for (Throwable t = cause; t != null && out.length() < 1024; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (previous != null && previous.contains(message)) {
                continue;
            }
            if (out.length() > 0) {
                out.append(": ");
            }
            out.append(message);
            previous = message;
        }
        return out.toString();
    }
}
