package dev.wharf.server.srm.transfer;

import dev.wharf.server.auth.Identity;
import dev.wharf.server.fs.Storage;
import dev.wharf.server.fs.StorageException;
import dev.wharf.server.fs.UploadFence;
import dev.wharf.server.srm.transfer.SurlChecks.Failure;
import dev.wharf.server.srm.transfer.TransferRequest.Ending;
import dev.wharf.server.srm.v22.TStatusCode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How files of a request end (docs/srm.md, "Transfer requests"): srmPutDone (the file must have
 * arrived), srmReleaseFiles (a get's pin), srmAbortRequest / srmAbortFiles (an aborted put leaves
 * nothing: what it wrote is removed, and a running upload that lands later is removed by the
 * {@link AbortWatch}), and expiry, which ends open files as an abort does.
 */
public final class FileEndings {

    private static final Logger LOG = LoggerFactory.getLogger(FileEndings.class);

    private final RequestStore store;
    private final StorageAccess access;
    private final AbortWatch watch;

    FileEndings(RequestStore store, StorageAccess access, AbortWatch watch) {
        this.store = store;
        this.access = access;
        this.watch = watch;
    }

    /**
     * How long, at least, an aborted or expired put's SURL stays fenced and watched: an upload through its
     * TURL may have started just before the end and run on.
     */
    public static final Duration LATE_UPLOAD_WATCH = Duration.ofHours(1);

    /** A new put of the SURL owns the name now: its upload must land. */
    void stopWatching(String root, String path) {
        watch.cancel(root, path);
        try {
            UploadFence.lift(UploadFence.realTarget(Path.of(root), path));
        } catch (IOException e) {
            // no directory, no fence to lift
        }
    }

    public int watched() {
        return watch.size();
    }

    /** srmPutDone: each named file (all when none are named) must have arrived at its SURL. */
    public SurlResults putDone(Storage storage, String token, List<String> surls) {
        Optional<TransferRequest> found = request(storage.identity(), token, true);
        if (found.isEmpty()) {
            return unknown(token, true);
        }
        TransferRequest r = found.get();
        return eachFile(r, surls, f -> putDone(storage, r, f));
    }

    /**
     * Applies {@code action} to the named files of {@code r} (all when none are named) under its lock;
     * a SURL the request does not hold gets SRM_INVALID_PATH. Then settles the request.
     */
    private SurlResults eachFile(TransferRequest r, List<String> surls, java.util.function.Function<FileRequest, SurlResult> action) {
        List<SurlResult> results = new ArrayList<>();
        synchronized (r) {
            List<FileRequest> chosen = r.select(surls);
            for (int i = 0; i < chosen.size(); i++) {
                FileRequest f = chosen.get(i);
                results.add(f == null ? notInRequest(surls.get(i), r) : action.apply(f));
            }
        }
        store.settle(r);
        return SurlResults.of(results);
    }

    private SurlResult putDone(Storage storage, TransferRequest r, FileRequest f) {
        if (f.status == TStatusCode.SRM_SUCCESS) {
            return new SurlResult(f.surl, TStatusCode.SRM_SUCCESS, "already put done");
        }
        if (f.status != TStatusCode.SRM_SPACE_AVAILABLE) {
            TStatusCode s = f.pending() ? TStatusCode.SRM_FAILURE : f.status;
            return new SurlResult(f.surl, s, f.pending() ? "the file has no TURL yet" : "the file is " + f.status
                    + (f.explanation.isEmpty() ? "" : ": " + f.explanation));
        }
        try {
            SurlChecks.arrived(storage, f.path, f.baseline);
        } catch (Failure e) {
            // The file stays open: the client may finish writing and call srmPutDone again.
            return new SurlResult(f.surl, e.status, e.getMessage());
        }
        f.status = TStatusCode.SRM_SUCCESS;
        f.explanation = "";
        f.turl = null;
        store.releasePutTarget(r.root, f.path, r.token);
        return new SurlResult(f.surl, TStatusCode.SRM_SUCCESS, "");
    }

