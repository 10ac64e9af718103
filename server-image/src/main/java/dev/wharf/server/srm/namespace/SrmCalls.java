package dev.wharf.server.srm.namespace;

import dev.wharf.server.checksum.FileChecksums;
import dev.wharf.server.srm.SrmOperations;

/**
 * The namespace operations of the SRM door (docs/srm.md); the transfer operations (srmGetTransferProtocols among
 * them: it asks the TURL planner) are added with {@code with}.
 */
public final class SrmCalls {

    private SrmCalls() {}

    /**
     * @param checksums the server's shared checksum cache (srmLs reports ADLER32 from it)
     * @param lsMaxEntries {@code srm.ls-max-entries}
     */
    public static SrmOperations namespace(FileChecksums checksums, int lsMaxEntries) {
        return SrmOperations.of(
                new SrmPing(),
                new SrmLs(checksums, lsMaxEntries),
                new SrmMkdir(),
                new SrmRmdir(),
                new SrmRm(),
                new SrmMv(),
                new SrmCheckPermission(),
                new SrmGetSpaceTokens(),
                new SrmGetSpaceMetaData(),
                new SrmBringOnline());
    }
}
