package dev.wharf.server.srm.namespace;

import dev.wharf.server.fs.FileEntry;
import dev.wharf.server.fs.StorageException;
import dev.wharf.server.srm.SrmException;
import dev.wharf.server.srm.SrmOperation;
import dev.wharf.server.srm.SrmSession;
import dev.wharf.server.srm.SrmStatus;
import dev.wharf.server.srm.Surls;
import dev.wharf.server.srm.v22.ArrayOfTBringOnlineRequestFileStatus;
import dev.wharf.server.srm.v22.ObjectFactory;
import dev.wharf.server.srm.v22.SrmBringOnlineRequest;
import dev.wharf.server.srm.v22.SrmBringOnlineResponse;
import dev.wharf.server.srm.v22.TBringOnlineRequestFileStatus;
import dev.wharf.server.srm.v22.TGetFileRequest;
import dev.wharf.server.srm.v22.TStatusCode;
import java.math.BigInteger;
import java.util.List;

/**
 * srmBringOnline: every file on Wharf is on disk, so the request is done when it is answered: each
 * readable file is {@code SRM_SUCCESS} with its size, a missing or unreadable one carries its failure;
 * no request token is issued (nothing is left to poll or release).
 */
public final class SrmBringOnline implements SrmOperation<SrmBringOnlineRequest, SrmBringOnlineResponse> {

    private static final ObjectFactory F = new ObjectFactory();

    @Override
    public String name() {
        return "srmBringOnline";
    }

    @Override
    public Class<SrmBringOnlineRequest> requestType() {
        return SrmBringOnlineRequest.class;
    }

    @Override
    public SrmBringOnlineResponse handle(SrmSession session, SrmBringOnlineRequest request) throws SrmException {
        List<TGetFileRequest> files = request.getArrayOfFileRequests() == null ? List.of()
                : request.getArrayOfFileRequests().getRequestArray();
        if (files.isEmpty()) {
            throw new SrmException(TStatusCode.SRM_INVALID_REQUEST, "the request names no file");
        }
        ArrayOfTBringOnlineRequestFileStatus statuses = new ArrayOfTBringOnlineRequestFileStatus();
        int failed = 0;
        for (TGetFileRequest file : files) {
            TBringOnlineRequestFileStatus s = new TBringOnlineRequestFileStatus();
            s.setSourceSURL(file.getSourceSURL());
            try {
                FileEntry entry = session.storage().statForRead(Surls.path(file.getSourceSURL()));
                if (!entry.isFile()) {
                    throw new StorageException(StorageException.Reason.IS_DIRECTORY, file.getSourceSURL() + ": not a file");
                }
                s.setStatus(SrmStatus.success());
                s.setFileSize(F.createTBringOnlineRequestFileStatusFileSize(BigInteger.valueOf(entry.size())));
            } catch (SrmException e) {
                failed++;
                s.setStatus(SrmStatus.of(e.status(), e.getMessage()));
            } catch (StorageException e) {
                failed++;
                s.setStatus(SrmStatus.of(e));
            }
            statuses.getStatusArray().add(s);
        }
        SrmBringOnlineResponse response = new SrmBringOnlineResponse();
        response.setReturnStatus(SrmStatus.of(SrmStatus.overall(failed, files.size()),
                failed == 0 ? "files are always online" : failed + " of " + files.size() + " files cannot be read"));
        response.setArrayOfFileStatuses(F.createSrmBringOnlineResponseArrayOfFileStatuses(statuses));
        return response;
    }
}
