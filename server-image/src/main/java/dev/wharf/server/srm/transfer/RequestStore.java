package dev.wharf.server.srm.transfer;

import dev.wharf.server.srm.v22.TStatusCode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SRM requests of this server, in memory (docs/srm.md, "Transfer requests"). Bounded: at most
 * {@code srm.max-requests} open requests, {@code srm.max-requests-per-client} of one identity; each
 * ends at its lifetime ({@link #expired}). A finished request (every file put-done, released, aborted,
 * failed or timed out) no longer counts and is kept {@link #FINISHED_RETENTION} for status calls.
 * Tokens are 128 random bits: a token is not a credential (every call checks the owner) but must not
 * let one client guess another's requests.
 */
public final class RequestStore {

    /** How long a finished request answers status calls before it is forgotten. */
    public static final Duration FINISHED_RETENTION = Duration.ofMinutes(5);

    private final TransferLimits limits;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, TransferRequest> requests = new ConcurrentHashMap<>();
    /** Finished requests and when they finished. */
    private final Map<String, Instant> finishedAt = new ConcurrentHashMap<>();
    /** Puts that hold a SURL ("root|path" → token) until put-done, abort or expiry: one writer per file. */
    private final Map<String, String> putTargets = new ConcurrentHashMap<>();

    public RequestStore(TransferLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** Why a request could not be added: the status the client gets and a text saying why. */
    record Refusal(TStatusCode status, String explanation) {}

    Instant now() {
        return clock.instant();
    }

    TransferLimits limits() {
        return limits;
    }

    String newToken() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Adds the request unless a bound would be passed; synchronized so two adds cannot both take the last slot. */
    synchronized Optional<Refusal> add(TransferRequest request) {
        if (request.files().size() > limits.maxFilesPerRequest()) {
            return Optional.of(new Refusal(TStatusCode.SRM_INVALID_REQUEST, request.files().size() + " files in one request;"
                    + " this server takes at most " + limits.maxFilesPerRequest() + " (srm.max-files-per-request)"));
        }
        int open = 0;
        int mine = 0;
        for (TransferRequest r : requests.values()) {
            if (!finishedAt.containsKey(r.token)) {
                open++;
                if (r.owner.principal().equals(request.owner.principal())) {
                    mine++;
                }
            }
        }
        // SRM_INTERNAL_ERROR is GFD.129's "transient, try again": gfal2 backs off and retries it.
        if (open >= limits.maxRequests()) {
            return Optional.of(new Refusal(TStatusCode.SRM_INTERNAL_ERROR, "the server has " + open
                    + " open requests (srm.max-requests); try again later"));
        }
        if (mine >= limits.maxPerClient()) {
            return Optional.of(new Refusal(TStatusCode.SRM_INTERNAL_ERROR, "you have " + mine
                    + " open requests (srm.max-requests-per-client); finish or abort some, or try again later"));
        }
        requests.put(request.token, request);
        return Optional.empty();
    }

    /** The request with this token if {@code principal} owns it; another's token looks like an unknown one. */
    Optional<TransferRequest> find(String token, String principal) {
        TransferRequest r = token == null ? null : requests.get(token.strip());
        return r != null && r.owner.principal().equals(principal) ? Optional.of(r) : Optional.empty();
    }

    /** The open requests of {@code principal} (srmReleaseFiles without a token). */
    List<TransferRequest> openOf(String principal) {
        List<TransferRequest> mine = new ArrayList<>();
        for (TransferRequest r : requests.values()) {
            if (r.owner.principal().equals(principal) && !finishedAt.containsKey(r.token)) {
                mine.add(r);
            }
        }
        return mine;
    }

    /**
     * Claims a put's target for {@code token}; false when another open put holds it (SRM_FILE_BUSY:
     * two clients writing one SURL through two TURLs would each think theirs arrived).
     */
    boolean claimPutTarget(String root, String path, String token) {
        return putTargets.putIfAbsent(root + "|" + path, token) == null;
    }

    void releasePutTarget(String root, String path, String token) {
        putTargets.remove(root + "|" + path, token);
    }

    /** Marks a request finished once none of its files is open; it then stops counting against the bounds. */
    void settle(TransferRequest r) {
        if (r.finished()) {
            finishedAt.putIfAbsent(r.token, now());
            forgetOldestFinishedBeyond(limits.maxRequests());
            for (FileRequest f : r.files()) {
                if (r.put() && f.path != null) {
                    releasePutTarget(r.root, f.path, r.token);
                }
            }
        }
    }

    /**
     * Removes finished requests past their retention and returns the open ones past their lifetime,
     * which the caller ends (releasing pins, removing what unfinished puts wrote) and then settles.
     */
    List<TransferRequest> expired() {
        Instant now = now();
        finishedAt.entrySet().removeIf(e -> {
            if (e.getValue().plus(FINISHED_RETENTION).isBefore(now)) {
                requests.remove(e.getKey());
                return true;
            }
            return false;
        });
        List<TransferRequest> due = new ArrayList<>();
        for (TransferRequest r : requests.values()) {
            if (!finishedAt.containsKey(r.token) && !now.isBefore(r.expires)) {
                due.add(r);
            }
        }
        return due;
    }

    /** Finished requests are kept for status calls, but never more of them than open ones may be. */
    private void forgetOldestFinishedBeyond(int bound) {
        while (finishedAt.size() > bound) {
            finishedAt.entrySet().stream().min(Map.Entry.comparingByValue()).ifPresent(oldest -> {
                finishedAt.remove(oldest.getKey());
                requests.remove(oldest.getKey());
            });
        }
    }

    /** Requests held in memory, open and finished (for tests and the status page). */
    int size() {
        return requests.size();
    }

    int openCount() {
        return requests.size() - finishedAt.size();
    }
}
