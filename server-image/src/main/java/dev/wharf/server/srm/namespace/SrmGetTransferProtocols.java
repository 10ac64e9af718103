package dev.wharf.server.srm.namespace;

import dev.wharf.server.srm.SrmOperation;
import dev.wharf.server.srm.SrmSession;
import dev.wharf.server.srm.SrmStatus;
import dev.wharf.server.srm.v22.ArrayOfTSupportedTransferProtocol;
import dev.wharf.server.srm.v22.ObjectFactory;
import dev.wharf.server.srm.v22.SrmGetTransferProtocolsRequest;
import dev.wharf.server.srm.v22.SrmGetTransferProtocolsResponse;
import dev.wharf.server.srm.v22.TSupportedTransferProtocol;
import java.util.List;

/** srmGetTransferProtocols: the TURL schemes this server's enabled doors serve (gsiftp, dcap, gsidcap). */
public final class SrmGetTransferProtocols
        implements SrmOperation<SrmGetTransferProtocolsRequest, SrmGetTransferProtocolsResponse> {

    private static final ObjectFactory F = new ObjectFactory();

    private final List<String> protocols;

    /** @param protocols the schemes, in the server's order of preference */
    public SrmGetTransferProtocols(List<String> protocols) {
        this.protocols = List.copyOf(protocols);
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
        for (String scheme : protocols) {
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
