package dev.wharf.server.ftp;

import dev.wharf.server.fs.FileEntry;
import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * A plain file opened for a download from an offset, with its size read once: what RETR, ERET and
 * the MODE E downloads share. Every refusal closes the file it opened.
 *
 * @param channel the open file (the transfer closes it)
 * @param size its size when it was opened
 */
public record DownloadFile(FileChannel channel, long size) {

    /**
     * 550 when {@code path} is not a plain file (or the storage refuses it), 451 when its size cannot be
     * read, 554 when {@code offset} lies beyond its end ({@code offsetName} starts that reply).
     */
    public static DownloadFile open(FtpSession session, String path, long offset, String offsetName)
            throws FtpException {
        FileEntry entry = StorageReplies.call(() -> session.storage().statForRead(path), false);
        if (!entry.isFile()) {
            throw new FtpException(550, path + ": not a plain file");
        }
        FileChannel file = StorageReplies.call(() -> session.storage().openRead(path), false);
        long size;
        try {
            size = file.size();
        } catch (IOException e) {
            close(file);
            throw new FtpException(451, "Local error: " + e.getMessage());
        }
        if (offset > size) {
            close(file);
            throw new FtpException(554, offsetName + " " + offset + " is beyond the end of the file (" + size + ")");
        }
        return new DownloadFile(file, size);
    }

    private static void close(FileChannel file) {
        try {
            file.close();
        } catch (IOException ignored) {
            // read-only channel: nothing to lose
        }
    }
}
