package dev.wharf.server.srm.transfer.calls;

import dev.wharf.server.srm.SrmException;
import dev.wharf.server.srm.SrmOperation;
import dev.wharf.server.srm.SrmSession;
import dev.wharf.server.srm.transfer.SurlResults;
import dev.wharf.server.srm.transfer.TransferService;
import dev.wharf.server.srm.v22.SrmAbortRequestRequest;
import dev.wharf.server.srm.v22.SrmAbortRequestResponse;

/** srmAbortRequest: ends every open file of a get or put request; what unfinished puts wrote is removed, and an upload still running is removed when it lands. */
public final class SrmAbortRequest implements SrmOperation<SrmAbortRequestRequest, SrmAbortRequestResponse> {

    private final TransferService service;

    public SrmAbortRequest(TransferService service) {
        this.service = service;
    }

    @Override
    public String name() {
        return "srmAbortRequest";
    }

    @Override
    public Class<SrmAbortRequestRequest> requestType() {
        return SrmAbortRequestRequest.class;
    }

    @Override
    public SrmAbortRequestResponse handle(SrmSession session, SrmAbortRequestRequest request) throws SrmException {
        SrmAbortRequestResponse response = new SrmAbortRequestResponse();
        SurlResults results = service.endings().abortRequest(session.storage(), request.getRequestToken());
        response.setReturnStatus(TransferSoap.status(results.status(), results.explanation()));
        return response;
    }
}
