package dev.wharf.server.srm.namespace;

import dev.wharf.server.acl.Operation;
import dev.wharf.server.checksum.ChecksumAlgorithm;
import dev.wharf.server.checksum.FileChecksums;
import dev.wharf.server.fs.FileEntry;
import dev.wharf.server.fs.Storage;
import dev.wharf.server.fs.StorageException;
import dev.wharf.server.srm.Jaxb;
import dev.wharf.server.srm.SrmException;
import dev.wharf.server.srm.SrmOperation;
import dev.wharf.server.srm.SrmSession;
import dev.wharf.server.srm.SrmStatus;
import dev.wharf.server.srm.Surls;
import dev.wharf.server.srm.v22.ArrayOfTMetaDataPathDetail;
import dev.wharf.server.srm.v22.ObjectFactory;
import dev.wharf.server.srm.v22.SrmLsRequest;
import dev.wharf.server.srm.v22.SrmLsResponse;
import dev.wharf.server.srm.v22.TMetaDataPathDetail;
import dev.wharf.server.srm.v22.TStatusCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * srmLs, answered at once (never queued): the details of each SURL and, for a directory, of its entries
 * down {@code numOfLevels} levels (default 1; {@code allLevelRecursive} means as deep as the entry
 * budget allows). Entries come sorted by name so {@code offset}/{@code count} page through a directory
 * stably. A listing that names no {@code count} and would exceed {@code srm.ls-max-entries} details is
 * answered {@code SRM_TOO_MANY_RESULTS} (gfal2 then pages with count 1000); an explicit count is served
 * up to {@link #PAGE_CAP} or the configured maximum, whichever is larger. A file named directly carries
 * its ADLER32 checksum (from the shared {@link FileChecksums} cache) as gfal-sum reads it.
 */
public final class SrmLs implements SrmOperation<SrmLsRequest, SrmLsResponse> {

    /** gfal2 pages with a fixed count of 1000: a page that size is always served. */
    public static final int PAGE_CAP = 1000;
    public static final int DEFAULT_MAX_ENTRIES = 1000;
    static final int MAX_LEVELS = 64;
    static final String CHECKSUM_TYPE = "adler32";

    private static final Logger LOG = LoggerFactory.getLogger(SrmLs.class);
    private static final ObjectFactory F = new ObjectFactory();

    private final FileChecksums checksums;
    private final int maxEntries;

    public SrmLs(FileChecksums checksums, int maxEntries) {
        this.checksums = checksums;
        this.maxEntries = maxEntries;
    }

    @Override
    public String name() {
        return "srmLs";
    }

    @Override
    public Class<SrmLsRequest> requestType() {
        return SrmLsRequest.class;
    }

    /** How many details one answer may still carry; {@code paged} when the client asked for a count. */
    private static final class Budget {
        int left;
        final boolean paged;
        boolean exceeded;

        Budget(int left, boolean paged) {
            this.left = left;
            this.paged = paged;
        }

        boolean take() {
            if (left == 0) {
                exceeded = true;
                return false;
            }
            left--;
            return true;
        }
    }

    @Override
    public SrmLsResponse handle(SrmSession session, SrmLsRequest request) throws SrmException {
        List<String> surls = Jaxb.surls(request.getArrayOfSURLs());
        int offset = Jaxb.value(request.getOffset(), 0);
        Integer count = Jaxb.value(request.getCount());
        int levels = Boolean.TRUE.equals(Jaxb.value(request.getAllLevelRecursive())) ? MAX_LEVELS
                : Jaxb.value(request.getNumOfLevels(), 1);
        if (offset < 0 || count != null && count < 0 || levels < 0) {
            throw new SrmException(TStatusCode.SRM_INVALID_REQUEST, "offset, count and numOfLevels may not be negative");
        }
        boolean paged = count != null && count > 0;
        Budget budget = new Budget(paged ? Math.min(count, Math.max(PAGE_CAP, maxEntries)) : maxEntries, paged);
        List<TMetaDataPathDetail> details = new ArrayList<>();
        int failed = 0;
        for (String surl : surls) {
            TMetaDataPathDetail d = describe(session.storage(), surl, Math.min(levels, MAX_LEVELS), offset, budget);
            if (d.getStatus().getValue().getStatusCode() != TStatusCode.SRM_SUCCESS) {
                failed++;
            }
            details.add(d);
        }
        SrmLsResponse response = new SrmLsResponse();
        if (budget.exceeded && !budget.paged) {
            details.forEach(d -> d.setArrayOfSubPaths(null));
            response.setReturnStatus(SrmStatus.of(TStatusCode.SRM_TOO_MANY_RESULTS, "more than " + maxEntries
                    + " entries: list with offset and count"));
        } else {
            response.setReturnStatus(SrmStatus.of(SrmStatus.overall(failed, surls.size()),
                    failed == 0 ? null : failed + " of " + surls.size() + " paths could not be listed"));
        }
        ArrayOfTMetaDataPathDetail array = new ArrayOfTMetaDataPathDetail();
        array.getPathDetailArray().addAll(details);
        response.setDetails(F.createSrmLsResponseDetails(array));
        return response;
    }

    private TMetaDataPathDetail describe(Storage storage, String surl, int levels, int offset, Budget budget) {
        String path;
        try {
            path = Surls.path(surl);
        } catch (SrmException e) {
            return PathDetails.failed(surl, SrmStatus.of(e.status(), e.getMessage()));
        }
        try {
            FileEntry entry = storage.statForListing(path);
            TMetaDataPathDetail d = PathDetails.of(path, entry);
            if (entry.isFile()) {
                addChecksum(storage, path, d);
            } else if (entry.isDirectory() && levels > 0) {
                d.setArrayOfSubPaths(F.createTMetaDataPathDetailArrayOfSubPaths(list(storage, path, levels, offset, budget)));
            }
            return d;
        } catch (StorageException e) {
            return PathDetails.failed(path, SrmStatus.of(e));
        }
    }

    private ArrayOfTMetaDataPathDetail list(Storage storage, String dir, int levels, int offset, Budget budget)
            throws StorageException {
        List<FileEntry> entries = new ArrayList<>(storage.list(dir));
        entries.sort(Comparator.comparing(FileEntry::name));
        ArrayOfTMetaDataPathDetail array = new ArrayOfTMetaDataPathDetail();
        for (int i = offset; i < entries.size() && budget.take(); i++) {
            FileEntry child = entries.get(i);
            String childPath = dir.endsWith("/") ? dir + child.name() : dir + "/" + child.name();
            TMetaDataPathDetail d = PathDetails.of(childPath, child);
            if (child.isDirectory() && levels > 1) {
                try {
                    d.setArrayOfSubPaths(F.createTMetaDataPathDetailArrayOfSubPaths(list(storage, childPath, levels - 1, 0, budget)));
                } catch (StorageException e) {
                    d.setStatus(F.createTMetaDataPathDetailStatus(SrmStatus.of(e)));
                }
            }
            array.getPathDetailArray().add(d);
        }
        return array;
    }

    /** gfal-sum and gfal-copy's checksum check read this; a file the caller may not read gets none. */
    private void addChecksum(Storage storage, String path, TMetaDataPathDetail d) {
        if (!storage.allowed(Operation.READ_FILE, path)) {
            return;
        }
        try {
            FileEntry entry = storage.statForRead(path);
            PathDetails.checksum(d, CHECKSUM_TYPE,
                    checksums.compute(storage, path, entry, ChecksumAlgorithm.ADLER32, 0, entry.size()));
        } catch (IOException e) {
            LOG.debug("no checksum for {}: {}", path, e.toString());
        }
    }
}
