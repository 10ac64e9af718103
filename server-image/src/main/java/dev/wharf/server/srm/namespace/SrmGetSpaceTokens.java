package dev.wharf.server.srm.namespace;

import dev.wharf.server.srm.Jaxb;
import dev.wharf.server.srm.SrmOperation;
import dev.wharf.server.srm.SrmSession;
import dev.wharf.server.srm.SrmStatus;
import dev.wharf.server.srm.v22.SrmGetSpaceTokensRequest;
import dev.wharf.server.srm.v22.SrmGetSpaceTokensResponse;
import dev.wharf.server.srm.v22.TStatusCode;

/**
 * srmGetSpaceTokens: Wharf reserves no space (srmReserveSpace is SRM_NOT_SUPPORTED), so there is never
 * a token. Asked for a description, that is {@code SRM_INVALID_REQUEST} (GFD.129: the description
 * refers to no space); asked for all, {@code SRM_SUCCESS} with none.
 */
public final class SrmGetSpaceTokens implements SrmOperation<SrmGetSpaceTokensRequest, SrmGetSpaceTokensResponse> {

    static final String NO_RESERVATIONS = "this server makes no space reservations";

    @Override
    public String name() {
        return "srmGetSpaceTokens";
    }

    @Override
    public Class<SrmGetSpaceTokensRequest> requestType() {
        return SrmGetSpaceTokensRequest.class;
    }

    @Override
    public SrmGetSpaceTokensResponse handle(SrmSession session, SrmGetSpaceTokensRequest request) {
        String description = Jaxb.value(request.getUserSpaceTokenDescription());
        SrmGetSpaceTokensResponse response = new SrmGetSpaceTokensResponse();
        response.setReturnStatus(description == null || description.isEmpty()
                ? SrmStatus.of(TStatusCode.SRM_SUCCESS, NO_RESERVATIONS)
                : SrmStatus.of(TStatusCode.SRM_INVALID_REQUEST, "no space is described as '" + description + "': " + NO_RESERVATIONS));
        return response;
    }
}
