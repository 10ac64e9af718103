package dev.wharf.server.dcap;

import dev.wharf.server.auth.Identity;
import dev.wharf.server.gss.SecurityContext;
import dev.wharf.server.krb.KrbService;
import java.util.Set;

/**
 * krbdcap's mechanism: a Kerberos 5 context for {@code host/<name>@REALM} (libgssTunnel asks for
 * {@code host@<name of the door's address>}); the principal is the identity, its account from the principal map.
 */
record KrbTunnel(KrbService krb) implements TunnelMechanism {

    @Override
    public String name() {
        return "Kerberos";
    }

    @Override
    public SecurityContext newContext() {
        return krb.newAcceptor(krb.dcapPrincipal());
    }

    @Override
    public Identity identity(String principal) throws Refused {
        String account = krb.principalMap().account(principal)
                .orElseThrow(() -> new Refused(principal + " is not in the principal map", null));
        return new Identity(principal, Identity.Method.KERBEROS, Set.of(), account);
    }
}
