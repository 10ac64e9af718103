package dev.wharf.server.dcap;

import dev.wharf.server.auth.Identity;
import dev.wharf.server.gsi.GsiLogin;
import dev.wharf.server.gsi.GsiService;
import dev.wharf.server.gsi.LoginRefusedException;
import dev.wharf.server.gss.SecurityContext;

/** gsidcap's mechanism: a GSI context (mutual authentication, no delegation), the DN mapped by the grid-mapfile. */
record GsiTunnel(GsiService gsi) implements TunnelMechanism {

    @Override
    public String name() {
        return "GSI";
    }

    @Override
    public SecurityContext newContext() {
        return gsi.newAcceptor();
    }

    @Override
    public Identity identity(String principal) throws Refused {
        try {
            return GsiLogin.identify(principal, GsiLogin.GLOBUS_MAPPING, gsi.gridMap());
        } catch (LoginRefusedException e) {
            throw new Refused(e.getMessage(), null);
        }
    }
}
