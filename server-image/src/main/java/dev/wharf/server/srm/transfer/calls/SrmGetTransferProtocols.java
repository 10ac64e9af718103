package dev.wharf.server.srm.transfer.calls;

import dev.wharf.server.srm.SrmOperation;
import dev.wharf.server.srm.SrmSession;
import dev.wharf.server.srm.SrmStatus;
import dev.wharf.server.srm.transfer.TransferService;
import dev.wharf.server.srm.v22.ArrayOfTSupportedTransferProtocol;
import dev.wharf.server.srm.v22.ObjectFactory;
import dev.wharf.server.srm.v22.SrmGetTransferProtocolsRequest;
import dev.wharf.server.srm.v22.SrmGetTransferProtocolsResponse;
import dev.wharf.server.srm.v22.TSupportedTransferProtocol;

/**
 * srmGetTransferProtocols: the TURL schemes the prepare calls would hand this session out (gsiftp, gsidcap, dcap
 * in that order of preference), as the TURL planner decides them: a running door, and for the dCap family a
 * session jailed at {@code dcap.root}; never a scheme a prepare call would then refuse.
 */
public final class SrmGetTransferProtocols
        implements SrmOperation<SrmGetTransferProtocolsRequest, SrmGetTransferProtocolsResponse> {

    private static final ObjectFactory F = new ObjectFactory();

    private final TransferService service;

    public SrmGetTransferProtocols(TransferService service) {
        this.service = service;
    }

    @Override
    public String name() {
        return "srmGetTransferProtocols";
    }

    @Override
    public Class<SrmGetTransferProtocolsRequest> requestType() {
        return SrmGetTransferProtocolsRequest.class;
    }

    @Override
    public SrmGetTransferProtocolsResponse handle(SrmSession session, SrmGetTransferProtocolsRequest request) {
        ArrayOfTSupportedTransferProtocol array = new ArrayOfTSupportedTransferProtocol();
        for (String scheme : service.servedProtocols(session.storage())) {
            TSupportedTransferProtocol p = new TSupportedTransferProtocol();
            p.setTransferProtocol(scheme);
            array.getProtocolArray().add(p);
        }
        SrmGetTransferProtocolsResponse response = new SrmGetTransferProtocolsResponse();
        response.setReturnStatus(SrmStatus.success());
        response.setProtocolInfo(F.createSrmGetTransferProtocolsResponseProtocolInfo(array));
        return response;
    }
}
