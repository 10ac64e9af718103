package dev.wharf.server.srm.transfer;

import dev.wharf.server.auth.Identity;
import dev.wharf.server.fs.FileEntry;
import dev.wharf.server.fs.Storage;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SURLs of aborted or expired puts, watched until the request's lifetime would have ended. A gsiftp
 * upload still running when its put is aborted writes to a temporary and renames it over the name only
 * when it completes, after the abort removed what was there: the sweep removes it then, so an aborted
 * put leaves nothing. A new put of the same SURL ends the watch (it owns the name now).
 */
final class AbortWatch {

    private static final Logger LOG = LoggerFactory.getLogger(AbortWatch.class);

    private record Watch(Identity owner, String root, String path, FileEntry baseline, Instant until) {}

    private final Map<String, Watch> watches = new ConcurrentHashMap<>();
    private final int bound;

    /** @param bound the most SURLs watched at once; past it the one that ends soonest is dropped */
    AbortWatch(int bound) {
        this.bound = bound;
    }

    void watch(Identity owner, String root, String path, FileEntry baseline, Instant until) {
        watches.put(root + "|" + path, new Watch(owner, root, path, baseline, until));
        while (watches.size() > bound) {
            watches.entrySet().stream().min(Comparator.comparing(e -> e.getValue().until()))
                    .ifPresent(e -> watches.remove(e.getKey()));
        }
    }

    /**
     * Ends a watch; waits for a removal of the same SURL in progress, so a new put that claims the SURL
     * (and only then hands out its TURL) can never have its own upload removed by an old watch.
     */
    synchronized void cancel(String root, String path) {
        watches.remove(root + "|" + path);
    }

    int size() {
        return watches.size();
    }

    /** Removes what arrived at a watched SURL since the last sweep; ends watches past their time. */
    void sweep(Instant now, StorageAccess access) {
        for (Map.Entry<String, Watch> e : watches.entrySet()) {
            Watch w = e.getValue();
            if (!now.isBefore(w.until())) {
                watches.remove(e.getKey(), w);
                continue;
            }
            synchronized (this) {
                if (watches.get(e.getKey()) != w) {
                    continue; // cancelled or replaced since the loop read it
                }
                try (Storage storage = access.open(w.owner())) {
                    FileEntry after = SurlChecks.removeWritten(storage, w.path(), w.baseline());
                    if (after != w.baseline()) {
                        watches.replace(e.getKey(), w, new Watch(w.owner(), w.root(), w.path(), after, w.until()));
                    }
                } catch (java.io.IOException ex) {
                    LOG.warn("srm: could not check aborted put {} of '{}': {}", w.path(), w.owner().principal(), ex.toString());
                }
            }
        }
    }
}
