package dev.wharf.server.krbftp;

import dev.wharf.server.auth.Identity;
import dev.wharf.server.data.DataProtection;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.gridftp.GridFtpRoots;
import dev.wharf.server.gsi.LoginRefusedException;
import dev.wharf.server.gss.SecurityContext;
import dev.wharf.server.gssftp.GssDialect;
import dev.wharf.server.gssftp.GssMechanism;
import dev.wharf.server.gssftp.GssSession;
import dev.wharf.server.gssftp.ProtectionLevel;
import dev.wharf.server.krb.KrbAcceptor;
import dev.wharf.server.krb.KrbService;
import dev.wharf.server.log.ClientMistakes;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Kerberos 5 on the krbftp door: an acceptor for the door's service principal per AUTH; the account from the
 * principal map, and USER may name it, the principal, or nobody ({@code anonymous}, {@code ftp} or nothing, what
 * clients send when the user named nobody); the identity, and so the ACL principal, is the Kerberos principal.
 * PROT S/P data channels carry blocks wrapped by the session's context ({@link KrbDataProtection}).
 */
record KrbMechanism(KrbService krb, GridFtpRoots roots, ClientMistakes refusals) implements GssMechanism {

    private static final Set<String> NOBODY_NAMED = Set.of("", "anonymous", "ftp");

    KrbMechanism(KrbService krb, GridFtpRoots roots) {
        // refusals come from unauthenticated peers: a loop of bad tickets must not flood the log
        this(krb, roots, new ClientMistakes(LoggerFactory.getLogger(KrbMechanism.class), Level.WARN));
    }

    @Override
    public GssDialect dialect() {
        return GssDialect.KERBEROS;
    }

    @Override
    public SecurityContext newContext() {
        return krb.newAcceptor(krb.ftpPrincipal());
    }

    @Override
    public Identity identify(String principal, String requested) throws LoginRefusedException {
        Optional<String> account = krb.principalMap().account(principal);
        if (account.isEmpty()) {
            throw new LoginRefusedException(principal + " is not in the principal map");
        }
        if (!(NOBODY_NAMED.contains(requested) || requested.equals(account.get()) || requested.equals(principal))) {
            throw new LoginRefusedException(principal + " may not log in as '" + requested + "'");
        }
        return new Identity(principal, Identity.Method.KERBEROS, Set.of(), account.get());
    }

    @Override
    public Optional<Path> rootFor(Identity identity) {
        return roots.rootFor(identity);
    }

    @Override
    public DataProtection dataProtection(FtpSession session, GssSession gss) {
        return gss.level() == ProtectionLevel.CLEAR || !gss.established() ? DataProtection.CLEAR
                : new KrbDataProtection(gss.context(KrbAcceptor.class), gss.level() == ProtectionLevel.PRIVATE, gss.pbsz());
    }
}
