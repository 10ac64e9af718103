package dev.wharf.server.fs;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Host files no upload may land on until a time: an SRM put that was aborted or expired while an upload
 * through its TURL was still running (docs/srm.md, "Puts"). The upload's commit, whatever door runs it,
 * is refused and its temporary deleted, so an aborted put leaves nothing. Process-wide, like the files:
 * keyed by the real path of the target's directory plus its name, so every jail and door that writes
 * the file sees the fence.
 */
public final class UploadFence {

    private static final Map<Path, Instant> FENCED = new ConcurrentHashMap<>();

    private UploadFence() {}

    /** Refuses commits to {@code realTarget} for {@code lasting} from now. */
    public static void fence(Path realTarget, Duration lasting) {
        FENCED.put(realTarget, Instant.now().plus(lasting));
    }

    public static void lift(Path realTarget) {
        FENCED.remove(realTarget);
    }

    /** The key of a jail path: the real path of its directory (links resolved) and its name. */
    public static Path realTarget(Path jailRoot, String path) throws IOException {
        String relative = VirtualPaths.parent(path).substring(1);
        Path dir = relative.isEmpty() ? jailRoot : jailRoot.resolve(relative);
        return dir.toRealPath().resolve(VirtualPaths.name(path));
    }

    /** Whether a commit of {@code name} in the directory {@code directory} must be refused now. */
    static boolean refuses(Descriptor directory, String name) {
        if (FENCED.isEmpty()) {
            return false;
        }
        Instant now = Instant.now();
        FENCED.values().removeIf(until -> !now.isBefore(until));
        try {
            return FENCED.containsKey(directory.path().toRealPath().resolve(name));
        } catch (IOException e) {
            return false;
        }
    }

    static int size() {
        return FENCED.size();
    }
}
