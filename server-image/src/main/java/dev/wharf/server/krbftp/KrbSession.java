package dev.wharf.server.krbftp;

import dev.wharf.server.data.DataProtection;
import dev.wharf.server.ftp.ControlProtection;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.gsi.ProtectedMessages;
import dev.wharf.server.gsi.ProtectedMessages.Protection;
import dev.wharf.server.krb.KrbAcceptor;
import java.io.IOException;
import org.ietf.jgss.GSSException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One krbftp session's RFC 2228 state: the Kerberos acceptor from AUTH GSSAPI, whether ADAT established
 * it, PBSZ and PROT; once established, the control channel's protection. Commands come as {@code MIC}
 * (integrity) or {@code ENC} (encrypted; curl sends PASS and, under PROT P, everything that way); each
 * reply is wrapped the way the last command came, line by line ({@link ProtectedMessages.Split#LINES}),
 * as 631 or 632, each line ending in a bare LF ({@link FtpReply#bareLf}).
 */
final class KrbSession implements ControlProtection, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KrbSession.class);
    /** The largest protection buffer we agree to (PBSZ): a data token is read into memory whole. */
    static final int MAX_PBSZ = 1 << 20;

    /** PROT levels (RFC 2228): C clear, S integrity, P integrity and confidentiality. */
    enum Level { CLEAR, SAFE, PRIVATE }

    private KrbAcceptor acceptor;
    private boolean established;
    private int pbsz = -1;
    private Level level = Level.CLEAR;
    private volatile Protection lastProtection = Protection.MIC;
    private volatile boolean broken;

    static KrbSession of(FtpSession session) {
        return session.extension(KrbSession.class, KrbSession::new);
    }

    KrbAcceptor acceptor() {
        return acceptor;
    }

    void acceptor(KrbAcceptor fresh) {
        dropAcceptor();
        acceptor = fresh;
    }

    void dropAcceptor() {
        if (acceptor != null) {
            acceptor.dispose();
        }
        acceptor = null;
        established = false;
    }

    boolean established() {
        return established;
    }

    void established(boolean value) {
        established = value;
    }

    int pbsz() {
        return pbsz;
    }

    void pbsz(int size) {
        pbsz = size;
    }

    void level(Level value) {
        level = value;
    }

    /** What the next data channels get: clear, or every block wrapped by this session's context. */
    DataProtection dataProtection() {
        return level == Level.CLEAR || !established ? DataProtection.CLEAR
                : new KrbDataProtection(acceptor, level == Level.PRIVATE, pbsz);
    }

    @Override
    public String unwrap(String verb, String argument) throws FtpException {
        Protection protection = Protection.forVerb(verb);
        KrbAcceptor.Unwrapped unwrapped;
        try {
            byte[] token = ProtectedMessages.decodeToken(argument.strip());
            unwrapped = acceptor.unwrap(token, 0, token.length);
        } catch (IllegalArgumentException e) {
            throw new FtpException(501, "Malformed " + verb + " token");
        } catch (GSSException e) {
            LOG.info("krbftp: undecodable {} token, closing: {}", verb, e.getMessage());
            broken = true;
            throw new FtpException(535, verb + " token failed integrity check");
        }
        if (protection != Protection.MIC && !unwrapped.confidential()) {
            broken = true;
            throw new FtpException(535, verb + " token was not encrypted");
        }
        lastProtection = protection == Protection.MIC ? Protection.MIC : Protection.ENC;
        return ProtectedMessages.commandText(unwrapped.plain());
    }

    @Override
    public String wrap(FtpReply reply) {
        if (broken) {
            return reply.render(); // the client cannot unwrap any more: the reply before the close is clear
        }
        Protection protection = lastProtection;
        boolean confidential = protection != Protection.MIC;
        try {
            StringBuilder out = new StringBuilder();
            for (String line : ProtectedMessages.wrapReply(plain -> wrap(plain, confidential), protection, reply.render(),
                    ProtectedMessages.Split.LINES)) {
                out.append(line).append('\n'); // bare LF: see FtpReply.bareLf (curl 7.88)
            }
            return out.toString();
        } catch (IOException e) {
            LOG.warn("krbftp: cannot wrap reply {}: {}", reply.code(), e.getMessage());
            broken = true;
            return reply.render();
        }
    }

    private byte[] wrap(byte[] plain, boolean confidential) throws IOException {
        try {
            return acceptor.wrap(plain, 0, plain.length, confidential);
        } catch (GSSException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        dropAcceptor();
    }
}
