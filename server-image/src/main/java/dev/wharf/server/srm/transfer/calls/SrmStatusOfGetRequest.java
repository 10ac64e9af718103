package dev.wharf.server.srm.transfer.calls;

import static dev.wharf.server.srm.transfer.calls.TransferSoap.F;

import dev.wharf.server.srm.Jaxb;
import dev.wharf.server.srm.SrmException;
import dev.wharf.server.srm.SrmOperation;
import dev.wharf.server.srm.SrmSession;
import dev.wharf.server.srm.transfer.RequestView;
import dev.wharf.server.srm.transfer.TransferService;
import dev.wharf.server.srm.v22.SrmStatusOfGetRequestRequest;
import dev.wharf.server.srm.v22.SrmStatusOfGetRequestResponse;

/** srmStatusOfGetRequest: where the caller's get request stands, for all its files or those named. */
public final class SrmStatusOfGetRequest implements SrmOperation<SrmStatusOfGetRequestRequest, SrmStatusOfGetRequestResponse> {

    private final TransferService service;

    public SrmStatusOfGetRequest(TransferService service) {
        this.service = service;
    }

    @Override
    public String name() {
        return "srmStatusOfGetRequest";
    }

    @Override
    public Class<SrmStatusOfGetRequestRequest> requestType() {
        return SrmStatusOfGetRequestRequest.class;
    }

    @Override
    public SrmStatusOfGetRequestResponse handle(SrmSession session, SrmStatusOfGetRequestRequest request) throws SrmException {
        SrmStatusOfGetRequestResponse response = new SrmStatusOfGetRequestResponse();
        RequestView view = service.status(session.identity(), request.getRequestToken(),
                TransferSoap.surls(Jaxb.value(request.getArrayOfSourceSURLs())), false);
        response.setReturnStatus(TransferSoap.status(view.status(), view.explanation()));
        if (view.token() != null) {
            response.setRemainingTotalRequestTime(F.createSrmStatusOfGetRequestResponseRemainingTotalRequestTime(
                    TransferSoap.seconds(view.remainingSeconds())));
            response.setArrayOfFileStatuses(F.createSrmStatusOfGetRequestResponseArrayOfFileStatuses(TransferSoap.getStatuses(view)));
        }
        return response;
    }
}
