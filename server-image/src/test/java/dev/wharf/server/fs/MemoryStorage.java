package dev.wharf.server.fs;

import dev.wharf.server.acl.Operation;
import dev.wharf.server.auth.Identity;
import dev.wharf.server.fs.StorageException.Reason;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link Storage} held in memory, for command tests: no disk, no jail, every operation allowed
 * except changes in a read-only session. Paths are jail paths, as the commands give them.
 */
public final class MemoryStorage implements Storage {

    private static final class Node {
        final boolean directory;
        byte[] data;
        int mode;
        Instant modified = Instant.parse("2026-01-02T03:04:05Z");

        Node(boolean directory, byte[] data, int mode) {
            this.directory = directory;
            this.data = data;
            this.mode = mode;
        }
    }

    private final Map<String, Node> nodes = new TreeMap<>();
    private final Identity identity;
    private final boolean readOnly;

    public MemoryStorage(Identity identity, boolean readOnly) {
        this.identity = identity;
        this.readOnly = readOnly;
        nodes.put("/", new Node(true, null, 0755));
    }

    /** Test setup: a file with this content (parents must exist). */
    public synchronized MemoryStorage file(String path, String content) {
        nodes.put(path, new Node(false, content.getBytes(StandardCharsets.UTF_8), 0644));
        return this;
    }

    public synchronized MemoryStorage directory(String path) {
        nodes.put(path, new Node(true, null, 0755));
        return this;
    }

    /** The content of a file, or null when there is none. */
    public synchronized String content(String path) {
        Node n = nodes.get(path);
        return n == null || n.directory ? null : new String(n.data, StandardCharsets.UTF_8);
    }

    public synchronized boolean exists(String path) {
        return nodes.containsKey(path);
    }

    @Override public Identity identity() {
        return identity;
    }

    @Override public boolean readOnly() {
        return readOnly;
    }

    @Override public boolean allowed(Operation op, String path) {
        return !(readOnly && op.required().includes(dev.wharf.config.AccessLevel.WRITE));
    }

    @Override public synchronized FileEntry stat(String path) throws StorageException {
        Node n = node(path);
        return new FileEntry(VirtualPaths.name(path), n.directory ? FileEntry.Type.DIRECTORY : FileEntry.Type.FILE,
                n.directory ? 4096 : n.data.length, n.modified, n.mode, 1, identity.principal(), "wharf", 0, 0,
                path.hashCode() & 0xffffffL);
    }

    @Override public FileEntry statForRead(String path) throws StorageException {
        return stat(path);
    }

    @Override public FileEntry lstat(String path) throws StorageException {
        return stat(path);
    }

    @Override public FileEntry statForListing(String path) throws StorageException {
        return stat(path);
    }

    @Override public FileEntry enter(String path) throws StorageException {
        FileEntry e = stat(path);
        if (!e.isDirectory()) {
            throw new StorageException(Reason.NOT_DIRECTORY, path + ": not a directory");
        }
        return e;
    }

    @Override public synchronized List<FileEntry> list(String dir) throws StorageException {
        enter(dir);
        List<FileEntry> entries = new ArrayList<>();
        for (String path : nodes.keySet()) {
            if (!path.equals("/") && VirtualPaths.parent(path).equals(dir)) {
                entries.add(stat(path));
            }
        }
        return entries;
    }

    @Override public synchronized FileChannel openRead(String path) throws StorageException {
        Node n = node(path);
        if (n.directory) {
            throw new StorageException(Reason.IS_DIRECTORY, path + ": is a directory");
        }
        return new MemoryFileChannel(n.data);
    }

    @Override public synchronized Upload openUpload(String path, UploadMode mode, long offset) throws StorageException {
        changing(path);
        parent(path);
        Node existing = nodes.get(path);
        if (existing != null && existing.directory) {
            throw new StorageException(Reason.IS_DIRECTORY, path + ": is a directory");
        }
        byte[] old = existing == null ? new byte[0] : existing.data;
        MemoryFileChannel channel = new MemoryFileChannel(mode == UploadMode.REPLACE ? new byte[0] : old);
        long start = mode == UploadMode.APPEND ? old.length : mode == UploadMode.RESUME ? offset : 0;
        return new MemoryUpload(path, mode, start, existing != null, channel);
    }

