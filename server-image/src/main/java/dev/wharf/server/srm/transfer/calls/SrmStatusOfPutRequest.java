package dev.wharf.server.srm.transfer.calls;

import static dev.wharf.server.srm.transfer.calls.TransferSoap.F;

import dev.wharf.server.srm.Jaxb;
import dev.wharf.server.srm.SrmException;
import dev.wharf.server.srm.SrmOperation;
import dev.wharf.server.srm.SrmSession;
import dev.wharf.server.srm.transfer.RequestView;
import dev.wharf.server.srm.transfer.TransferService;
import dev.wharf.server.srm.v22.SrmStatusOfPutRequestRequest;
import dev.wharf.server.srm.v22.SrmStatusOfPutRequestResponse;

/** srmStatusOfPutRequest: where the caller's put request stands, for all its files or those named. */
public final class SrmStatusOfPutRequest implements SrmOperation<SrmStatusOfPutRequestRequest, SrmStatusOfPutRequestResponse> {

    private final TransferService service;

    public SrmStatusOfPutRequest(TransferService service) {
        this.service = service;
    }

    @Override
    public String name() {
        return "srmStatusOfPutRequest";
    }

    @Override
    public Class<SrmStatusOfPutRequestRequest> requestType() {
        return SrmStatusOfPutRequestRequest.class;
    }

    @Override
    public SrmStatusOfPutRequestResponse handle(SrmSession session, SrmStatusOfPutRequestRequest request) throws SrmException {
        SrmStatusOfPutRequestResponse response = new SrmStatusOfPutRequestResponse();
        RequestView view = service.status(session.identity(), request.getRequestToken(),
                TransferSoap.surls(Jaxb.value(request.getArrayOfTargetSURLs())), true);
        response.setReturnStatus(TransferSoap.status(view.status(), view.explanation()));
        if (view.token() != null) {
            response.setRemainingTotalRequestTime(F.createSrmStatusOfPutRequestResponseRemainingTotalRequestTime(
                    TransferSoap.seconds(view.remainingSeconds())));
            response.setArrayOfFileStatuses(F.createSrmStatusOfPutRequestResponseArrayOfFileStatuses(TransferSoap.putStatuses(view)));
        }
        return response;
    }
}
