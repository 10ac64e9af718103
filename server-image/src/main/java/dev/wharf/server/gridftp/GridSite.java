package dev.wharf.server.gridftp;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import java.util.Locale;

/**
 * SITE on the gsiftp door: SITE CLIENTINFO (globus-url-copy announces its name and version) is
 * acknowledged with 200; everything else is the FTP door's SITE.
 */
final class GridSite implements FtpCommand {

    private final FtpCommand ftpSite;

    GridSite(FtpCommand ftpSite) {
        this.ftpSite = ftpSite;
    }

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        if (argument.strip().toUpperCase(Locale.ROOT).startsWith("CLIENTINFO")) {
            return FtpReply.of(200, "Client info noted");
        }
        return ftpSite.execute(session, argument);
    }
}
