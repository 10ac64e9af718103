package dev.wharf.server.srm.transfer.calls;

import static dev.wharf.server.srm.transfer.calls.TransferSoap.F;

import dev.wharf.server.srm.Jaxb;
import dev.wharf.server.srm.SrmException;
import dev.wharf.server.srm.SrmOperation;
import dev.wharf.server.srm.SrmSession;
import dev.wharf.server.srm.transfer.SurlResults;
import dev.wharf.server.srm.transfer.TransferService;
import dev.wharf.server.srm.v22.SrmReleaseFilesRequest;
import dev.wharf.server.srm.v22.SrmReleaseFilesResponse;

/** srmReleaseFiles: ends pins of a get request, or without a token the caller's pins on the named SURLs. doRemove is ignored: releasing never removes a file here. */
public final class SrmReleaseFiles implements SrmOperation<SrmReleaseFilesRequest, SrmReleaseFilesResponse> {

    private final TransferService service;

    public SrmReleaseFiles(TransferService service) {
        this.service = service;
    }

    @Override
    public String name() {
        return "srmReleaseFiles";
    }

    @Override
    public Class<SrmReleaseFilesRequest> requestType() {
        return SrmReleaseFilesRequest.class;
    }

    @Override
    public SrmReleaseFilesResponse handle(SrmSession session, SrmReleaseFilesRequest request) throws SrmException {
        SrmReleaseFilesResponse response = new SrmReleaseFilesResponse();
        SurlResults results = service.endings().releaseFiles(session.identity(),
                Jaxb.value(request.getRequestToken()),
                TransferSoap.surls(Jaxb.value(request.getArrayOfSURLs())));
        response.setReturnStatus(TransferSoap.status(results.status(), results.explanation()));
        if (!results.files().isEmpty()) {
            response.setArrayOfFileStatuses(F.createSrmReleaseFilesResponseArrayOfFileStatuses(TransferSoap.surlStatuses(results)));
        }
        return response;
    }
}
