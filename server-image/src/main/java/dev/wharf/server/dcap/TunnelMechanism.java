package dev.wharf.server.dcap;

import dev.wharf.server.auth.Identity;
import java.io.IOException;

/**
 * The GSS mechanism inside one of libdcap's tunnels ({@code libgsiTunnel.so}: GSI; {@code libgssTunnel.so}:
 * Kerberos 5). Both speak the same framing ({@link TunnelHandler}); only the security context differs.
 */
interface TunnelMechanism {

    /** A fresh acceptor for one connection. */
    Context newContext();

    /** One connection's security context, acceptor side. */
    interface Context {

        /** One token from the client; returns the token to send back (empty: nothing). */
        byte[] accept(byte[] token) throws Refused;

        boolean isEstablished();

        /** Who the established client is; refused when it may not log in. */
        Identity identity() throws Refused;

        /** gss_wrap with confidentiality, as both tunnel libraries ask. */
        byte[] wrap(byte[] plain) throws IOException;

        byte[] unwrap(byte[] token) throws IOException;

        void dispose();
    }

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