    /**
     * srmReleaseFiles: ends the pins of a get request's files; without a token, every pin of the
     * caller on the named SURLs. Files are always online here: a pin is bookkeeping, and releasing it
     * frees the request's place in the store.
     */
    public SurlResults releaseFiles(Identity caller, String token, List<String> surls) {
        if (token == null || token.isBlank()) {
            return releaseByName(caller, surls);
        }
        Optional<TransferRequest> found = store.find(token, caller.principal());
        if (found.isEmpty()) {
            return unknown(token, false);
        }
        TransferRequest r = found.get();
        if (r.put()) {
            return SurlResults.refused(TStatusCode.SRM_INVALID_REQUEST, "request " + token
                    + " is a put: end it with srmPutDone or srmAbortRequest");
        }
        return eachFile(r, surls, FileEndings::release);
    }

    private SurlResults releaseByName(Identity caller, List<String> surls) {
        if (surls == null || surls.isEmpty()) {
            return SurlResults.refused(TStatusCode.SRM_INVALID_REQUEST, "srmReleaseFiles needs a request token or SURLs");
        }
        List<TransferRequest> mine = store.openOf(caller.principal()).stream().filter(r -> !r.put()).toList();
        List<SurlResult> results = new ArrayList<>();
        for (String surl : surls) {
            boolean released = false;
            for (TransferRequest r : mine) {
                synchronized (r) {
                    for (FileRequest f : r.files()) {
                        if (f.surl.equals(surl) && f.status == TStatusCode.SRM_FILE_PINNED) {
                            release(f);
                            released = true;
                        }
                    }
                }
            }
            results.add(released ? new SurlResult(surl, TStatusCode.SRM_SUCCESS, "")
                    : new SurlResult(surl, TStatusCode.SRM_INVALID_PATH, "no pin of yours on this SURL"));
        }
        mine.forEach(store::settle);
        return SurlResults.of(results);
    }

    private static SurlResult release(FileRequest f) {
        if (f.status == TStatusCode.SRM_FILE_PINNED || f.status == TStatusCode.SRM_RELEASED) {
            f.status = TStatusCode.SRM_RELEASED;
            f.turl = null;
            return new SurlResult(f.surl, TStatusCode.SRM_SUCCESS, "");
        }
        return new SurlResult(f.surl, TStatusCode.SRM_FAILURE, "the file is not pinned (" + f.status + ")");
    }

    /** srmAbortRequest: every open file of the request ends; what unfinished puts wrote is removed. */
    public SurlResults abortRequest(Storage storage, String token) {
        Optional<TransferRequest> found = request(storage.identity(), token, null);
        if (found.isEmpty()) {
            return unknown(token, null);
        }
        TransferRequest r = found.get();
        List<SurlResult> results = new ArrayList<>();
        synchronized (r) {
            if (r.finished()) {
                return SurlResults.refused(TStatusCode.SRM_FAILURE, "request " + token + " has already ended (" + r.status() + ")");
            }
            r.end(Ending.ABORTED);
            for (FileRequest f : r.files()) {
                if (f.open()) {
                    results.add(abort(storage, r, f, TStatusCode.SRM_ABORTED, "aborted by the client"));
                }
            }
        }
        store.settle(r);
        SurlResults each = SurlResults.of(results);
        return new SurlResults(each.status(), each.explanation(), List.of());
    }

    /** srmAbortFiles: the named files of the request end as in srmAbortRequest; put-done files stay. */
    public SurlResults abortFiles(Storage storage, String token, List<String> surls) {
        if (surls == null || surls.isEmpty()) {
            return SurlResults.refused(TStatusCode.SRM_INVALID_REQUEST, "srmAbortFiles needs SURLs");
        }
        Optional<TransferRequest> found = request(storage.identity(), token, null);
        if (found.isEmpty()) {
            return unknown(token, null);
        }
        TransferRequest r = found.get();
        return eachFile(r, surls, f -> f.open() ? abort(storage, r, f, TStatusCode.SRM_ABORTED, "aborted by the client")
                : new SurlResult(f.surl, TStatusCode.SRM_FAILURE, f.status == TStatusCode.SRM_SUCCESS
                        ? "already put done; srmRm removes it" : "the file has already ended (" + f.status + ")"));
    }

