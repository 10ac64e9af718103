package dev.wharf.server.gridftp;

import dev.wharf.server.auth.Identity;
import dev.wharf.server.data.DataProtection;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.gsi.GsiLogin;
import dev.wharf.server.gsi.GsiService;
import dev.wharf.server.gsi.LoginRefusedException;
import dev.wharf.server.gss.SecurityContext;
import dev.wharf.server.gssftp.GssDialect;
import dev.wharf.server.gssftp.GssMechanism;
import dev.wharf.server.gssftp.GssSession;
import dev.wharf.server.gssftp.ProtectionLevel;
import dev.wharf.server.log.ClientMistakes;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * GSI on the gsiftp door: a Globus GSI acceptor per AUTH, the DN mapped by the grid-mapfile, data channels
 * protected as DCAU and PROT say ({@link DataSecurity}); PROT S/P needs DCAU A or S.
 */
record GsiMechanism(GsiService gsi, GridFtpRoots roots, ClientMistakes refusals) implements GssMechanism {

    GsiMechanism(GsiService gsi, GridFtpRoots roots) {
        // refusals come from unauthenticated peers: a loop of bad certificates must not flood the log
        this(gsi, roots, new ClientMistakes(LoggerFactory.getLogger(GsiMechanism.class), Level.WARN));
    }

    @Override
    public GssDialect dialect() {
        return GssDialect.GSI;
    }

    @Override
    public SecurityContext newContext() {
        return gsi.newAcceptor();
    }

    @Override
    public Identity identify(String principal, String requested) throws LoginRefusedException {
        return GsiLogin.identify(principal, requested, gsi.gridMap());
    }

    @Override
    public Optional<Path> rootFor(Identity identity) {
        return roots.rootFor(identity);
    }

    @Override
    public DataProtection dataProtection(FtpSession session, GssSession gss) {
        return DataSecurity.of(session).protection(gsi, gss);
    }

    @Override
    public void checkProt(FtpSession session, GssSession gss, ProtectionLevel level) throws FtpException {
        if (level != ProtectionLevel.CLEAR && !DataSecurity.of(session).dcau(gss).authenticates()) {
            throw new FtpException(503, "PROT " + level.letter() + " needs DCAU A or S");
        }
    }
}
