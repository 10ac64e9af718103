package dev.wharf.server.srm.namespace;

import dev.wharf.server.srm.SrmOperation;
import dev.wharf.server.srm.SrmSession;
import dev.wharf.server.srm.v22.ArrayOfTExtraInfo;
import dev.wharf.server.srm.v22.ObjectFactory;
import dev.wharf.server.srm.v22.SrmPingRequest;
import dev.wharf.server.srm.v22.SrmPingResponse;
import dev.wharf.server.srm.v22.TExtraInfo;

/** srmPing: the protocol version ({@code v2.2}, which gfal2 checks) and what the backend is. */
public final class SrmPing implements SrmOperation<SrmPingRequest, SrmPingResponse> {

    private static final ObjectFactory F = new ObjectFactory();

    @Override
    public String name() {
        return "srmPing";
    }

    @Override
    public Class<SrmPingRequest> requestType() {
        return SrmPingRequest.class;
    }

    @Override
    public SrmPingResponse handle(SrmSession session, SrmPingRequest request) {
        SrmPingResponse response = new SrmPingResponse();
        response.setVersionInfo("v2.2");
        ArrayOfTExtraInfo info = new ArrayOfTExtraInfo();
        info.getExtraInfoArray().add(extra("backend_type", "Wharf"));
        String version = SrmPing.class.getPackage().getImplementationVersion();
        info.getExtraInfoArray().add(extra("backend_version", version == null ? "development" : version));
        response.setOtherInfo(F.createSrmPingResponseOtherInfo(info));
        return response;
    }

    private static TExtraInfo extra(String key, String value) {
        TExtraInfo e = new TExtraInfo();
        e.setKey(key);
        e.setValue(F.createTExtraInfoValue(value));
        return e;
    }
}
