package dev.wharf.server.srm.transfer.calls;

import static dev.wharf.server.srm.transfer.calls.TransferSoap.F;

import dev.wharf.server.srm.Jaxb;
import dev.wharf.server.srm.SrmException;
import dev.wharf.server.srm.SrmOperation;
import dev.wharf.server.srm.SrmSession;
import dev.wharf.server.srm.transfer.SurlResults;
import dev.wharf.server.srm.transfer.TransferService;
import dev.wharf.server.srm.v22.SrmPutDoneRequest;
import dev.wharf.server.srm.v22.SrmPutDoneResponse;

/** srmPutDone: each named file of the put must have arrived at its SURL through its TURL (SRM_INVALID_PATH otherwise; the client may call again). */
public final class SrmPutDone implements SrmOperation<SrmPutDoneRequest, SrmPutDoneResponse> {

    private final TransferService service;

    public SrmPutDone(TransferService service) {
        this.service = service;
    }

    @Override
    public String name() {
        return "srmPutDone";
    }

    @Override
    public Class<SrmPutDoneRequest> requestType() {
        return SrmPutDoneRequest.class;
    }

    @Override
    public SrmPutDoneResponse handle(SrmSession session, SrmPutDoneRequest request) throws SrmException {
        SrmPutDoneResponse response = new SrmPutDoneResponse();
        SurlResults results = service.endings().putDone(session.storage(), request.getRequestToken(),
                Jaxb.surls(request.getArrayOfSURLs()));
        response.setReturnStatus(TransferSoap.status(results.status(), results.explanation()));
        if (!results.files().isEmpty()) {
            response.setArrayOfFileStatuses(F.createSrmPutDoneResponseArrayOfFileStatuses(TransferSoap.surlStatuses(results)));
        }
        return response;
    }
}
