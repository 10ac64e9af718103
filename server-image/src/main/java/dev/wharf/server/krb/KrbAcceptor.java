package dev.wharf.server.krb;

import dev.wharf.server.gss.SecurityContext;
import java.io.IOException;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.MessageProp;

/**
 * The acceptor side of one Kerberos 5 GSS-API context (RFC 4121, through the JDK's {@code org.ietf.jgss}): feed
 * each token of the client to {@link #accept} until {@link #isEstablished}; afterwards {@link #wrap} and
 * {@link #unwrap} protect messages. No channel bindings are checked: clients send their socket addresses
 * (curl even 12 bytes of one), which a PROXY-fronted or NATed server cannot reproduce. Methods are
 * synchronized: the control channel and the data channels of a session share the context and its sequence
 * numbers. A failing wrap or unwrap is an {@link IOException} whose message is the GSS-API's.
 */
public final class KrbAcceptor implements SecurityContext {

    private final GSSContext context;
    private String principal;

    KrbAcceptor(GSSContext context) {
        this.context = context;
    }

    /**
     * One token from the client; returns the token to send back (empty when there is none).
     *
     * @throws KrbRefusedException when the client is refused (bad, expired, replayed or foreign ticket); the
     *                             context is unusable afterwards
     */
    @Override
    public synchronized byte[] accept(byte[] token) throws KrbRefusedException {
        try {
            byte[] out = context.acceptSecContext(token, 0, token.length);
            if (context.isEstablished()) {
                principal = context.getSrcName().toString();
            }
            return out == null ? new byte[0] : out;
        } catch (GSSException e) {
            throw new KrbRefusedException(KrbFailures.describe(e), e);
        } catch (RuntimeException e) {
            // the JDK's token parsers throw unchecked exceptions on some malformed input
            throw new KrbRefusedException("malformed token: " + e, e);
        }
    }

    @Override
    public synchronized boolean isEstablished() {
        return context.isEstablished();
    }

    /** The client's principal ({@code alice@EXAMPLE.ORG}) once established. */
    @Override
    public synchronized String principal() {
        return principal;
    }

    /** gss_wrap: integrity always, confidentiality when {@code confidential}. */
    @Override
    public synchronized byte[] wrap(byte[] plain, int offset, int length, boolean confidential) throws IOException {
        try {
            return context.wrap(plain, offset, length, new MessageProp(0, confidential));
        } catch (GSSException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** gss_unwrap; a replayed token is refused like a forged one. */
    @Override
    public synchronized Unwrapped unwrap(byte[] token, int offset, int length) throws IOException {
        MessageProp prop = new MessageProp(0, false);
        byte[] plain;
        try {
            plain = context.unwrap(token, offset, length, prop);
        } catch (GSSException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (prop.isDuplicateToken()) {
            throw new IOException("The token was a duplicate of an earlier token (token seen before)");
        }
        return new Unwrapped(plain, prop.getPrivacy());
    }

    /** The largest plain message whose wrapped token fits {@code maxToken} bytes. */
    public synchronized int wrapSizeLimit(int maxToken, boolean confidential) throws GSSException {
        return context.getWrapSizeLimit(0, confidential, maxToken);
    }

    @Override
    public synchronized void dispose() {
        try {
            context.dispose();
        } catch (GSSException ignored) {
            // nothing left to release
        }
    }
}
