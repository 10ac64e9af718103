package dev.wharf.server.srm.namespace;

import dev.wharf.server.srm.SrmException;
import dev.wharf.server.srm.SrmOperation;
import dev.wharf.server.srm.SrmSession;
import dev.wharf.server.srm.SrmStatus;
import dev.wharf.server.srm.v22.ArrayOfTMetaDataSpace;
import dev.wharf.server.srm.v22.ObjectFactory;
import dev.wharf.server.srm.v22.SrmGetSpaceMetaDataRequest;
import dev.wharf.server.srm.v22.SrmGetSpaceMetaDataResponse;
import dev.wharf.server.srm.v22.TMetaDataSpace;
import dev.wharf.server.srm.v22.TStatusCode;
import java.util.List;

/**
 * srmGetSpaceMetaData: no token is ever issued, so each one asked about is {@code SRM_INVALID_REQUEST}
 * and the request {@code SRM_FAILURE}; an empty list is {@code SRM_INVALID_REQUEST}.
 */
public final class SrmGetSpaceMetaData implements SrmOperation<SrmGetSpaceMetaDataRequest, SrmGetSpaceMetaDataResponse> {

    private static final ObjectFactory F = new ObjectFactory();

    @Override
    public String name() {
        return "srmGetSpaceMetaData";
    }

    @Override
    public Class<SrmGetSpaceMetaDataRequest> requestType() {
        return SrmGetSpaceMetaDataRequest.class;
    }

    @Override
    public SrmGetSpaceMetaDataResponse handle(SrmSession session, SrmGetSpaceMetaDataRequest request) throws SrmException {
        List<String> tokens = request.getArrayOfSpaceTokens() == null ? List.of() : request.getArrayOfSpaceTokens().getStringArray();
        if (tokens.isEmpty()) {
            throw new SrmException(TStatusCode.SRM_INVALID_REQUEST, "no space token given");
        }
        ArrayOfTMetaDataSpace details = new ArrayOfTMetaDataSpace();
        for (String token : tokens.subList(0, Math.min(tokens.size(), 1000))) {
            TMetaDataSpace space = new TMetaDataSpace();
            space.setSpaceToken(token);
            space.setStatus(F.createTMetaDataSpaceStatus(SrmStatus.of(TStatusCode.SRM_INVALID_REQUEST,
                    "unknown space token: " + SrmGetSpaceTokens.NO_RESERVATIONS)));
            details.getSpaceDataArray().add(space);
        }
        SrmGetSpaceMetaDataResponse response = new SrmGetSpaceMetaDataResponse();
        response.setReturnStatus(SrmStatus.of(TStatusCode.SRM_FAILURE, SrmGetSpaceTokens.NO_RESERVATIONS));
        response.setArrayOfSpaceDetails(F.createSrmGetSpaceMetaDataResponseArrayOfSpaceDetails(details));
        return response;
    }
}
