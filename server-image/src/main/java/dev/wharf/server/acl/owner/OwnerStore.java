package dev.wharf.server.acl.owner;

import dev.wharf.server.auth.Identity;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who created each file and directory: the creating session's principal, kept in the extended
 * attribute {@code user.wharf.owner} (UTF-8), or, where the file system refuses user xattrs (or for
 * symlinks, which cannot carry them), in the directory's {@code .wharf-owners} sidecar (see
 * {@link OwnerSidecar}; hidden by {@code AclFiles.isProtected}). Doors call {@link #recordCreated}
 * after STOR/MKD create a name, {@link #moved}/{@link #removed} after RNTO/DELE/RMD, and read
 * owners with {@link #owner} or, for a whole listing, {@link #forListing}.
 *
 * <p>Paths are host paths inside the jail. Ownership is informational (listings); it never grants
 * access by itself.
 */
public final class OwnerStore {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerStore.class);

    /** Name of the xattr without the {@code user.} namespace that Java adds. */
    static final String ATTRIBUTE = "wharf.owner";

    public enum Mode {
        /** xattr where the file system takes it, the sidecar elsewhere. */
        AUTO,
        /** the sidecar only (file systems whose xattrs are not wanted, tests). */
        SIDECAR
    }

    private final Mode mode;
    private final OwnerSidecar sidecar = OwnerSidecar.INSTANCE;
    private volatile boolean warnedFallback;

    public OwnerStore(Mode mode) {
        this.mode = mode;
    }

    /** The xattr-first store of policies that configure none. */
    public static final OwnerStore DEFAULT = new OwnerStore(Mode.AUTO);

    /** Records {@code who} as the creator of {@code path} (which must exist). */
    public void recordCreated(Path path, Identity who) throws IOException {
        if (mode == Mode.AUTO && !Files.isSymbolicLink(path)) {
            try {
                xattrs(path).write(ATTRIBUTE, StandardCharsets.UTF_8.encode(who.principal()));
                return;
            } catch (NoSuchFileException e) {
                throw e;
            } catch (FileSystemException | UnsupportedOperationException e) {
                warnFallback(path, e);
            }
        }
        sidecar.update(path.getParent(), path.getFileName().toString(), who.principal());
    }

    /** The principal that created {@code path}, if recorded. */
    public Optional<String> owner(Path path) {
        Optional<String> fromXattr = readXattr(path);
        if (fromXattr.isPresent()) {
            return fromXattr;
        }
        try {
            return Optional.ofNullable(sidecar.read(path.getParent()).get(path.getFileName().toString()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Owner lookups for the entries of one directory: reads the sidecar once, not once per entry. */
    public Listing forListing(Path directory) {
        Map<String, String> fromSidecar;
        try {
            fromSidecar = sidecar.read(directory);
        } catch (IOException e) {
            fromSidecar = Map.of();
        }
        return new Listing(directory, fromSidecar);
    }

    /** Owners of one directory's entries. */
    public final class Listing {
        private final Path directory;
        private final Map<String, String> sidecarOwners;

        private Listing(Path directory, Map<String, String> sidecarOwners) {
            this.directory = directory;
            this.sidecarOwners = sidecarOwners;
        }

        public Optional<String> owner(String name) {
            Optional<String> fromXattr = readXattr(directory.resolve(name));
            return fromXattr.isPresent() ? fromXattr : Optional.ofNullable(sidecarOwners.get(name));
        }
    }

    /** Keeps the owner with a renamed entry (xattrs move with the inode; the sidecar needs updating). */
    public void moved(Path from, Path to) throws IOException {
        String owner = sidecar.read(from.getParent()).get(from.getFileName().toString());
        if (owner != null) {
            sidecar.update(from.getParent(), from.getFileName().toString(), null);
            sidecar.update(to.getParent(), to.getFileName().toString(), owner);
        }
    }

    /** Forgets a deleted entry's sidecar line. */
    public void removed(Path path) throws IOException {
        sidecar.update(path.getParent(), path.getFileName().toString(), null);
    }

    private Optional<String> readXattr(Path path) {
        if (mode != Mode.AUTO) {
            return Optional.empty();
        }
        try {
            UserDefinedFileAttributeView view = xattrs(path);
            if (!view.list().contains(ATTRIBUTE)) {
                return Optional.empty();
            }
            ByteBuffer buffer = ByteBuffer.allocate(view.size(ATTRIBUTE));
            view.read(ATTRIBUTE, buffer);
            buffer.flip();
            return Optional.of(StandardCharsets.UTF_8.decode(buffer).toString());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    private static UserDefinedFileAttributeView xattrs(Path path) {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(path, UserDefinedFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            throw new UnsupportedOperationException("no user-defined attributes on " + path.getFileSystem());
        }
        return view;
    }

    private void warnFallback(Path path, Exception e) {
        if (!warnedFallback) {
            warnedFallback = true;
            LOG.warn("cannot store the owner of {} as xattr user.{} ({}); using {} sidecar files where xattrs fail",
                    path, ATTRIBUTE, e.getMessage(), dev.wharf.server.acl.AclFiles.OWNER_SIDECAR);
        }
    }
}
