package dev.wharf.server.srm.namespace;

import dev.wharf.server.fs.StorageException;
import dev.wharf.server.srm.SrmException;
import dev.wharf.server.srm.SrmOperation;
import dev.wharf.server.srm.SrmSession;
import dev.wharf.server.srm.SrmStatus;
import dev.wharf.server.srm.Surls;
import dev.wharf.server.srm.v22.SrmMkdirRequest;
import dev.wharf.server.srm.v22.SrmMkdirResponse;

/**
 * srmMkdir: one directory, its parent must exist (GFD.129; gfal-mkdir -p makes each level in turn).
 * An existing name is {@code SRM_DUPLICATION_ERROR}, a missing parent {@code SRM_INVALID_PATH}.
 */
public final class SrmMkdir implements SrmOperation<SrmMkdirRequest, SrmMkdirResponse> {

    @Override
    public String name() {
        return "srmMkdir";
    }

    @Override
    public Class<SrmMkdirRequest> requestType() {
        return SrmMkdirRequest.class;
    }

    @Override
    public SrmMkdirResponse handle(SrmSession session, SrmMkdirRequest request) throws SrmException {
        String path = Surls.path(request.getSURL());
        SrmMkdirResponse response = new SrmMkdirResponse();
        try {
            session.storage().makeDirectory(path);
            response.setReturnStatus(SrmStatus.success());
        } catch (StorageException e) {
            response.setReturnStatus(SrmStatus.of(e));
        }
        return response;
    }
}
