package dev.wharf.server.srm.transfer;

import dev.wharf.server.config.ConfigFile;
import java.time.Duration;
import java.util.Optional;

/**
 * The bounds of the SRM request store (docs/srm.md, "Transfer requests"): how many requests may be
 * open, how many files one may name, and how long one lives. Every request ends at its lifetime, so a
 * client that never calls srmPutDone or srmReleaseFiles costs memory only until then.
 *
 * @param maxRequests       {@code srm.max-requests}: open (not yet finished) requests on the server
 * @param maxPerClient      {@code srm.max-requests-per-client}: open requests of one identity (DN)
 * @param maxFilesPerRequest {@code srm.max-files-per-request}: SURLs one prepare call may name
 * @param defaultLifetime   {@code srm.request-lifetime}: a request's lifetime when the client asks none
 * @param maxLifetime       {@code srm.max-request-lifetime}: the cap on what a client may ask
 *                          ({@code desiredTotalRequestTime}, {@code desiredPinLifeTime})
 * @param turlHost          {@code srm.turl-host}: the host TURLs name, else the address of the door they point at
 */
public record TransferLimits(int maxRequests, int maxPerClient, int maxFilesPerRequest, Duration defaultLifetime,
                             Duration maxLifetime, Optional<String> turlHost) {

    public TransferLimits {
        if (maxPerClient > maxRequests) {
            maxPerClient = maxRequests;
        }
        if (defaultLifetime.compareTo(maxLifetime) > 0) {
            defaultLifetime = maxLifetime;
        }
    }

    /** The keys' values; defaults and ranges are config-schema's (SrmKeys). */
    public static TransferLimits from(ConfigFile c) {
        return new TransferLimits(c.declaredInt("srm.max-requests"),
                c.declaredInt("srm.max-requests-per-client"),
                c.declaredInt("srm.max-files-per-request"),
                Duration.ofSeconds(c.declaredInt("srm.request-lifetime")),
                Duration.ofSeconds(c.declaredInt("srm.max-request-lifetime")),
                c.get("srm.turl-host").map(String::strip).filter(h -> !h.isEmpty()));
    }

    /**
     * The lifetime a request gets: what the client asked (seconds; absent, zero or negative means "the
     * server's default", as GFD.129 says), never more than the cap.
     */
    public Duration lifetime(Long askedSeconds) {
        if (askedSeconds == null || askedSeconds <= 0) {
            return defaultLifetime;
        }
        Duration asked = Duration.ofSeconds(Math.min(askedSeconds, maxLifetime.toSeconds()));
        return asked.compareTo(maxLifetime) > 0 ? maxLifetime : asked;
    }
}
