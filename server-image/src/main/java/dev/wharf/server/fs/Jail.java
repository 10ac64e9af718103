package dev.wharf.server.fs;

import com.sun.jna.LastErrorException;
import dev.wharf.server.fs.StorageException.Reason;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A directory tree seen as "/" by one session. Every method takes a jail-relative absolute path
 * (normalise client input with {@link VirtualPaths#resolve}). The kernel keeps every path beneath the
 * root ({@link JailResolver}: {@code openat2} with {@code RESOLVE_BENEATH}): an object is opened as a
 * descriptor relative to the root's descriptor, and every change is made relative to the descriptor
 * of the directory holding it, so a local user swapping a directory for a symlink while a command
 * runs cannot move it out of the jail. Symlinks are followed while they stay beneath the root
 * (relative ones only; absolute ones never), for new files too. Hidden names are refused everywhere,
 * also when a link leads to one. The final component of delete, rename, RMD and MKD is never followed.
 *
 * <p>Access control is not done here: {@link GuardedStorage} asks the AccessPolicy first.
 */
public final class Jail implements AutoCloseable {

    private final Path root;
    private final RootDescriptor rootFd;
    private final JailResolver resolver;
    private final FileChannelOpener opener;

    public Jail(Path root) throws IOException {
        this(root, JailResolver.selected(), FileChannelOpener.DEFAULT);
    }

    public Jail(Path root, FileChannelOpener opener) throws IOException {
        this(root, JailResolver.selected(), opener);
    }

    public Jail(Path root, JailResolver resolver, FileChannelOpener opener) throws IOException {
        this.root = root.toRealPath();
        if (!Files.isDirectory(this.root)) {
            throw new IOException(root + " is not a directory");
        }
        int fd;
        try {
            fd = FsCalls.openat(-100 /* AT_FDCWD */, this.root.toString(),
                    FsCalls.O_PATH | FsCalls.O_DIRECTORY | FsCalls.O_CLOEXEC);
        } catch (LastErrorException e) {
            throw new IOException(root + ": cannot open the storage root (errno " + e.getErrorCode() + ")");
        }
        this.rootFd = new RootDescriptor(this, fd);
        this.resolver = resolver;
        this.opener = opener;
    }

    /** The real directory this jail maps to "/" (for the ACL files; never to open client paths by name). */
    public Path root() {
        return root;
    }

    /** Closes the root descriptor once the operations in flight are done. */
    @Override
    public void close() {
        rootFd.close();
    }

    public FileEntry stat(String path) throws StorageException {
        try (Descriptor d = resolve(path, false)) {
            return FileEntries.read(d.path(), VirtualPaths.name(path), path);
        }
    }

    /** Stats without following a final symlink (for listings). */
    public FileEntry lstat(String path) throws StorageException {
        if (path.equals("/")) {
            return stat(path);
        }
        return atEntry(path, entry -> FileEntries.readNoFollow(entry, VirtualPaths.name(path), path));
    }

    public boolean exists(String path) throws StorageException {
        try {
            lstat(path);
            return true;
        } catch (StorageException e) {
            if (e.reason() == Reason.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    /** The visible entries of a directory, unsorted. */
    public List<FileEntry> list(String dir) throws StorageException {
        return list(dir, directory -> UnaryOperator.identity());
    }

    /**
     * The visible entries of a directory, each passed through what {@code decorate} makes of the
     * directory (a path through its descriptor, valid during the call; listings add recorded owners).
     */
    public List<FileEntry> list(String dir, Function<Path, UnaryOperator<FileEntry>> decorate) throws StorageException {
        try (Descriptor d = resolve(dir, true)) {
            UnaryOperator<FileEntry> decorator = decorate.apply(d.path());
            List<FileEntry> entries = new ArrayList<>();
            for (String name : names(d, dir)) {
                if (HiddenNames.isHidden(name)) {
                    continue;
                }
                try {
                    entries.add(decorator.apply(FileEntries.readNoFollow(d.child(name), name, VirtualPaths.child(dir, name))));
                } catch (StorageException e) {
                    if (e.reason() != Reason.NOT_FOUND) { // vanished between readdir and stat: skip
                        throw e;
                    }
                }
            }
            return entries;
        }
    }

    public void makeDirectory(String path) throws StorageException {
        if (path.equals("/")) {
            throw new StorageException(Reason.EXISTS, "/: already exists");
        }
        atEntry(path, entry -> Files.createDirectory(entry));
    }

    public void removeDirectory(String path) throws StorageException {
        if (path.equals("/")) {
            throw new StorageException(Reason.REFUSED, "/: the root cannot be removed");
        }
        try (Descriptor parent = parentOf(path)) {
            String name = VirtualPaths.name(path);
            BasicFileAttributes a = attributes(parent.child(name), path);
            if (a == null || !a.isDirectory()) {
                throw new StorageException(a == null ? Reason.NOT_FOUND : Reason.NOT_DIRECTORY, path + ": not a directory");
            }
            try (Descriptor dir = new Descriptor(FsCalls.openat(parent.fd(), name,
                    FsCalls.O_PATH | FsCalls.O_DIRECTORY | FsCalls.O_NOFOLLOW | FsCalls.O_CLOEXEC))) {
                // A directory holding only hidden files (its ACL) looks empty to the client: remove them too.
                List<String> hidden = new ArrayList<>();
                for (String child : names(dir, path)) {
                    if (!HiddenNames.isHidden(child) || Files.isDirectory(dir.child(child), LinkOption.NOFOLLOW_LINKS)) {
                        throw new StorageException(Reason.NOT_EMPTY, path + ": directory not empty");
                    }
                    hidden.add(child);
                }
                for (String h : hidden) {
                    Files.deleteIfExists(dir.child(h));
                }
            }
            Files.delete(parent.child(name));
        } catch (LastErrorException e) {
            throw Errno.failure(e, path);
        } catch (IOException e) {
            throw StorageException.from(e, path);
        }
    }

    public void delete(String path) throws StorageException {
        atEntry(path, entry -> {
            if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                throw new StorageException(Reason.IS_DIRECTORY, path + ": is a directory");
            }
            Files.delete(entry);
            return null;
        });
    }

    public void rename(String from, String to) throws StorageException {
        rename(from, to, true);
    }

    /** Renames within the jail; with {@code replace} false an existing target is refused atomically. */
    public void rename(String from, String to, boolean replace) throws StorageException {
        if (to.startsWith(from + "/") || from.equals("/") || to.equals("/")) {
            throw new StorageException(Reason.REFUSED, "cannot move a directory into itself");
        }
        try (Descriptor source = parentOf(from); Descriptor target = parentOf(to)) {
            if (attributes(source.child(VirtualPaths.name(from)), from) == null) {
                throw new StorageException(Reason.NOT_FOUND, from + ": no such file or directory");
            }
            Renames.rename(source, VirtualPaths.name(from), target, VirtualPaths.name(to), replace, to);
        }
    }

    public void setMode(String path, int mode) throws StorageException {
        try (Descriptor d = resolve(path, false)) {
            Files.setPosixFilePermissions(d.path(), Modes.toPermissions(mode));
        } catch (IOException e) {
            throw StorageException.from(e, path);
        }
    }

    /** A channel for reading a regular file; the caller closes it (a FileRegion does at refcount 0). */
    public FileChannel openRead(String path) throws StorageException {
        try (Descriptor d = resolve(path, false)) {
            BasicFileAttributes a = Files.readAttributes(d.path(), BasicFileAttributes.class);
            if (a.isDirectory()) {
                throw new StorageException(Reason.IS_DIRECTORY, path + ": is a directory");
            }
            if (!a.isRegularFile()) { // a FIFO would block the thread forever
                throw new StorageException(Reason.REFUSED, path + ": not a regular file");
            }
            return FileChannel.open(d.path(), StandardOpenOption.READ);
        } catch (IOException e) {
            throw StorageException.from(e, path);
        }
    }

    /**
     * Starts an upload. REPLACE writes to a hidden temporary created ({@code O_CREAT|O_EXCL}) beside
     * the target, in the same directory descriptor the commit renames in; APPEND/RESUME write in place
     * ({@code O_NOFOLLOW}). A target that is a symlink is followed while it stays beneath the root.
     * With {@code overwrite} false an existing target is refused ({@link Reason#EXISTS}).
     */
    public FileUpload openUpload(String path, UploadMode mode, long offset, boolean overwrite) throws StorageException {
        return Uploads.open(this, path, mode, offset, overwrite, opener, 0);
    }

    /** A name in {@code dir} that does not exist yet, built from {@code base}. */
    public String uniqueName(String dir, String base) throws StorageException {
        for (int i = 0; i < 1000; i++) {
            String candidate = VirtualPaths.child(dir, i == 0 ? base : base + "." + i);
            if (!exists(candidate)) {
                return candidate;
            }
        }
        throw new StorageException(Reason.EXISTS, "no unique name left for " + base);
    }

    @FunctionalInterface
    public interface EntryAction<T> {
        T apply(Path entry) throws IOException;
    }

    /**
     * Runs {@code action} on {@code path}'s entry named through its directory's descriptor (the final
     * component not followed), so ownership records and changes land where the jail resolved.
     */
    public <T> T atEntry(String path, EntryAction<T> action) throws StorageException {
        if (path.equals("/")) {
            try (Descriptor d = resolve("/", true)) {
                return action.apply(d.path());
            } catch (IOException e) {
                throw StorageException.from(e, path);
            }
        }
        try (Descriptor parent = parentOf(path)) {
            return action.apply(parent.child(VirtualPaths.name(path)));
        } catch (LastErrorException e) {
            throw Errno.failure(e, path);
        } catch (IOException e) {
            throw StorageException.from(e, path);
        }
    }

    /** The directory holding {@code path}, resolved beneath the root. */
    Descriptor parentOf(String path) throws StorageException {
        check(path);
        return resolve(VirtualPaths.parent(path), true);
    }

    /** {@code path} with every symlink followed beneath the root; refused when it leads out. */
    Descriptor resolve(String path, boolean directory) throws StorageException {
        check(path);
        int fd = rootFd.acquire();
        try {
            Descriptor d = new Descriptor(resolver.open(fd, path.substring(1), directory));
            try {
                ReservedTargets.check(d, fd, path);
                return d;
            } catch (StorageException e) {
                d.close();
                throw e;
            }
        } catch (LastErrorException e) {
            throw Errno.failure(e, path);
        } finally {
            rootFd.release();
        }
    }

    /** Where {@code path} really leads, as a jail path (for uploads through a symlink). */
    String realPath(String path) throws StorageException {
        try (Descriptor d = resolve(path, false)) {
            int fd = rootFd.acquire();
            try {
                return ReservedTargets.virtual(d, fd, path);
            } finally {
                rootFd.release();
            }
        }
    }

    /** Attributes without following, or null when there is no such entry. */
    static BasicFileAttributes attributes(Path entry, String path) throws StorageException {
        try {
            return Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw StorageException.from(e, path);
        }
    }

    private static List<String> names(Descriptor dir, String path) throws StorageException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir.path())) {
            for (Path child : stream) {
                names.add(child.getFileName().toString());
            }
        } catch (IOException e) {
            throw StorageException.from(e, path);
        }
        return names;
    }

    private static void check(String path) throws StorageException {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("not a normalised jail path: " + path);
        }
        for (String part : path.split("/")) {
            if (HiddenNames.isHidden(part)) {
                throw Errno.refused(path, "a reserved name");
            }
        }
    }
}
