package dev.wharf.server.srm.transfer.calls;

import static dev.wharf.server.srm.transfer.calls.TransferSoap.F;

import dev.wharf.server.srm.Jaxb;
import dev.wharf.server.srm.SrmException;
import dev.wharf.server.srm.SrmOperation;
import dev.wharf.server.srm.SrmSession;
import dev.wharf.server.srm.transfer.RequestView;
import dev.wharf.server.srm.transfer.TransferService;
import dev.wharf.server.srm.v22.SrmPrepareToPutRequest;
import dev.wharf.server.srm.v22.SrmPrepareToPutResponse;
import java.util.List;

/** srmPrepareToPut: checks each target (ACL, jail, overwriteOption) and hands it a TURL to write through; the file counts once srmPutDone finds it arrived (docs/srm.md). */
public final class SrmPrepareToPut implements SrmOperation<SrmPrepareToPutRequest, SrmPrepareToPutResponse> {

    private final TransferService service;

    public SrmPrepareToPut(TransferService service) {
        this.service = service;
    }

    @Override
    public String name() {
        return "srmPrepareToPut";
    }

    @Override
    public Class<SrmPrepareToPutRequest> requestType() {
        return SrmPrepareToPutRequest.class;
    }

    @Override
    public SrmPrepareToPutResponse handle(SrmSession session, SrmPrepareToPutRequest request) throws SrmException {
        SrmPrepareToPutResponse response = new SrmPrepareToPutResponse();
        var files = Jaxb.value(request.getArrayOfFileRequests());
        List<String> surls = files == null ? List.of()
                : files.getRequestArray().stream().map(f -> Jaxb.value(f.getTargetSURL())).toList();
        var overwrite = Jaxb.value(request.getOverwriteOption());
        RequestView view = service.prepareToPut(session.storage(), new TransferService.Ask(TransferSoap.targets(surls),
                TransferSoap.protocols(request.getTransferParameters()),
                TransferSoap.lifetime(request.getDesiredTotalRequestTime(), request.getDesiredPinLifeTime()),
                overwrite == null ? null : overwrite.value()));
        response.setReturnStatus(TransferSoap.status(view.status(), view.explanation()));
        if (view.token() != null) {
            response.setRequestToken(F.createSrmPrepareToPutResponseRequestToken(view.token()));
            response.setRemainingTotalRequestTime(F.createSrmPrepareToPutResponseRemainingTotalRequestTime(
                    TransferSoap.seconds(view.remainingSeconds())));
            response.setArrayOfFileStatuses(F.createSrmPrepareToPutResponseArrayOfFileStatuses(TransferSoap.putStatuses(view)));
        }
        return response;
    }
}
