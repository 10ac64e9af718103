package dev.wharf.server.fs;

import java.nio.file.Path;

/**
 * One open descriptor the jail resolved beneath its root. {@link #path()} names it through
 * {@code /proc/self/fd}, so the JDK's file calls act on this very object (the kernel already
 * resolved that magic link), and {@link #child} names an entry of this directory without any
 * lookup of the directory itself by name.
 */
final class Descriptor implements AutoCloseable {

    private final int fd;
    private boolean closed;

    Descriptor(int fd) {
        this.fd = fd;
    }

    int fd() {
        return fd;
    }

    Path path() {
        return Path.of("/proc/self/fd/" + fd);
    }

    Path child(String name) {
        return path().resolve(name);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            FsCalls.close(fd);
        }
    }
}
