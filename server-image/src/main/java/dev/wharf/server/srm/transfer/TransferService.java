package dev.wharf.server.srm.transfer;

import dev.wharf.server.auth.Identity;
import dev.wharf.server.fs.FileEntry;
import dev.wharf.server.fs.Storage;
import dev.wharf.server.srm.transfer.SurlChecks.Failure;
import dev.wharf.server.srm.transfer.SurlChecks.Overwrite;
import dev.wharf.server.srm.transfer.TransferRequest.Kind;
import dev.wharf.server.srm.transfer.TurlPlanner.Choice;
import dev.wharf.server.srm.v22.TStatusCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SRM transfer calls without SOAP (docs/srm.md, "Transfer requests"): srmPrepareToGet and
 * srmPrepareToPut create a request in the {@link RequestStore}, check each SURL through the caller's
 * storage and hand out TURLs from the {@link TurlPlanner}; the status calls read it back. Ending files
 * (srmPutDone, srmReleaseFiles, the aborts, expiry) is {@link FileEndings}'. Requests of at most
 * {@link #INLINE_FILES} files are prepared during the call and answered final; larger ones are answered
 * {@code SRM_REQUEST_QUEUED} and prepared in the background, and their status calls see
 * {@code SRM_REQUEST_INPROGRESS} until every file is ready or failed.
 */
public final class TransferService {

    private static final Logger LOG = LoggerFactory.getLogger(TransferService.class);

    /** Files a prepare call checks before it answers; more are queued (gfal2 polls the status call). */
    public static final int INLINE_FILES = 16;

    /**
     * One SURL of a prepare call.
     *
     * @param path    the jail path it names, or null when it names nothing here
     * @param refused the status the file fails with when {@code path} is null
     * @param refusal why it names nothing, when {@code path} is null
     */
    public record Target(String surl, String path, TStatusCode refused, String refusal) {

        public static Target of(String surl, String path) {
            return new Target(surl, path, null, null);
        }

        public static Target invalid(String surl, TStatusCode status, String why) {
            return new Target(surl, null, status, why);
        }
    }

    /**
     * A prepare call's parameters.
     *
     * @param protocols         {@code arrayOfTransferProtocols}, in the client's order (may be empty)
     * @param lifetimeSeconds   {@code desiredTotalRequestTime} (or the pin lifetime), null when not given
     * @param overwrite         {@code overwriteOption} of a put as on the wire, null when not given
     */
    public record Ask(List<Target> targets, List<String> protocols, Long lifetimeSeconds, String overwrite) {}

    private final RequestStore store;
    private final TurlPlanner planner;
    private final StorageAccess access;
    private final Executor background;
    private final boolean serverOverwrite;
    private final FileEndings endings;

    /**
     * @param background      where large requests are prepared (the server's blocking executor)
     * @param serverOverwrite {@code transfer.overwrite}
     */
    public TransferService(RequestStore store, TurlPlanner planner, StorageAccess access, Executor background,
                           boolean serverOverwrite) {
        this.store = store;
        this.planner = planner;
        this.access = access;
        this.background = background;
        this.serverOverwrite = serverOverwrite;
        this.endings = new FileEndings(store, access, new AbortWatch(store.limits().maxRequests()));
    }

    public FileEndings endings() {
        return endings;
    }

    /** What the admin endpoint's /status page shows: requests held and open, SURLs watched after aborts. */
    public Map<String, Integer> counts() {
        return Map.of("held", store.size(), "open", store.openCount(), "watchedAfterAbort", endings.watched());
    }

    /** The schemes a get of this session could be handed (those of a put are among them), in order of preference. */
    public List<String> servedProtocols(Storage storage) {
        return planner.served(false, storage.aclRoot());
    }

    public RequestView prepareToGet(Storage storage, Ask ask) {
        return prepare(Kind.GET, storage, ask);
    }

    public RequestView prepareToPut(Storage storage, Ask ask) {
        return prepare(Kind.PUT, storage, ask);
    }

    /** srmStatusOfGetRequest / srmStatusOfPutRequest: the request, or only the SURLs named. */
    public RequestView status(Identity caller, String token, List<String> surls, boolean put) {
        Optional<TransferRequest> found = store.find(token, caller.principal());
        if (found.isEmpty() || found.get().put() != put) {
            return RequestView.refused(TStatusCode.SRM_INVALID_REQUEST, "no " + (put ? "put" : "get")
                    + " request of yours has the token '" + token + "' (unknown, another's, or ended)");
        }
        return found.get().view(store.now(), surls);
    }

    private RequestView prepare(Kind kind, Storage storage, Ask ask) {
        boolean put = kind == Kind.PUT;
        if (ask.targets() == null || ask.targets().isEmpty()) {
            return RequestView.refused(TStatusCode.SRM_INVALID_REQUEST, "the request names no SURL");
        }
        Overwrite overwrite;
        try {
            overwrite = ask.overwrite() == null ? Overwrite.NEVER : Overwrite.valueOf(ask.overwrite().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return RequestView.refused(TStatusCode.SRM_INVALID_REQUEST, "overwriteOption '" + ask.overwrite() + "' is not NEVER, ALWAYS"
                    + " or WHEN_FILES_ARE_DIFFERENT");
        }
        if (put && overwrite == Overwrite.WHEN_FILES_ARE_DIFFERENT) {
            return RequestView.refused(TStatusCode.SRM_NOT_SUPPORTED, "overwriteOption WHEN_FILES_ARE_DIFFERENT is not supported;"
                    + " use NEVER or ALWAYS");
        }
        Choice choice = planner.choose(ask.protocols(), put, storage.aclRoot());
        if (choice.scheme().isEmpty()) {
            return RequestView.refused(TStatusCode.SRM_NOT_SUPPORTED, choice.refusal());
        }
        List<FileRequest> files = new ArrayList<>();
        for (Target t : ask.targets()) {
            FileRequest f = new FileRequest(t.surl(), t.path());
            if (t.path() == null) {
                f.fail(t.refused(), t.refusal());
            }
            files.add(f);
        }
        Identity owner = storage.identity();
        TransferRequest request = new TransferRequest(store.newToken(), kind, owner, storage.aclRoot().toString(),
                store.now().plus(store.limits().lifetime(ask.lifetimeSeconds())), files);
        Optional<RequestStore.Refusal> refused = store.add(request);
        if (refused.isPresent()) {
            return RequestView.refused(refused.get().status(), refused.get().explanation());
        }
        Preparation work = new Preparation(request, choice.scheme().get(), overwrite);
        if (files.size() <= INLINE_FILES) {
            work.run(storage);
        } else {
            background.execute(() -> {
                try (Storage own = access.open(owner)) {
                    work.run(own);
                } catch (java.io.IOException | RuntimeException e) {
                    LOG.warn("srm: preparing request {} of '{}' failed: {}", request.token, owner.principal(), e.toString());
                    work.failRemaining(e.toString());
                }
            });
        }
        RequestView view = request.view(store.now(), null);
        LOG.debug("srm: {} request {} of '{}': {} file(s) over {}, {}", kind, request.token, owner.principal(), files.size(),
                choice.scheme().get().scheme(), view.status());
        return view;
    }

    /** Checks each file of a request and hands it a TURL or a failure. */
    private final class Preparation {
        private final TransferRequest request;
        private final TurlScheme scheme;
        private final Overwrite overwrite;

        Preparation(TransferRequest request, TurlScheme scheme, Overwrite overwrite) {
            this.request = request;
            this.scheme = scheme;
            this.overwrite = overwrite;
        }

        void run(Storage storage) {
            for (FileRequest f : request.files()) {
                synchronized (request) {
                    if (f.status != TStatusCode.SRM_REQUEST_QUEUED || request.ending() != TransferRequest.Ending.NONE) {
                        continue; // failed at once, or the request was aborted or expired meanwhile
                    }
                    f.status = TStatusCode.SRM_REQUEST_INPROGRESS;
                    prepareFile(storage, f);
                }
            }
            store.settle(request);
        }

        private void prepareFile(Storage storage, FileRequest f) {
            try {
                if (request.put()) {
                    if (!store.claimPutTarget(request.root, f.path, request.token)) {
                        throw new Failure(TStatusCode.SRM_FILE_BUSY, f.path + ": another put of this SURL is still open"
                                + " (srmPutDone or srmAbortRequest it first)");
                    }
                    endings.stopWatching(request.root, f.path);
                    try {
                        f.baseline = SurlChecks.writable(storage, f.path, overwrite, serverOverwrite);
                    } catch (Failure e) {
                        store.releasePutTarget(request.root, f.path, request.token);
                        throw e;
                    }
                    f.status = TStatusCode.SRM_SPACE_AVAILABLE;
                } else {
                    FileEntry entry = SurlChecks.readable(storage, f.path);
                    f.size = entry.size();
                    f.status = TStatusCode.SRM_FILE_PINNED;
                }
                f.turl = planner.turl(scheme, f.path);
                f.explanation = "";
            } catch (Failure e) {
                f.fail(e.status, e.getMessage());
            }
        }

        void failRemaining(String why) {
            synchronized (request) {
                for (FileRequest f : request.files()) {
                    if (f.pending()) {
                        f.fail(TStatusCode.SRM_FAILURE, "the server could not prepare this file: " + why);
                    }
                }
            }
            store.settle(request);
        }
    }
}
