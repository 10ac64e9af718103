package dev.wharf.server.dcap;

import dev.wharf.server.fs.FileEntry;
import dev.wharf.server.fs.Storage;
import dev.wharf.server.fs.StorageException;
import java.util.Map;

/**
 * The requests that only touch the name space: stat, lstat, unlink, rmdir, mkdir, chmod, rename,
 * chown (refused), check and stage (answered from the disk: every file is "cached"). Each returns
 * the reply line. Runs off the event loop. Dispatched through {@link #TABLE}.
 */
final class NamespaceRequests {

    /** One request on {@code path}, the request's first argument; returns the reply line. */
    @FunctionalInterface
    interface Request {
        String execute(Storage storage, DcapRequest r, String path) throws DcapProtocolException, StorageException;
    }

    /** Verb → request: the dCap counterpart of FtpCommands. */
    static final Map<String, Request> TABLE = Map.of(
            "stat", (storage, r, path) -> DcapReplies.stat(r, storage.stat(path)),
            "lstat", (storage, r, path) -> DcapReplies.stat(r, storage.lstat(path)),
            "unlink", done(NamespaceRequests::unlink),
            "rmdir", done((storage, r, path) -> storage.removeDirectory(path)),
            "mkdir", done(NamespaceRequests::mkdir),
            "chmod", done((storage, r, path) -> storage.setMode(path, mode(r))),
            "rename", done((storage, r, path) -> storage.rename(path, DcapUrl.toPath(r.arg(1, "new name")))),
            "check", done((storage, r, path) -> storage.stat(path)),
            "stage", done((storage, r, path) -> storage.stat(path)),
            "chown", NamespaceRequests::chown);

    private NamespaceRequests() {}

    static boolean handles(String verb) {
        return TABLE.containsKey(verb);
    }

    static String execute(Storage storage, DcapRequest r) throws DcapProtocolException, StorageException {
        Request request = TABLE.get(r.verb());
        if (request == null) {
            throw new DcapProtocolException("unknown request " + r.verb());
        }
        return request.execute(storage, r, DcapUrl.toPath(r.arg(0, "path")));
    }

    /** A request whose only answer is {@code ok}. */
    @FunctionalInterface
    private interface Action {
        void run(Storage storage, DcapRequest r, String path) throws DcapProtocolException, StorageException;
    }

    private static Request done(Action action) {
        return (storage, r, path) -> {
            action.run(storage, r, path);
            return DcapReplies.ok(r);
        };
    }

    private static void unlink(Storage storage, DcapRequest r, String path) throws StorageException {
        FileEntry e = storage.lstat(path);
        if (e.isDirectory()) {
            throw new StorageException(StorageException.Reason.IS_DIRECTORY, path + ": is a directory");
        }
        storage.delete(path);
    }

    private static void mkdir(Storage storage, DcapRequest r, String path) throws DcapProtocolException, StorageException {
        storage.makeDirectory(path);
        if (r.hasOption("mode")) {
            storage.setMode(path, mode(r));
        }
    }

    private static String chown(Storage storage, DcapRequest r, String path) throws DcapProtocolException, StorageException {
        owner(r);
        storage.lstat(path);
        // Only root may change an owner (POSIX, and dCache's permission handler); no dCap principal is
        // root, files on disk belong to the server's account, and the owners Wharf records are
        // principal names, not the numeric uid:gid libdcap sends.
        return DcapReplies.failed(r, DcapFailure.denied(path + ": chown is not permitted: files belong to the server"));
    }

    /** {@code -owner=<uid>[:<gid>]} of chown, checked so that a malformed line is a protocol error. */
    static void owner(DcapRequest r) throws DcapProtocolException {
        String text = r.option("owner").orElseThrow(() -> new DcapProtocolException("chown: missing -owner"));
        // libdcap prints uid and gid with %d: -1 ("leave as is") is a valid value
        if (!text.matches("-?\\d{1,10}(:-?\\d{1,10})?")) {
            throw new DcapProtocolException("chown: bad -owner " + (text.length() > 40 ? text.substring(0, 40) : text));
        }
    }

    /** {@code -mode=} of mkdir and chmod is decimal (libdcap prints it with %d). */
    static int mode(DcapRequest r) throws DcapProtocolException {
        String text = r.option("mode").orElseThrow(() -> new DcapProtocolException(r.verb() + ": missing -mode"));
        long mode = text.startsWith("0") && text.length() > 1 ? octal(text) : DcapLineParser.number(text, "mode");
        if (mode > 07777) {
            throw new DcapProtocolException("bad mode " + text);
        }
        return (int) mode & 0777;
    }

    private static long octal(String text) throws DcapProtocolException {
        try {
            return Long.parseLong(text, 8);
        } catch (NumberFormatException e) {
            throw new DcapProtocolException("bad mode " + text);
        }
    }
}
