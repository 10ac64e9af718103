package dev.wharf.server.fs;

import dev.wharf.server.fs.StorageException.Reason;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory tree seen as "/" by one session. Every method takes a jail-relative absolute path
 * (normalise client input with {@link VirtualPaths#resolve}) and checks, on the real file system,
 * that the object and the directory holding it stay under the root: a symlink that leads out is
 * refused, for new files too (the parent's real path is checked). Hidden names are refused everywhere.
 * The checks and the operation are not atomic against a local user swapping directories for
 * symlinks in between; the jail protects against clients, who cannot create symlinks.
 *
 * <p>Access control is not done here: {@link GuardedStorage} asks the AccessPolicy first.
 */
public final class Jail {

    private static final Logger LOG = LoggerFactory.getLogger(Jail.class);

    private final Path root;
    private final FileChannelOpener opener;

    public Jail(Path root) throws IOException {
        this(root, FileChannelOpener.DEFAULT);
    }

    public Jail(Path root, FileChannelOpener opener) throws IOException {
        this.root = root.toRealPath();
        if (!Files.isDirectory(this.root)) {
            throw new IOException(root + " is not a directory");
        }
        this.opener = opener;
    }

    /** The real directory this jail maps to "/". */
    public Path root() {
        return root;
    }

    public FileEntry stat(String path) throws StorageException {
        return FileEntries.read(follow(path), VirtualPaths.name(path), path);
    }

    /** Stats without following a final symlink (for listings). */
    public FileEntry lstat(String path) throws StorageException {
        return FileEntries.readNoFollow(locate(path), VirtualPaths.name(path), path);
    }

    public boolean exists(String path) throws StorageException {
        return Files.exists(locate(path), LinkOption.NOFOLLOW_LINKS);
    }

    /** The visible entries of a directory, unsorted. */
    public List<FileEntry> list(String dir) throws StorageException {
        Path real = follow(dir);
        if (!Files.isDirectory(real)) {
            throw new StorageException(Reason.NOT_DIRECTORY, dir + ": not a directory");
        }
        List<FileEntry> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(real)) {
            for (Path child : stream) {
                String name = child.getFileName().toString();
                if (HiddenNames.isHidden(name)) {
                    continue;
                }
                try {
                    entries.add(FileEntries.readNoFollow(child, name, VirtualPaths.child(dir, name)));
                } catch (StorageException e) {
                    if (e.reason() != Reason.NOT_FOUND) { // vanished between readdir and stat: skip
                        throw e;
                    }
                }
            }
        } catch (IOException e) {
            throw StorageException.from(e, dir);
        }
        return entries;
    }

    public void makeDirectory(String path) throws StorageException {
        Path real = locate(path);
        try {
            Files.createDirectory(real);
        } catch (IOException e) {
            throw StorageException.from(e, path);
        }
    }

    public void removeDirectory(String path) throws StorageException {
        Path real = locate(path);
        if (!Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new StorageException(Files.exists(real, LinkOption.NOFOLLOW_LINKS) ? Reason.NOT_DIRECTORY
                    : Reason.NOT_FOUND, path + ": not a directory");
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(real)) {
            // A directory holding only hidden files (its ACL) looks empty to the client: remove them too.
            List<Path> hidden = new ArrayList<>();
            for (Path child : stream) {
                if (!HiddenNames.isHidden(child.getFileName().toString()) || Files.isDirectory(child)) {
                    throw new StorageException(Reason.NOT_EMPTY, path + ": directory not empty");
                }
                hidden.add(child);
            }
            for (Path h : hidden) {
                Files.deleteIfExists(h);
            }
            Files.delete(real);
        } catch (IOException e) {
            throw StorageException.from(e, path);
        }
    }

    public void delete(String path) throws StorageException {
        Path real = locate(path);
        if (Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new StorageException(Reason.IS_DIRECTORY, path + ": is a directory");
        }
        try {
            Files.delete(real);
        } catch (IOException e) {
            throw StorageException.from(e, path);
        }
    }

    public void rename(String from, String to) throws StorageException {
        Path source = locate(from);
        Path target = locate(to);
        if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
            throw new StorageException(Reason.NOT_FOUND, from + ": no such file or directory");
        }
        if (to.startsWith(from + "/") || from.equals("/")) {
            throw new StorageException(Reason.REFUSED, "cannot move a directory into itself");
        }
        try {
            Files.move(source, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw StorageException.from(e, to);
        }
    }

    public void setMode(String path, int mode) throws StorageException {
        Path real = follow(path);
        try {
            Files.setPosixFilePermissions(real, toPermissions(mode));
        } catch (IOException e) {
            throw StorageException.from(e, path);
        }
    }

    /** A channel for reading a regular file; the caller closes it (a FileRegion does at refcount 0). */
    public FileChannel openRead(String path) throws StorageException {
        Path real = follow(path);
        if (Files.isDirectory(real)) {
            throw new StorageException(Reason.IS_DIRECTORY, path + ": is a directory");
        }
        try {
            return FileChannel.open(real, StandardOpenOption.READ);
        } catch (IOException e) {
            throw StorageException.from(e, path);
        }
    }

    /**
     * Starts an upload. REPLACE writes to a hidden temporary beside the target; APPEND/RESUME write
     * in place. With {@code overwrite} false an existing target is refused ({@link Reason#EXISTS}).
     */
    public Upload openUpload(String path, UploadMode mode, long offset, boolean overwrite) throws StorageException {
        Path target = locateForWrite(path);
        boolean exists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        if (exists && Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new StorageException(Reason.IS_DIRECTORY, path + ": is a directory");
        }
        if (exists && !overwrite) {
            throw new StorageException(Reason.EXISTS, path + ": already exists and overwriting is disabled");
        }
        try {
            if (mode == UploadMode.REPLACE) {
                Path temporary = target.resolveSibling(HiddenNames.UPLOAD_PREFIX
                        + Long.toHexString(ThreadLocalRandom.current().nextLong()));
                // READ too: dCap's read-write opens read back what they wrote before the commit
                FileChannel channel = opener.open(temporary,
                        EnumSet.of(StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW));
                return new Upload(path, target, temporary, channel, mode, 0, 0, overwrite);
            }
            FileChannel channel = opener.open(target, EnumSet.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE));
            long length = channel.size();
            long start = mode == UploadMode.APPEND ? length : offset;
            if (start > length) {
                channel.close();
                throw new StorageException(Reason.IO, path + ": restart offset " + offset + " is beyond the end (" + length + ")");
            }
            return new Upload(path, target, null, channel, mode, start, length, overwrite);
        } catch (IOException e) {
            throw StorageException.from(e, path);
        }
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

    /**
     * The real path of an entry, with the final component not followed (so delete/rename act on a
     * link itself), after checking that the containing directory's real path is inside the root.
     */
    Path locate(String path) throws StorageException {
        check(path);
        if (path.equals("/")) {
            return root;
        }
        Path parent = inside(root.resolve(VirtualPaths.parent(path).substring(1)), VirtualPaths.parent(path));
        return parent.resolve(VirtualPaths.name(path));
    }

    /** The real path with symlinks followed; refused when the target is outside the root. */
    Path follow(String path) throws StorageException {
        return inside(locate(path), path);
    }

    private Path locateForWrite(String path) throws StorageException {
        Path real = locate(path);
        if (Files.isSymbolicLink(real)) {
            return inside(real, path); // dangling or escaping links are refused here
        }
        return real;
    }

    private Path inside(Path candidate, String virtual) throws StorageException {
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (java.nio.file.NoSuchFileException e) {
            if (Files.isSymbolicLink(candidate)) {
                throw refused(virtual, "a symbolic link that leads nowhere or out of the root");
            }
            throw new StorageException(Reason.NOT_FOUND, virtual + ": no such file or directory");
        } catch (IOException e) {
            throw StorageException.from(e, virtual);
        }
        if (!real.startsWith(root)) {
            throw refused(virtual, "a symbolic link leading out of the root");
        }
        // The virtual path was checked for reserved names; a link can still lead to one (a host-made
        // link to .grid-acl would otherwise let RETR read the ACL), so check where it really leads.
        for (Path part : root.relativize(real)) {
            if (HiddenNames.isHidden(part.toString())) {
                throw refused(virtual, "a symbolic link to a reserved name");
            }
        }
        return real;
    }

    private static void check(String path) throws StorageException {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("not a normalised jail path: " + path);
        }
        for (String part : path.split("/")) {
            if (HiddenNames.isHidden(part)) {
                throw refused(path, "a reserved name");
            }
        }
    }

    private static StorageException refused(String path, String why) {
        LOG.warn("refused path {}: {}", path, why);
        return new StorageException(Reason.REFUSED, path + ": not allowed (" + why + ")");
    }

    private static Set<PosixFilePermission> toPermissions(int mode) {
        StringBuilder s = new StringBuilder();
        String letters = "rwxrwxrwx";
        for (int bit = 8; bit >= 0; bit--) {
            s.append((mode & (1 << bit)) != 0 ? letters.charAt(8 - bit) : '-');
        }
        return PosixFilePermissions.fromString(s.toString());
    }
}