    /**
     * Ends one open file (under the request's lock). A put's SURL is fenced, loses what this put wrote,
     * and is watched in case an upload through its TURL lands later; then it is free for a new put.
     */
    private SurlResult abort(Storage storage, TransferRequest r, FileRequest f, TStatusCode ending, String why) {
        boolean hadSpace = r.put() && f.status == TStatusCode.SRM_SPACE_AVAILABLE;
        f.fail(ending, why);
        if (!hadSpace) {
            return new SurlResult(f.surl, TStatusCode.SRM_SUCCESS, "");
        }
        Instant until = later(r.expires, store.now().plus(LATE_UPLOAD_WATCH));
        fence(r, f, until);
        try {
            watch.watch(r.owner, r.root, f.path, SurlChecks.removeWritten(storage, f.path, f.baseline), until);
            return new SurlResult(f.surl, TStatusCode.SRM_SUCCESS, "");
        } catch (StorageException e) {
            LOG.warn("srm: could not remove {} of an aborted put of '{}': {}", f.path, r.owner.principal(), e.toString());
            watch.watch(r.owner, r.root, f.path, f.baseline, until);
            return new SurlResult(f.surl, SurlChecks.failure(e).status, "aborted, but what was written could not be removed: "
                    + e.getMessage());
        } finally {
            // Only now may a new put claim the SURL: its claim lifts the fence and ends the watch set above.
            store.releasePutTarget(r.root, f.path, r.token);
        }
    }

    /**
     * Fences the SURL first, so an upload still running through the TURL is refused when it completes;
     * the watch then only has the instant between an upload's fence check and its rename left to catch.
     */
    private void fence(TransferRequest r, FileRequest f, Instant until) {
        try {
            UploadFence.fence(UploadFence.realTarget(Path.of(r.root), f.path), Duration.between(store.now(), until));
        } catch (IOException e) {
            LOG.debug("srm: no fence for {} (its directory is gone: {})", f.path, e.toString());
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * Ends requests past their lifetime as an abort would (files SRM_REQUEST_TIMED_OUT), forgets old
     * finished ones, and removes uploads that landed on aborted SURLs. Run periodically by the door.
     */
    public void sweep() {
        for (TransferRequest r : store.expired()) {
            Storage storage = null;
            try {
                synchronized (r) {
                    r.end(Ending.TIMED_OUT);
                    for (FileRequest f : r.files()) {
                        if (!f.open()) {
                            continue;
                        }
                        if (r.put() && f.status == TStatusCode.SRM_SPACE_AVAILABLE && storage == null) {
                            storage = access.open(r.owner);
                        }
                        abort(storage, r, f, TStatusCode.SRM_REQUEST_TIMED_OUT, "the request's lifetime ended");
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("srm: ending expired request {} of '{}': {}", r.token, r.owner.principal(), e.toString());
                synchronized (r) {
                    r.files().stream().filter(FileRequest::open)
                            .forEach(f -> f.fail(TStatusCode.SRM_REQUEST_TIMED_OUT, "the request's lifetime ended"));
                }
            } finally {
                if (storage != null) {
                    storage.close();
                }
            }
            store.settle(r);
        }
        watch.sweep(store.now(), access);
    }

    /** The caller's request with this token, of the right kind (put true/false, null: either). */
    private Optional<TransferRequest> request(Identity caller, String token, Boolean put) {
        return store.find(token, caller.principal()).filter(r -> put == null || r.put() == put);
    }

    private static SurlResults unknown(String token, Boolean put) {
        return SurlResults.refused(TStatusCode.SRM_INVALID_REQUEST, "no " + (put == null ? "" : put ? "put " : "get ")
                + "request of yours has the token '" + token + "' (unknown, another's, or ended)");
    }

    private static SurlResult notInRequest(String surl, TransferRequest r) {
        return new SurlResult(surl, TStatusCode.SRM_INVALID_PATH, "not a SURL of request " + r.token);
    }
}
