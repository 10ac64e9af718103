package dev.wharf.server.srm.namespace;

import dev.wharf.server.fs.StorageException;
import dev.wharf.server.srm.SrmException;
import dev.wharf.server.srm.SrmOperation;
import dev.wharf.server.srm.SrmSession;
import dev.wharf.server.srm.SrmStatus;
import dev.wharf.server.srm.Surls;
import dev.wharf.server.srm.v22.SrmMvRequest;
import dev.wharf.server.srm.v22.SrmMvResponse;

/**
 * srmMv: renames a file or directory within the session's storage. An existing target is
 * {@code SRM_DUPLICATION_ERROR} (the session storage never replaces one here: srm sessions log in with
 * overwrite off), a missing source {@code SRM_INVALID_PATH}.
 */
public final class SrmMv implements SrmOperation<SrmMvRequest, SrmMvResponse> {

    @Override
    public String name() {
        return "srmMv";
    }

    @Override
    public Class<SrmMvRequest> requestType() {
        return SrmMvRequest.class;
    }

    @Override
    public SrmMvResponse handle(SrmSession session, SrmMvRequest request) throws SrmException {
        String from = Surls.path(request.getFromSURL());
        String to = Surls.path(request.getToSURL());
        SrmMvResponse response = new SrmMvResponse();
        try {
            session.storage().rename(from, to);
            response.setReturnStatus(SrmStatus.success());
        } catch (StorageException e) {
            response.setReturnStatus(SrmStatus.of(e));
        }
        return response;
    }
}
