package dev.wharf.server.gridftp;

import dev.wharf.server.auth.Identity;
import dev.wharf.server.ftp.ControlProtection;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.gsi.GsiAcceptor;
import dev.wharf.server.gsi.ProtectedMessages;
import dev.wharf.server.gsi.ProtectedMessages.Protection;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One gsiftp session's GSSAPI state (RFC 2228): the acceptor from AUTH GSSAPI, whether ADAT
 * established it, the identity USER mapped; and, once established, the control channel's protection.
 * Replies are wrapped with the protection of the last protected command (632 after ENC).
 */
final class GsiSession implements ControlProtection, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GsiSession.class);

    private GsiAcceptor acceptor;

    /** The session's GSSAPI state, made on first use. */
    static GsiSession of(FtpSession session) {
        return session.extension(GsiSession.class, GsiSession::new);
    }

    private boolean established;
    private Identity pendingIdentity;
    private volatile Protection lastProtection = Protection.ENC;
    private volatile boolean broken;

    GsiAcceptor acceptor() {
        return acceptor;
    }

    void acceptor(GsiAcceptor acceptor) {
        dropAcceptor();
        this.acceptor = acceptor;
        this.established = false;
    }

    boolean established() {
        return established;
    }

    void established(boolean value) {
        this.established = value;
    }

    Identity pendingIdentity() {
        return pendingIdentity;
    }

    void pendingIdentity(Identity identity) {
        this.pendingIdentity = identity;
    }

    void dropAcceptor() {
        if (acceptor != null) {
            acceptor.dispose();
        }
        acceptor = null;
        established = false;
    }

    @Override
    public String unwrap(String verb, String argument) throws FtpException {
        try {
            String line = ProtectedMessages.unwrapCommand(acceptor, argument.strip());
            lastProtection = Protection.forVerb(verb);
            return line;
        } catch (IllegalArgumentException e) {
            throw new FtpException(501, "Malformed " + verb + " token");
        } catch (SSLException e) {
            LOG.info("gridftp: undecodable {} token, closing: {}", verb, e.getMessage());
            broken = true;
            throw new FtpException(535, verb + " token failed integrity check");
        }
    }

    @Override
    public String wrap(FtpReply reply) {
        if (broken) {
            return reply.render(); // the client cannot unwrap any more: the reply before the close is clear
        }
        try {
            StringBuilder out = new StringBuilder();
            for (String line : ProtectedMessages.wrapReply(acceptor, lastProtection, reply.render())) {
                out.append(line).append("\r\n");
            }
            return out.toString();
        } catch (SSLException e) {
            // The context is broken; the client cannot read anything we send any more.
            LOG.warn("gridftp: cannot wrap reply {}: {}", reply.code(), e.getMessage());
            broken = true;
            return reply.render();
        }
    }

    @Override
    public void close() {
        dropAcceptor();
    }
}
