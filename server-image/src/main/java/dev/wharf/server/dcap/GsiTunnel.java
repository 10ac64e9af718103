package dev.wharf.server.dcap;

import dev.wharf.server.auth.Identity;
import dev.wharf.server.gsi.GsiAcceptor;
import dev.wharf.server.gsi.GsiAuthenticationException;
import dev.wharf.server.gsi.GsiLogin;
import dev.wharf.server.gsi.GsiService;
import dev.wharf.server.gsi.LoginRefusedException;
import java.io.IOException;

/** gsidcap's mechanism: a GSI context (mutual authentication, no delegation), the DN mapped by the grid-mapfile. */
final class GsiTunnel implements TunnelMechanism {

    private final GsiService gsi;

    GsiTunnel(GsiService gsi) {
        this.gsi = gsi;
    }

    @Override
    public Context newContext() {
        GsiAcceptor acceptor = gsi.newAcceptor();
        return new Context() {
            @Override
            public byte[] accept(byte[] token) throws Refused {
                try {
                    return acceptor.accept(token);
                } catch (GsiAuthenticationException e) {
                    throw new Refused("GSI authentication failed: " + e.getMessage(), e.outputToken());
                }
            }

            @Override
            public boolean isEstablished() {
                return acceptor.isEstablished();
            }

            @Override
            public Identity identity() throws Refused {
                try {
                    return GsiLogin.identify(acceptor.principal(), GsiLogin.GLOBUS_MAPPING, gsi.gridMap());
                } catch (LoginRefusedException e) {
                    throw new Refused(e.getMessage(), null);
                }
            }

            @Override
            public byte[] wrap(byte[] plain) throws IOException {
                return acceptor.wrap(plain);
            }

            @Override
            public byte[] unwrap(byte[] token) throws IOException {
                return acceptor.unwrap(token);
            }

            @Override
            public void dispose() {
                acceptor.dispose();
            }
        };
    }
}
