package dev.wharf.server.srm.transfer;

import java.util.List;

/**
 * The answer of srmPutDone, srmReleaseFiles or srmAbortFiles: a request-level status summarising the
 * per-SURL ones (GFD.129: all succeeded, some, or none).
 */
public record SurlResults(SrmStatus status, String explanation, List<SurlResult> files) {

    public static SurlResults refused(SrmStatus status, String explanation) {
        return new SurlResults(status, explanation, List.of());
    }

    static SurlResults of(List<SurlResult> files) {
        long good = files.stream().filter(f -> f.status() == SrmStatus.SRM_SUCCESS).count();
        if (good == files.size()) {
            return new SurlResults(SrmStatus.SRM_SUCCESS, "", files);
        }
        return good == 0
                ? new SurlResults(SrmStatus.SRM_FAILURE, "no file succeeded", files)
                : new SurlResults(SrmStatus.SRM_PARTIAL_SUCCESS, "some files failed", files);
    }
}
