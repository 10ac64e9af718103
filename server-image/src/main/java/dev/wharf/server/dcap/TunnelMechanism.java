package dev.wharf.server.dcap;

import dev.wharf.server.auth.Identity;
import dev.wharf.server.gss.SecurityContext;

/**
 * The GSS mechanism inside one of libdcap's tunnels ({@code libgsiTunnel.so}: GSI; {@code libgssTunnel.so}:
 * Kerberos 5). Both speak the same framing ({@link TunnelHandler}) over a {@link SecurityContext} (wrapped with
 * confidentiality, as both tunnel libraries ask); only the context and who its principal is differ.
 */
interface TunnelMechanism {

    /** "GSI", "Kerberos": in the refusal's log line. */
    String name();

    /** A fresh acceptor for one connection. */
    SecurityContext newContext();

    /** Who the established client {@code principal} is; refused when it may not log in. */
    Identity identity(String principal) throws Refused;

    /** The client is refused; {@link #outputToken} is what the mechanism wants sent back first, maybe empty. */
    final class Refused extends Exception {
        private final transient byte[] outputToken;

        Refused(String message, byte[] outputToken) {
            super(message);
            this.outputToken = outputToken == null ? new byte[0] : outputToken;
        }

        byte[] outputToken() {
            return outputToken;
        }
    }
}
