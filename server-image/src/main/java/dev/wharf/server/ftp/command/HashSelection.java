package dev.wharf.server.ftp.command;

import dev.wharf.server.checksum.ChecksumAlgorithm;
import dev.wharf.server.ftp.FtpSession;

/**
 * The session's HASH algorithm, changed by OPTS HASH. SHA-256 until then: the draft asks for a default
 * no weaker than SHA-1, and FEAT's asterisk tells clients which one it is.
 */
final class HashSelection {

    static final ChecksumAlgorithm DEFAULT = ChecksumAlgorithm.SHA_256;

    private ChecksumAlgorithm selected = DEFAULT;

    static HashSelection of(FtpSession session) {
        return session.extension(HashSelection.class, HashSelection::new);
    }

    synchronized ChecksumAlgorithm selected() {
        return selected;
    }

    synchronized void select(ChecksumAlgorithm algorithm) {
        selected = algorithm;
    }
}
