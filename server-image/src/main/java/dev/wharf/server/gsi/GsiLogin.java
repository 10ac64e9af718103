package dev.wharf.server.gsi;

import dev.wharf.server.auth.Identity;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an authenticated GSI principal plus the FTP {@code USER} argument into the session
 * {@link Identity}. {@code :globus-mapping:} asks for the grid-mapfile's default account; any other name
 * must be listed for the DN. Without a grid-mapfile every validated DN logs in as itself (no local
 * account) and explicit account names are refused, since nothing says the DN may use them.
 */
public final class GsiLogin {

    /** The user name Globus clients send to ask for the default mapping. */
    public static final String GLOBUS_MAPPING = ":globus-mapping:";

    private GsiLogin() {
    }

    public static Identity identify(String principal, String user, Optional<GridMap> gridMap)
            throws LoginRefusedException {
        boolean defaultMapping = user == null || user.isEmpty() || user.equals(GLOBUS_MAPPING);
        if (gridMap.isEmpty()) {
            if (!defaultMapping) {
                throw new LoginRefusedException("no grid-mapfile: " + principal + " may not log in as '" + user + "'");
            }
            return new Identity(principal, Identity.Method.GSI, Set.of(), null);
        }
        GridMap map = gridMap.get();
        GridMap.Entry entry = map.lookup(principal).orElseThrow(() ->
                new LoginRefusedException("DN not in the grid-mapfile: " + principal));
        if (defaultMapping) {
            return new Identity(principal, Identity.Method.GSI, Set.of(), entry.accounts().get(0));
        }
        if (!entry.accounts().contains(user)) {
            throw new LoginRefusedException("grid-mapfile does not allow " + principal + " to log in as '" + user + "'");
        }
        return new Identity(principal, Identity.Method.GSI, Set.of(), user);
    }
}
