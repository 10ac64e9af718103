package dev.wharf.server.gssftp;

import dev.wharf.server.auth.Identity;
import dev.wharf.server.data.DataProtection;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.gsi.LoginRefusedException;
import dev.wharf.server.gss.SecurityContext;
import dev.wharf.server.log.ClientMistakes;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The part of an RFC 2228 door that belongs to its GSS mechanism (GSI on gsiftp, Kerberos 5 on krbftp); the
 * commands of {@code gssftp} ask it, and nothing else, what differs between the doors.
 */
public interface GssMechanism {

    GssDialect dialect();

    /** A fresh acceptor for AUTH GSSAPI. */
    SecurityContext newContext();

    /**
     * The identity {@code principal} (authenticated by ADAT) logs in as when USER names {@code requested}.
     *
     * @throws LoginRefusedException when it may not; the message says why (logged, and in the reply when the
     *                               dialect says so)
     */
    Identity identify(String principal, String requested) throws LoginRefusedException;

    /** Where a session of {@code identity} is jailed; empty when it has no storage (the login is then 530). */
    Optional<Path> rootFor(Identity identity);

    /** What the session's next data channels get, from its PBSZ, PROT and the mechanism's own settings. */
    DataProtection dataProtection(FtpSession session, GssSession gss);

    /** Refuses PROT {@code level} when the mechanism's own settings do not allow it (GSI: DCAU N); 503. */
    default void checkProt(FtpSession session, GssSession gss, ProtectionLevel level) throws FtpException {
    }

    /** The door's rate-limited log of refused clients: they can repeat themselves in a loop. */
    ClientMistakes refusals();
}
