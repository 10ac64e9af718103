package dev.wharf.server.auth;

import dev.wharf.server.config.ConfigFile;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Slows password guessing down, for every door with USER/PASS (docs/configuration.md, "Storage and
 * logins"): each failed password of a session is answered after a delay that doubles per failure
 * ({@code auth.failure-delay-ms}, at most {@code auth.failure-delay-max-ms}); the session is closed after
 * {@code auth.max-failures} failures; and an address that failed {@code auth.address-failures} times
 * within {@code auth.address-window} seconds gets no password check at all until its oldest failures age
 * out. The delay is a decision, not a sleep: the door schedules the reply. Server-wide, so a guesser
 * cannot spread attempts over doors; at most {@link #MAX_ADDRESSES} addresses are remembered.
 */
public final class LoginThrottle {

    static final int MAX_ADDRESSES = 100_000;

    /** No delay, no limit: for doubles and tests that are about something else. */
    public static final LoginThrottle OFF = new LoginThrottle(new Settings(0, 0, Integer.MAX_VALUE, Integer.MAX_VALUE,
            Duration.ofSeconds(1)), System::nanoTime);

    public record Settings(long delayMillis, long maxDelayMillis, int maxFailures, int addressFailures, Duration addressWindow) {

        public static Settings fromConfig(ConfigFile config) {
            long delay = config.declaredLong("auth.failure-delay-ms");
            // The declared maximum, raised to the delay when only the delay is set above it (the schema's
            // note); a maximum set below the delay is a rule of the schema, refused as it is read.
            long max = config.get("auth.failure-delay-max-ms").isPresent() ? config.declaredLong("auth.failure-delay-max-ms")
                    : Math.max(delay, config.declaredLong("auth.failure-delay-max-ms"));
            return new Settings(delay, max,
                    config.declaredInt("auth.max-failures"),
                    config.declaredInt("auth.address-failures"),
                    Duration.ofSeconds(config.declaredInt("auth.address-window")));
        }
    }

    /**
     * What to do after a failed password.
     *
     * @param delayMillis wait this long before the 530 reply
     * @param close close the connection after the reply (the session's failure limit is reached)
     */
    public record Verdict(long delayMillis, boolean close) {}

    /** Failures of one address in the current window: a count and when the window started. */
    private record Window(long startNanos, int failures) {}

    private final Settings settings;
    private final LongSupplier clock;
    private final Map<InetAddress, Window> addresses = new ConcurrentHashMap<>();

    public LoginThrottle(Settings settings, LongSupplier clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public static LoginThrottle fromConfig(ConfigFile config) {
        return new LoginThrottle(Settings.fromConfig(config), System::nanoTime);
    }

    public Settings settings() {
        return settings;
    }

    /** True when {@code client} has used up its failure budget: refuse without checking the password. */
    public boolean addressBlocked(InetAddress client) {
        Window w = addresses.get(client);
        return w != null && !expired(w) && w.failures() >= settings.addressFailures();
    }

    /** Records a failed password of a session that has now failed {@code sessionFailures} times. */
    public Verdict failed(InetAddress client, int sessionFailures) {
        if (addresses.size() >= MAX_ADDRESSES) {
            forgetExpired();
        }
        if (addresses.size() < MAX_ADDRESSES || addresses.containsKey(client)) {
            addresses.compute(client, (a, w) -> w == null || expired(w)
                    ? new Window(clock.getAsLong(), 1) : new Window(w.startNanos(), w.failures() + 1));
        }
        long delay = settings.delayMillis() == 0 ? 0
                : Math.min(settings.maxDelayMillis(), settings.delayMillis() << Math.min(20, sessionFailures - 1));
        return new Verdict(delay, sessionFailures >= settings.maxFailures() || addressBlocked(client));
    }

    private boolean expired(Window w) {
        return clock.getAsLong() - w.startNanos() >= settings.addressWindow().toNanos();
    }

    private void forgetExpired() {
        for (Iterator<Window> it = addresses.values().iterator(); it.hasNext();) {
            if (expired(it.next())) {
                it.remove();
            }
        }
    }
}
