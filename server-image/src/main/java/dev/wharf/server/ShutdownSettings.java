package dev.wharf.server;

import dev.wharf.server.config.ConfigFile;
import java.time.Duration;

/**
 * {@code shutdown.grace-period}: how long a stopping server lets running transfers finish before it closes
 * what is left. The default, 110 s, fits inside the 120 s a transfer pod is given between SIGTERM and
 * SIGKILL (the operator's terminationGracePeriodSeconds), leaving time to close and exit.
 */
public record ShutdownSettings(Duration gracePeriod) {

    public static ShutdownSettings fromConfig(ConfigFile config) {
        return new ShutdownSettings(Duration.ofSeconds(config.declaredInt("shutdown.grace-period")));
    }
}
