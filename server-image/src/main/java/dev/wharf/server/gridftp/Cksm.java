package dev.wharf.server.gridftp;

import dev.wharf.server.fs.FileEntry;
import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.ftp.StorageReplies;
import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * CKSM alg offset length path (GFD.47): 213 value. Length -1 = to the end of the file. Needs the
 * READ_FILE level like RETR. 504 unknown algorithm, 501 bad numbers or a range past the end, 550 no
 * such file or not a plain file. Commands run on the session's executor (a blocking-pool thread), so
 * reading a large file here never holds an event loop.
 */
final class Cksm implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        String[] parts = argument.strip().split(" +", 4);
        if (parts.length < 4) {
            throw new FtpException(501, "CKSM needs <algorithm> <offset> <length> <path>");
        }
        Checksums algorithm = Checksums.named(parts[0])
                .orElseThrow(() -> new FtpException(504, "Unsupported checksum algorithm " + parts[0]
                        + " (supported: ADLER32, MD5, CRC32)"));
        long offset = number(parts[1]);
        long length = number(parts[2]);
        if (offset < 0 || length < -1) {
            throw new FtpException(501, "CKSM offset must be >= 0 and length >= -1");
        }
        String path = session.resolve(parts[3]);
        FileEntry entry = StorageReplies.call(() -> session.storage().statForRead(path), false);
        if (!entry.isFile()) {
            throw new FtpException(550, path + ": not a plain file");
        }
        long end = length < 0 ? entry.size() : offset + length;
        if (offset > entry.size() || end > entry.size() || end < offset) {
            throw new FtpException(501, "CKSM range " + offset + "+" + length + " is beyond the end of " + path
                    + " (" + entry.size() + " bytes)");
        }
        try (FileChannel channel = StorageReplies.call(() -> session.storage().openRead(path), false)) {
            return FtpReply.of(213, algorithm.compute(channel, offset, end - offset));
        } catch (IOException e) {
            throw new FtpException(451, "Local error computing " + algorithm + " of " + path + ": " + e.getMessage());
        }
    }

    private static long number(String text) throws FtpException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new FtpException(501, "CKSM: not a number: " + text);
        }
    }
}
