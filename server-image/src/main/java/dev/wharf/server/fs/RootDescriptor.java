package dev.wharf.server.fs;

import dev.wharf.server.fs.StorageException.Reason;
import java.lang.ref.Cleaner;

/**
 * The jail root's directory descriptor, opened once when the session logs in so a root renamed or
 * replaced later by its parent's owner does not move the session. Closing waits for the operations
 * in flight: a descriptor number closed under a running {@code openat2} could be reused by an
 * unrelated open. A cleaner closes it if the session never does.
 */
final class RootDescriptor implements AutoCloseable {

    private static final Cleaner CLEANER = Cleaner.create();

    private final State state;
    private final Cleaner.Cleanable cleanable;

    RootDescriptor(Object owner, int fd) {
        this.state = new State(fd);
        this.cleanable = CLEANER.register(owner, state::close);
    }

    /** The descriptor, held until {@link #release}. */
    int acquire() throws StorageException {
        return state.acquire();
    }

    void release() {
        state.release();
    }

    @Override
    public void close() {
        cleanable.clean();
    }

    /** Kept apart from the owner so the cleaner does not keep it reachable. */
    private static final class State {
        private final int fd;
        private int users;
        private boolean closing;
        private boolean closed;

        State(int fd) {
            this.fd = fd;
        }

        synchronized int acquire() throws StorageException {
            if (closing) {
                throw new StorageException(Reason.IO, "the session's storage is closed");
            }
            users++;
            return fd;
        }

        synchronized void release() {
            users--;
            closeIfIdle();
        }

        synchronized void close() {
            closing = true;
            closeIfIdle();
        }

        private void closeIfIdle() {
            if (closing && users == 0 && !closed) {
                closed = true;
                FsCalls.close(fd);
            }
        }
    }
}
