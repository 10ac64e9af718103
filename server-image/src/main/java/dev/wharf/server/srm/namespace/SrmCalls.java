package dev.wharf.server.srm.namespace;

import dev.wharf.server.checksum.FileChecksums;
import dev.wharf.server.srm.SrmOperations;
import java.util.List;

/** The namespace operations of the SRM door (docs/srm.md); the transfer operations are added with {@code with}. */
public final class SrmCalls {

    private SrmCalls() {}

    /**
     * @param checksums the server's shared checksum cache (srmLs reports ADLER32 from it)
     * @param lsMaxEntries {@code srm.ls-max-entries}
     * @param protocols the TURL schemes of the enabled doors, for srmGetTransferProtocols
     */
    public static SrmOperations namespace(FileChecksums checksums, int lsMaxEntries, List<String> protocols) {
        return SrmOperations.of(
                new SrmPing(),
                new SrmLs(checksums, lsMaxEntries),
                new SrmMkdir(),
                new SrmRmdir(),
                new SrmRm(),
                new SrmMv(),
                new SrmCheckPermission(),
                new SrmGetTransferProtocols(protocols),
                new SrmGetSpaceTokens(),
                new SrmGetSpaceMetaData(),
                new SrmBringOnline());
    }
}
