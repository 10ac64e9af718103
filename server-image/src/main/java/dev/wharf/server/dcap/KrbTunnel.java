package dev.wharf.server.dcap;

import dev.wharf.server.auth.Identity;
import dev.wharf.server.krb.KrbAcceptor;
import dev.wharf.server.krb.KrbRefusedException;
import dev.wharf.server.krb.KrbService;
import java.io.IOException;
import java.util.Set;

/**
 * krbdcap's mechanism: a Kerberos 5 context for {@code host/<name>@REALM} (libgssTunnel asks for
 * {@code host@<name of the door's address>}); the principal is the identity, its account from the principal map.
 */
final class KrbTunnel implements TunnelMechanism {

    private final KrbService krb;

    KrbTunnel(KrbService krb) {
        this.krb = krb;
    }

    @Override
    public Context newContext() {
        KrbAcceptor acceptor = krb.newAcceptor(krb.dcapPrincipal());
        return new Context() {
            @Override
            public byte[] accept(byte[] token) throws Refused {
                try {
                    return acceptor.accept(token);
                } catch (KrbRefusedException e) {
                    throw new Refused("Kerberos authentication failed: " + e.getMessage(), null);
                }
            }

            @Override
            public boolean isEstablished() {
                return acceptor.isEstablished();
            }

            @Override
            public Identity identity() throws Refused {
                String principal = acceptor.principal();
                String account = krb.principalMap().account(principal)
                        .orElseThrow(() -> new Refused(principal + " is not in the principal map", null));
                return new Identity(principal, Identity.Method.KERBEROS, Set.of(), account);
            }

            @Override
            public byte[] wrap(byte[] plain) throws IOException {
                return acceptor.wrap(plain, 0, plain.length, true);
            }

            @Override
            public byte[] unwrap(byte[] token) throws IOException {
                return acceptor.unwrap(token, 0, token.length).plain();
            }

            @Override
            public void dispose() {
                acceptor.dispose();
            }
        };
    }
}
