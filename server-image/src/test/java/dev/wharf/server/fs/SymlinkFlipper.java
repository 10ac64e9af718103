package dev.wharf.server.fs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The local user of issue 14: flips {@code dir} between the real directory and a symlink to
 * {@code outside}, each step one rename(2), on its own thread until closed. The real directory and
 * the link wait in {@code park} (outside the jail) while swapped out.
 */
public final class SymlinkFlipper implements AutoCloseable {

    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread thread;
    private volatile Throwable failure;

    public SymlinkFlipper(Path dir, Path outside, Path park) throws Exception {
        Path real = park.resolve("real");
        Path link = Files.createSymbolicLink(park.resolve("link"), outside);
        thread = new Thread(() -> {
            try {
                while (!stop.get()) {
                    Files.move(dir, real, StandardCopyOption.ATOMIC_MOVE);
                    Files.move(link, dir, StandardCopyOption.ATOMIC_MOVE);
                    Thread.onSpinWait();
                    Files.move(dir, link, StandardCopyOption.ATOMIC_MOVE);
                    Files.move(real, dir, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (Throwable e) {
                failure = e;
            }
        }, "symlink-flipper");
        thread.start();
    }

    /** Stops flipping (the directory is left real) and reports a failure of the flipper itself. */
    @Override
    public void close() throws Exception {
        stop.set(true);
        thread.join();
        if (failure != null) {
            throw new AssertionError("the flipper failed", failure);
        }
    }
}
