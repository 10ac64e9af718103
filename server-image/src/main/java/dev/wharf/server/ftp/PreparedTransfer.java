package dev.wharf.server.ftp;

import dev.wharf.server.data.StreamTransfer;
import dev.wharf.server.fs.Upload;
import dev.wharf.server.metrics.Direction;

/**
 * A transfer command that passed its checks: what to move and how to finish.
 *
 * @param path the jail path (for logs)
 * @param upload the upload to commit on success / abort on failure, null for downloads and listings
 * @param expectedBytes bytes a complete download sends (-1 unknown); shorter means aborted
 * @param completedText the text of the final 226 reply
 */
public record PreparedTransfer(String path, Direction direction, StreamTransfer transfer, Upload upload,
                               long expectedBytes, String completedText, boolean listing) {

    public static PreparedTransfer download(String path, StreamTransfer t, long expected) {
        return new PreparedTransfer(path, Direction.OUT, t, null, expected, "Transfer complete", false);
    }

    public static PreparedTransfer listing(String path, StreamTransfer t, String completedText) {
        return new PreparedTransfer(path, Direction.OUT, t, null, -1, completedText, true);
    }

    public static PreparedTransfer upload(String path, StreamTransfer t, Upload upload) {
        return new PreparedTransfer(path, Direction.IN, t, upload, -1, "Transfer complete", false);
    }

    /** Releases files when the transfer never starts. */
    public void discard() {
        transfer.discard();
        if (upload != null) {
            upload.abort();
        }
    }
}
