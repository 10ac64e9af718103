package dev.wharf.server.krb;

import dev.wharf.server.gsi.GsiInitiator;

/**
 * The client side of a GSS context as the test clients drive it, whatever the mechanism: GSI
 * ({@link GsiInitiator}) or Kerberos ({@link KrbInitiator}).
 */
public interface GssInitiator {

    /** The next token for the acceptor, given its last one (empty at the start). */
    byte[] initToken(byte[] token) throws Exception;

    boolean isEstablished();

    /** gss_wrap with confidentiality (ENC commands, tunnel lines). */
    byte[] wrap(byte[] plain) throws Exception;

    byte[] unwrap(byte[] token) throws Exception;

    static GssInitiator of(GsiInitiator gsi) {
        return new GssInitiator() {
            @Override
            public byte[] initToken(byte[] token) throws Exception {
                return gsi.initToken(token);
            }

            @Override
            public boolean isEstablished() {
                return gsi.isEstablished();
            }

            @Override
            public byte[] wrap(byte[] plain) throws Exception {
                return gsi.wrap(plain);
            }

            @Override
            public byte[] unwrap(byte[] token) throws Exception {
                return gsi.unwrap(token);
            }
        };
    }
}
