package dev.wharf.server.dcap;

import dev.wharf.server.fs.FileEntry;
import dev.wharf.server.fs.Storage;
import dev.wharf.server.fs.StorageException;

/**
 * The requests that only touch the name space: stat, lstat, unlink, rmdir, mkdir, chmod, rename,
 * chown (refused), check and stage (answered from the disk: every file is "cached"). Each returns
 * the reply line. Runs off the event loop.
 */
final class NamespaceRequests {

    private NamespaceRequests() {}

    static boolean handles(String verb) {
        return switch (verb) {
            case "stat", "lstat", "unlink", "rmdir", "mkdir", "chmod", "rename", "chown", "check", "stage" -> true;
            default -> false;
        };
    }

    static String execute(Storage storage, DcapRequest r) throws DcapProtocolException, StorageException {
        String path = DcapUrl.toPath(r.arg(0, "path"));
        switch (r.verb()) {
            case "stat" -> {
                return DcapReplies.stat(r, storage.stat(path));
            }
            case "lstat" -> {
                return DcapReplies.stat(r, storage.lstat(path));
            }
            case "unlink" -> {
                FileEntry e = storage.lstat(path);
                if (e.isDirectory()) {
                    throw new StorageException(StorageException.Reason.IS_DIRECTORY, path + ": is a directory");
                }
                storage.delete(path);
            }
            case "rmdir" -> storage.removeDirectory(path);
            case "mkdir" -> {
                storage.makeDirectory(path);
                if (r.hasOption("mode")) {
                    storage.setMode(path, mode(r));
                }
            }
            case "chmod" -> storage.setMode(path, mode(r));
            case "rename" -> storage.rename(path, DcapUrl.toPath(r.arg(1, "new name")));
            case "check", "stage" -> storage.stat(path);
            case "chown" -> {
                owner(r);
                storage.lstat(path);
                // Only root may change an owner (POSIX, and dCache's permission handler); no dCap
                // principal is root, files on disk belong to the server's account, and the owners
                // Wharf records are principal names, not the numeric uid:gid libdcap sends.
                return DcapReplies.failed(r, DcapFailure.denied(path + ": chown is not permitted: files belong to the server"));
            }
            default -> throw new DcapProtocolException("unknown request " + r.verb());
        }
        return DcapReplies.ok(r);
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
