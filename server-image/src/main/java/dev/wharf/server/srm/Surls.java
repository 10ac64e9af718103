package dev.wharf.server.srm;

import dev.wharf.server.srm.v22.TStatusCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The storage path of a SURL. Both forms clients send are accepted:
 * {@code srm://host:port/srm/managerv2?SFN=/path} (gfal2, FTS) and the short {@code srm://host:port/path}.
 * The host is not checked against ours (a site may have several names); the path is a jail path, checked
 * by the session's storage like any other.
 */
public final class Surls {

    private static final String SFN = "SFN=";

    private Surls() {}

    public static String path(String surl) throws SrmException {
        if (surl == null || surl.isBlank()) {
            throw new SrmException(TStatusCode.SRM_INVALID_PATH, "empty SURL");
        }
        URI uri;
        try {
            uri = new URI(surl.strip());
        } catch (URISyntaxException e) {
            throw new SrmException(TStatusCode.SRM_INVALID_PATH, "not a SURL: " + e.getMessage());
        }
        if (!"srm".equalsIgnoreCase(uri.getScheme())) {
            throw new SrmException(TStatusCode.SRM_INVALID_PATH, "not an srm:// SURL: " + surl);
        }
        String query = uri.getRawQuery();
        String path;
        if (query != null && query.contains(SFN)) {
            // the SFN value runs to the end: it may itself hold '&' or '?' characters of the file name
            String raw = surl.substring(surl.indexOf(SFN) + SFN.length());
            path = decode(raw);
        } else {
            path = uri.getPath();
        }
        if (path == null || path.isEmpty()) {
            throw new SrmException(TStatusCode.SRM_INVALID_PATH, "SURL without a path: " + surl);
        }
        if (path.indexOf('\0') >= 0) {
            throw new SrmException(TStatusCode.SRM_INVALID_PATH, "NUL byte in SURL");
        }
        return path.startsWith("/") ? path : "/" + path;
    }

    /** Percent escapes are decoded; '+' stays a plus (a file name character, not a space). */
    private static String decode(String raw) throws SrmException {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SrmException(TStatusCode.SRM_INVALID_PATH, "bad escape in SFN: " + e.getMessage());
        }
    }
}
