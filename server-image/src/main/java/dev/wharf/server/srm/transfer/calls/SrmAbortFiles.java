package dev.wharf.server.srm.transfer.calls;

import static dev.wharf.server.srm.transfer.calls.TransferSoap.F;

import dev.wharf.server.srm.Jaxb;
import dev.wharf.server.srm.SrmException;
import dev.wharf.server.srm.SrmOperation;
import dev.wharf.server.srm.SrmSession;
import dev.wharf.server.srm.transfer.SurlResults;
import dev.wharf.server.srm.transfer.TransferService;
import dev.wharf.server.srm.v22.SrmAbortFilesRequest;
import dev.wharf.server.srm.v22.SrmAbortFilesResponse;

/** srmAbortFiles: ends the named files of a request; an aborted put leaves nothing, put-done files stay (srmRm removes them). */
public final class SrmAbortFiles implements SrmOperation<SrmAbortFilesRequest, SrmAbortFilesResponse> {

    private final TransferService service;

    public SrmAbortFiles(TransferService service) {
        this.service = service;
    }

    @Override
    public String name() {
        return "srmAbortFiles";
    }

    @Override
    public Class<SrmAbortFilesRequest> requestType() {
        return SrmAbortFilesRequest.class;
    }

    @Override
    public SrmAbortFilesResponse handle(SrmSession session, SrmAbortFilesRequest request) throws SrmException {
        SrmAbortFilesResponse response = new SrmAbortFilesResponse();
        SurlResults results = service.endings().abortFiles(session.storage(), request.getRequestToken(),
                Jaxb.surls(request.getArrayOfSURLs()));
        response.setReturnStatus(TransferSoap.status(results.status(), results.explanation()));
        if (!results.files().isEmpty()) {
            response.setArrayOfFileStatuses(F.createSrmAbortFilesResponseArrayOfFileStatuses(TransferSoap.surlStatuses(results)));
        }
        return response;
    }
}
