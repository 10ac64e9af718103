package dev.wharf.server.gssftp;

import dev.wharf.server.auth.Identity;
import dev.wharf.server.ftp.ControlProtection;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.gsi.ProtectedMessages;
import dev.wharf.server.gsi.ProtectedMessages.Protection;
import dev.wharf.server.gss.SecurityContext;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session's RFC 2228 state on a GSS door: the security context from AUTH GSSAPI, whether ADAT established
 * it, the identity a USER mapped when PASS finishes the login, PBSZ and PROT; once established, the control
 * channel's protection. Commands come as {@code MIC} (integrity), {@code ENC} or {@code CONF}; each reply is
 * wrapped the way the last command came, cut and terminated as the door's {@link GssDialect} says.
 */
public final class GssSession implements ControlProtection, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GssSession.class);

    private final String door;
    private GssDialect dialect;
    private SecurityContext context;
    private Identity pendingIdentity;
    private int pbsz = -1;
    private ProtectionLevel level = ProtectionLevel.CLEAR;
    private volatile Protection lastProtection;
    private volatile boolean broken;

    private GssSession(String door) {
        this.door = door;
    }

    /** The session's GSS state, made on first use. */
    public static GssSession of(FtpSession session) {
        return session.extension(GssSession.class, () -> new GssSession(session.door()));
    }

    /** AUTH GSSAPI: a fresh context replaces any earlier one, not yet established. */
    void begin(SecurityContext fresh, GssDialect doorDialect) {
        dropContext();
        context = fresh;
        dialect = doorDialect;
        lastProtection = doorDialect.firstReply();
    }

    SecurityContext context() {
        return context;
    }

    /** The context as the door's own mechanism type made it ({@link GssMechanism#newContext}). */
    public <T extends SecurityContext> T context(Class<T> type) {
        return type.cast(context);
    }

    /** A refused or abandoned exchange: the context is disposed; AUTH may start again. */
    void dropContext() {
        if (context != null) {
            context.dispose();
        }
        context = null;
    }

    /** ADAT completed the exchange: the control channel is protected, USER may log in. */
    public boolean established() {
        return context != null && context.isEstablished();
    }

    Identity pendingIdentity() {
        return pendingIdentity;
    }

    void pendingIdentity(Identity identity) {
        pendingIdentity = identity;
    }

    /** The agreed PBSZ, or -1 before PBSZ. */
    public int pbsz() {
        return pbsz;
    }

    void pbsz(int size) {
        pbsz = size;
    }

    public ProtectionLevel level() {
        return level;
    }

    void level(ProtectionLevel value) {
        level = value;
    }

    @Override
    public String unwrap(String verb, String argument) throws FtpException {
        Protection protection = Protection.forVerb(verb);
        SecurityContext.Unwrapped unwrapped;
        try {
            byte[] token = ProtectedMessages.decodeToken(argument.strip());
            unwrapped = context.unwrap(token, 0, token.length);
        } catch (IllegalArgumentException e) {
            throw new FtpException(501, "Malformed " + verb + " token");
        } catch (IOException e) {
            LOG.info("{}: undecodable {} token, closing: {}", door, verb, e.getMessage());
            broken = true;
            throw new FtpException(535, verb + " token failed integrity check");
        }
        if (protection != Protection.MIC && !unwrapped.confidential()) {
            broken = true;
            throw new FtpException(535, verb + " token was not encrypted");
        }
        lastProtection = dialect.replyTo(protection);
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
            for (String line : ProtectedMessages.wrapReply(plain -> context.wrap(plain, 0, plain.length, confidential),
                    protection, reply.render(), dialect.split())) {
                out.append(line).append(dialect.lineEnd());
            }
            return out.toString();
        } catch (IOException e) {
            LOG.warn("{}: cannot wrap reply {}: {}", door, reply.code(), e.getMessage());
            broken = true;
            return reply.render();
        }
    }

    @Override
    public void close() {
        dropContext();
    }
}
