package dev.wharf.server.ftp.command;

import dev.wharf.server.checksum.ChecksumAlgorithm;
import dev.wharf.server.checksum.FileChecksums;
import dev.wharf.server.fs.FileEntry;
import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.ftp.StorageReplies;

/**
 * CKSM alg offset length path (GFD.47, as dCache's doors and gfal-sum use it on ftp:// and gsiftp://):
 * 213 value. Length -1 = to the end of the file. Needs the READ_FILE level like RETR. 504 unknown
 * algorithm, 501 bad numbers or a range past the end, 550 no such file or not a plain file. Runs on the
 * session's executor, so reading a large file never holds an event loop; values are cached per file.
 */
public final class Cksm implements FtpCommand {

    private final FileChecksums checksums;

    public Cksm(FileChecksums checksums) {
        this.checksums = checksums;
    }

    /** The FEAT line: the algorithm names, in order of preference. */
    public static String feature() {
        return "CKSM " + ChecksumAlgorithm.names(ChecksumAlgorithm.CKSM, ",");
    }

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        String[] parts = argument.strip().split(" +", 4);
        if (parts.length < 4) {
            throw new FtpException(501, "CKSM needs <algorithm> <offset> <length> <path>");
        }
        ChecksumAlgorithm algorithm = ChecksumAlgorithm.named(parts[0], ChecksumAlgorithm.CKSM)
                .orElseThrow(() -> new FtpException(504, "Unsupported checksum algorithm " + parts[0]
                        + " (supported: " + ChecksumAlgorithm.names(ChecksumAlgorithm.CKSM, ", ") + ")"));
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
        return FtpReply.of(213, ChecksumReplies.compute(checksums, session, path, entry, algorithm, offset, end - offset));
    }

    private static long number(String text) throws FtpException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new FtpException(501, "CKSM: not a number: " + text);
        }
    }
}
