package dev.wharf.server.srm.namespace;

import dev.wharf.server.fs.StorageException;
import dev.wharf.server.srm.Jaxb;
import dev.wharf.server.srm.SrmException;
import dev.wharf.server.srm.SrmOperation;
import dev.wharf.server.srm.SrmSession;
import dev.wharf.server.srm.SrmStatus;
import dev.wharf.server.srm.Surls;
import dev.wharf.server.srm.v22.ArrayOfTSURLReturnStatus;
import dev.wharf.server.srm.v22.ObjectFactory;
import dev.wharf.server.srm.v22.SrmRmRequest;
import dev.wharf.server.srm.v22.SrmRmResponse;
import dev.wharf.server.srm.v22.TReturnStatus;
import dev.wharf.server.srm.v22.TSURLReturnStatus;
import dev.wharf.server.srm.v22.TStatusCode;
import java.util.List;

/**
 * srmRm: removes files (never directories: {@code SRM_INVALID_PATH}, use srmRmdir), one status per
 * SURL; the request's status is SUCCESS, PARTIAL_SUCCESS or FAILURE over them.
 */
public final class SrmRm implements SrmOperation<SrmRmRequest, SrmRmResponse> {

    private static final ObjectFactory F = new ObjectFactory();

    @Override
    public String name() {
        return "srmRm";
    }

    @Override
    public Class<SrmRmRequest> requestType() {
        return SrmRmRequest.class;
    }

    @Override
    public SrmRmResponse handle(SrmSession session, SrmRmRequest request) throws SrmException {
        List<String> surls = Jaxb.surls(request.getArrayOfSURLs());
        ArrayOfTSURLReturnStatus statuses = new ArrayOfTSURLReturnStatus();
        int failed = 0;
        for (String surl : surls) {
            TReturnStatus status = remove(session, surl);
            if (status.getStatusCode() != TStatusCode.SRM_SUCCESS) {
                failed++;
            }
            TSURLReturnStatus s = new TSURLReturnStatus();
            s.setSurl(surl);
            s.setStatus(status);
            statuses.getStatusArray().add(s);
        }
        SrmRmResponse response = new SrmRmResponse();
        response.setReturnStatus(SrmStatus.of(SrmStatus.overall(failed, surls.size()),
                failed == 0 ? null : failed + " of " + surls.size() + " files not removed"));
        response.setArrayOfFileStatuses(F.createSrmRmResponseArrayOfFileStatuses(statuses));
        return response;
    }

    private static TReturnStatus remove(SrmSession session, String surl) {
        try {
            session.storage().delete(Surls.path(surl));
            return SrmStatus.success();
        } catch (SrmException e) {
            return SrmStatus.of(e.status(), e.getMessage());
        } catch (StorageException e) {
            return SrmStatus.of(e);
        }
    }
}
