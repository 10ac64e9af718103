package dev.wharf.server.srm.transfer;

import dev.wharf.server.auth.Identity;
import dev.wharf.server.srm.v22.TStatusCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One srmPrepareToGet or srmPrepareToPut request in the store: its token, owner, lifetime and files.
 * Every change happens under the request's own lock (its methods are synchronized), so a status call,
 * a background preparation and the expiry sweep see each file in one state.
 */
final class TransferRequest {

    enum Kind { GET, PUT }

    /** How the request ended early, if it did. */
    enum Ending { NONE, ABORTED, TIMED_OUT }

    final String token;
    final Kind kind;
    final Identity owner;
    /** The host directory the owner's session is jailed in: with a path, names one file on the server. */
    final String root;
    final Instant expires;
    private final List<FileRequest> files;
    private Ending ending = Ending.NONE;

    TransferRequest(String token, Kind kind, Identity owner, String root, Instant expires, List<FileRequest> files) {
        this.token = token;
        this.kind = kind;
        this.owner = owner;
        this.root = root;
        this.expires = expires;
        this.files = List.copyOf(files);
    }

    boolean put() {
        return kind == Kind.PUT;
    }

    List<FileRequest> files() {
        return files;
    }

    /** The files named by {@code surls}, or all when null or empty; unknown SURLs are returned as null entries. */
    List<FileRequest> select(List<String> surls) {
        if (surls == null || surls.isEmpty()) {
            return files;
        }
        List<FileRequest> chosen = new ArrayList<>();
        for (String s : surls) {
            chosen.add(files.stream().filter(f -> f.surl.equals(s)).findFirst().orElse(null));
        }
        return chosen;
    }

    synchronized boolean finished() {
        return files.stream().noneMatch(FileRequest::open);
    }

    synchronized Ending ending() {
        return ending;
    }

    synchronized void end(Ending how) {
        if (ending == Ending.NONE) {
            ending = how;
        }
    }

    /** The request's status from its files' (GFD.129 section 5: queued, in progress, success, partial, failure). */
    synchronized TStatusCode status() {
        if (ending == Ending.ABORTED) {
            return TStatusCode.SRM_ABORTED;
        }
        if (ending == Ending.TIMED_OUT) {
            return TStatusCode.SRM_REQUEST_TIMED_OUT;
        }
        if (files.stream().anyMatch(f -> f.pending())) {
            return files.stream().allMatch(f -> f.status == TStatusCode.SRM_REQUEST_QUEUED)
                    ? TStatusCode.SRM_REQUEST_QUEUED : TStatusCode.SRM_REQUEST_INPROGRESS;
        }
        long good = files.stream().filter(f -> f.good()).count();
        if (good == files.size()) {
            return TStatusCode.SRM_SUCCESS;
        }
        if (good > 0) {
            return TStatusCode.SRM_PARTIAL_SUCCESS;
        }
        // Every file failed: one reason shared by all is the request's (gfal2 maps the request's code to
        // its errno, so a single-file put onto an existing name reads "File exists", not "failure").
        Set<TStatusCode> codes = new java.util.HashSet<>();
        files.forEach(f -> codes.add(f.status));
        return codes.size() == 1 ? codes.iterator().next() : TStatusCode.SRM_FAILURE;
    }

    synchronized RequestView view(Instant now, List<String> surls) {
        long remaining = Math.max(0, Duration.between(now, expires).toSeconds());
        List<FileView> views = new ArrayList<>();
        List<FileRequest> chosen = select(surls);
        for (int i = 0; i < chosen.size(); i++) {
            FileRequest f = chosen.get(i);
            if (f == null) {
                views.add(new FileView(surls.get(i), TStatusCode.SRM_INVALID_PATH, "not a SURL of request " + token, null, -1, 0));
            } else {
                views.add(new FileView(f.surl, f.status, f.explanation, f.ready() ? f.turl : null, f.size,
                        f.open() ? remaining : 0));
            }
        }
        TStatusCode status = status();
        String explanation = switch (status) {
            case SRM_ABORTED -> "the request was aborted";
            case SRM_REQUEST_TIMED_OUT -> "the request's lifetime ended";
            case SRM_PARTIAL_SUCCESS -> "some files failed";
            default -> views.size() == 1 ? views.get(0).explanation() : "";
        };
        return new RequestView(token, status, explanation, remaining, views);
    }
}
