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
import java.util.stream.Collectors;

/**
 * HASH path (draft-bryan-ftpext-hash-02, as FileZilla and lftp send it): {@code 213 SHA-256 0-99 <hex>
 * path}, the whole file through the algorithm OPTS HASH selected; the range's end is the last byte's
 * offset, as in the draft's examples. Partial hashes need the draft's RANG, which Wharf does not offer
 * (CKSM takes a range). 550 no such file or no READ_FILE level, 553 a directory (the draft's code), 451
 * read errors. Values come from the same per-file cache as CKSM.
 */
public final class Hash implements FtpCommand {

    /** The table's FEAT entry; {@link #featureLine} is what a session's FEAT prints for it. */
    public static final String FEATURE = "HASH";

    private final FileChecksums checksums;

    public Hash(FileChecksums checksums) {
        this.checksums = checksums;
    }

    /** "HASH SHA-1;SHA-256*;SHA-512;MD5": every algorithm, the session's current one marked with '*'. */
    public static String featureLine(FtpSession session) {
        ChecksumAlgorithm selected = HashSelection.of(session).selected();
        return FEATURE + " " + ChecksumAlgorithm.HASH.stream()
                .map(a -> a == selected ? a.wireName() + "*" : a.wireName())
                .collect(Collectors.joining(";"));
    }

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        String name = argument.strip();
        if (name.isEmpty()) {
            throw new FtpException(501, "HASH needs a file name");
        }
        String path = session.resolve(name);
        FileEntry entry = StorageReplies.call(() -> session.storage().statForRead(path), false);
        if (entry.isDirectory()) {
            throw new FtpException(553, path + ": the hash of a directory is not defined");
        }
        if (!entry.isFile()) {
            throw new FtpException(550, path + ": not a plain file");
        }
        ChecksumAlgorithm algorithm = HashSelection.of(session).selected();
        String value = ChecksumReplies.compute(checksums, session, path, entry, algorithm, 0, entry.size());
        long last = Math.max(0, entry.size() - 1);
        return FtpReply.of(213, algorithm.wireName() + " 0-" + last + " " + value + " " + name);
    }

    /** OPTS HASH [name]: 200 with the selected algorithm; 501 for one not offered, the selection unchanged. */
    static FtpReply options(FtpSession session, String value) throws FtpException {
        HashSelection selection = HashSelection.of(session);
        if (!value.isEmpty()) {
            selection.select(ChecksumAlgorithm.named(value, ChecksumAlgorithm.HASH).orElseThrow(() -> new FtpException(501,
                    "Unknown algorithm, current selection not changed (offered: "
                            + ChecksumAlgorithm.names(ChecksumAlgorithm.HASH, ", ") + ")")));
        }
        return FtpReply.of(200, selection.selected().wireName());
    }
}
