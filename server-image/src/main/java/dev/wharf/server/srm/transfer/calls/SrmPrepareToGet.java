package dev.wharf.server.srm.transfer.calls;

import static dev.wharf.server.srm.transfer.calls.TransferSoap.F;

import dev.wharf.server.srm.SrmException;
import dev.wharf.server.srm.SrmOperation;
import dev.wharf.server.srm.SrmSession;
import dev.wharf.server.srm.transfer.RequestView;
import dev.wharf.server.srm.transfer.TransferService;
import dev.wharf.server.srm.v22.SrmPrepareToGetRequest;
import dev.wharf.server.srm.v22.SrmPrepareToGetResponse;
import java.util.List;

/** srmPrepareToGet: pins each readable file and hands it a TURL (docs/srm.md, "Transfer requests"); large requests are queued and answered by srmStatusOfGetRequest. */
public final class SrmPrepareToGet implements SrmOperation<SrmPrepareToGetRequest, SrmPrepareToGetResponse> {

    private final TransferService service;

    public SrmPrepareToGet(TransferService service) {
        this.service = service;
    }

    @Override
    public String name() {
        return "srmPrepareToGet";
    }

    @Override
    public Class<SrmPrepareToGetRequest> requestType() {
        return SrmPrepareToGetRequest.class;
    }

    @Override
    public SrmPrepareToGetResponse handle(SrmSession session, SrmPrepareToGetRequest request) throws SrmException {
        SrmPrepareToGetResponse response = new SrmPrepareToGetResponse();
        List<String> surls = request.getArrayOfFileRequests() == null ? List.of()
                : request.getArrayOfFileRequests().getRequestArray().stream().map(f -> f.getSourceSURL()).toList();
        RequestView view = service.prepareToGet(session.storage(), new TransferService.Ask(TransferSoap.targets(surls),
                TransferSoap.protocols(request.getTransferParameters()),
                TransferSoap.lifetime(request.getDesiredTotalRequestTime(), request.getDesiredPinLifeTime()), null));
        response.setReturnStatus(TransferSoap.status(view.status(), view.explanation()));
        if (view.token() != null) {
            response.setRequestToken(F.createSrmPrepareToGetResponseRequestToken(view.token()));
            response.setRemainingTotalRequestTime(F.createSrmPrepareToGetResponseRemainingTotalRequestTime(
                    TransferSoap.seconds(view.remainingSeconds())));
            response.setArrayOfFileStatuses(F.createSrmPrepareToGetResponseArrayOfFileStatuses(TransferSoap.getStatuses(view)));
        }
        return response;
    }
}
