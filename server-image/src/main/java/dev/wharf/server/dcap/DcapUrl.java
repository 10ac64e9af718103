package dev.wharf.server.dcap;

import dev.wharf.server.fs.StorageException;
import dev.wharf.server.fs.VirtualPaths;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Turns the path argument of a request into a jail path. libdcap sends {@code [tunnel]dcap://host/path} (the
 * port dropped, the path percent-encoded); a bare absolute path is accepted too (rename's target).
 * The result is normalised by {@link VirtualPaths}: {@code ..} above the root and NUL are refused.
 */
public final class DcapUrl {

    private DcapUrl() {}

    public static String toPath(String argument) throws DcapProtocolException, StorageException {
        String rest = argument;
        int scheme = rest.indexOf("://");
        if (scheme >= 0) {
            String name = rest.substring(0, scheme).toLowerCase(java.util.Locale.ROOT);
            // libdcap keeps the tunnel prefix in the URL it sends: gsidcap://, gssdcap:// (Kerberos)...
            if (!name.matches("[a-z0-9]{0,16}dcap")) {
                throw new DcapProtocolException("not a dcap URL: " + name + "://");
            }
            rest = rest.substring(scheme + 3);
            int slash = rest.indexOf('/');
            rest = slash < 0 ? "/" : rest.substring(slash);
        }
        if (!rest.startsWith("/")) {
            throw new DcapProtocolException("path must be absolute");
        }
        return VirtualPaths.resolve("/", percentDecode(rest));
    }

    static String percentDecode(String s) throws DcapProtocolException {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '%') {
                out.write(c);
                continue;
            }
            if (i + 2 >= s.length()) {
                throw new DcapProtocolException("truncated %-escape in path");
            }
            int hi = Character.digit(s.charAt(i + 1), 16);
            int lo = Character.digit(s.charAt(i + 2), 16);
            if (hi < 0 || lo < 0) {
                throw new DcapProtocolException("bad %-escape in path");
            }
            out.write(hi * 16 + lo);
            i += 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
