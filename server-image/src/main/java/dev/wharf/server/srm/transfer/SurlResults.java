package dev.wharf.server.srm.transfer;

import dev.wharf.server.srm.v22.TStatusCode;
import java.util.List;

/**
 * The answer of srmPutDone, srmReleaseFiles or srmAbortFiles: a request-level status summarising the
 * per-SURL ones (GFD.129: all succeeded, some, or none).
 */
public record SurlResults(TStatusCode status, String explanation, List<SurlResult> files) {

    public static SurlResults refused(TStatusCode status, String explanation) {
        return new SurlResults(status, explanation, List.of());
    }

    static SurlResults of(List<SurlResult> files) {
        long good = files.stream().filter(f -> f.status() == TStatusCode.SRM_SUCCESS).count();
        if (good == files.size()) {
            return new SurlResults(TStatusCode.SRM_SUCCESS, "", files);
        }
        return good == 0
                ? new SurlResults(TStatusCode.SRM_FAILURE, "no file succeeded", files)
                : new SurlResults(TStatusCode.SRM_PARTIAL_SUCCESS, "some files failed", files);
    }
}
