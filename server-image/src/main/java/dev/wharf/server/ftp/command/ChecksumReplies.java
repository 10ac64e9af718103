package dev.wharf.server.ftp.command;

import dev.wharf.server.checksum.ChecksumAlgorithm;
import dev.wharf.server.checksum.FileChecksums;
import dev.wharf.server.fs.FileEntry;
import dev.wharf.server.fs.StorageException;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.StorageReplies;
import java.io.IOException;

/** CKSM's and HASH's one way from a checksum failure to a reply: storage refusals as for RETR, read errors 451. */
final class ChecksumReplies {

    private ChecksumReplies() {}

    static String compute(FileChecksums checksums, FtpSession session, String path, FileEntry entry,
                          ChecksumAlgorithm algorithm, long offset, long length) throws FtpException {
        try {
            return checksums.compute(session.storage(), path, entry, algorithm, offset, length);
        } catch (StorageException e) {
            throw StorageReplies.toFtp(e, false);
        } catch (IOException e) {
            throw new FtpException(451, "Local error computing " + algorithm + " of " + path + ": " + e.getMessage());
        }
    }
}
