package dev.wharf.server.srm.transfer;

import dev.wharf.server.srm.v22.TStatusCode;
import java.util.List;

/**
 * A request as a prepare or status call reports it: its token, the request-level status and each file's.
 *
 * @param token            null when the call was refused before a request existed
 * @param remainingSeconds of the request's lifetime
 */
public record RequestView(String token, TStatusCode status, String explanation, long remainingSeconds, List<FileView> files) {

    /** A call refused as a whole (bad token, limits): no request, no files. */
    public static RequestView refused(TStatusCode status, String explanation) {
        return new RequestView(null, status, explanation, 0, List.of());
    }
}