    @Override public synchronized String uniqueName(String dir, String base) throws StorageException {
        for (int i = 0; i < 1000; i++) {
            String candidate = VirtualPaths.child(dir, i == 0 ? base : base + "." + i);
            if (!nodes.containsKey(candidate)) {
                return candidate;
            }
        }
        throw new StorageException(Reason.EXISTS, "no unique name left for " + base);
    }

    @Override public synchronized void makeDirectory(String path) throws StorageException {
        changing(path);
        parent(path);
        if (nodes.containsKey(path)) {
            throw new StorageException(Reason.EXISTS, path + ": already exists");
        }
        directory(path);
    }

    @Override public synchronized void removeDirectory(String path) throws StorageException {
        changing(path);
        if (!node(path).directory) {
            throw new StorageException(Reason.NOT_DIRECTORY, path + ": not a directory");
        }
        if (!list(path).isEmpty()) {
            throw new StorageException(Reason.NOT_EMPTY, path + ": directory not empty");
        }
        nodes.remove(path);
    }

    @Override public synchronized void delete(String path) throws StorageException {
        changing(path);
        if (node(path).directory) {
            throw new StorageException(Reason.IS_DIRECTORY, path + ": is a directory");
        }
        nodes.remove(path);
    }

    @Override public synchronized void rename(String from, String to) throws StorageException {
        changing(from);
        node(from);
        parent(to);
        if (to.startsWith(from + "/")) {
            throw new StorageException(Reason.REFUSED, "cannot move a directory into itself");
        }
        Map<String, Node> moved = new TreeMap<>();
        nodes.entrySet().removeIf(e -> {
            boolean inside = e.getKey().equals(from) || e.getKey().startsWith(from + "/");
            if (inside) {
                moved.put(to + e.getKey().substring(from.length()), e.getValue());
            }
            return inside;
        });
        nodes.putAll(moved);
    }

    @Override public synchronized void setMode(String path, int mode) throws StorageException {
        changing(path);
        node(path).mode = mode;
    }

    @Override public void administerAcl(String dir) throws StorageException {
        changing(dir);
    }

    @Override public Path aclRoot() {
        throw new UnsupportedOperationException("an in-memory storage has no ACL files");
    }

    @Override public void close() {}

    private Node node(String path) throws StorageException {
        Node n = nodes.get(path);
        if (n == null) {
            throw new StorageException(Reason.NOT_FOUND, path + ": no such file or directory");
        }
        return n;
    }

    private void parent(String path) throws StorageException {
        if (!node(VirtualPaths.parent(path)).directory) {
            throw new StorageException(Reason.NOT_DIRECTORY, VirtualPaths.parent(path) + ": not a directory");
        }
    }

    private void changing(String path) throws StorageException {
        if (readOnly) {
            throw new StorageException(Reason.READ_ONLY, path + ": read-only session");
        }
    }

    private synchronized void committed(String path, byte[] content) {
        Node existing = nodes.get(path);
        nodes.put(path, new Node(false, content, existing == null ? 0644 : existing.mode));
    }

    /** Becomes visible at commit, as a jail upload does. */
    private final class MemoryUpload implements Upload {
        private final String path;
        private final UploadMode mode;
        private final long start;
        private final boolean existed;
        private final MemoryFileChannel channel;
        private boolean finished;

        MemoryUpload(String path, UploadMode mode, long start, boolean existed, MemoryFileChannel channel) {
            this.path = path;
            this.mode = mode;
            this.start = start;
            this.existed = existed;
            this.channel = channel;
        }

        @Override public FileChannel channel() {
            return channel;
        }

        @Override public long start() {
            return start;
        }

        @Override public String path() {
            return path;
        }

        @Override public UploadMode mode() {
            return mode;
        }

        @Override public boolean replacesExisting() {
            return existed;
        }

        @Override public synchronized void commit(long bytesWritten) {
            if (finished) {
                throw new IllegalStateException("upload already finished");
            }
            finished = true;
            if (mode == UploadMode.RESUME) {
                channel.truncate(start + bytesWritten);
            }
            committed(path, channel.content());
        }

        @Override public synchronized void abort() {
            finished = true;
        }
    }
}
