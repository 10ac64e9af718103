package dev.wharf.server.dcap;

import dev.wharf.server.fs.Upload;
import dev.wharf.server.fs.UploadMode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An upload of a door with {@code dcap.discard-uploads} (a benchmark aid, docs/performance.md "Issue 17"):
 * the door does all its usual work, but its positional writes go to {@code /dev/null}, so the same
 * system calls are made without the copy into the page cache, and the real upload behind it is always
 * aborted, so no file and no temporary is left. Comparing dccp against such a door with dccp against a
 * normal one shows what the storage write costs, apart from dccp's own lock-step.
 */
final class DiscardedUpload implements Upload {

    private static final Path NULL_DEVICE = Path.of("/dev/null");

    private final Upload real;
    private final FileChannel sink;

    private DiscardedUpload(Upload real, FileChannel sink) {
        this.real = real;
        this.sink = sink;
    }

    /** Takes over {@code real}: it is aborted when this upload ends either way, or here if /dev/null fails. */
    static Upload around(Upload real) throws IOException {
        try {
            return new DiscardedUpload(real, FileChannel.open(NULL_DEVICE, StandardOpenOption.WRITE, StandardOpenOption.READ));
        } catch (IOException e) {
            real.abort();
            throw e;
        }
    }

    @Override
    public FileChannel channel() {
        return sink;
    }

    @Override
    public long start() {
        return real.start();
    }

    @Override
    public String path() {
        return real.path();
    }

    @Override
    public UploadMode mode() {
        return real.mode();
    }

    @Override
    public boolean replacesExisting() {
        return real.replacesExisting();
    }

    /** Reports success, as the normal door would, and leaves nothing behind. */
    @Override
    public void commit(long bytesWritten) {
        abort();
    }

    @Override
    public void abort() {
        try {
            sink.close();
        } catch (IOException e) {
            // /dev/null: nothing to lose
        } finally {
            real.abort();
        }
    }
}
