package dev.wharf.server.gridftp;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import java.util.Locale;
import java.util.Set;

/**
 * SITE on the gsiftp door: SITE CLIENTINFO (globus-url-copy announces its name and version) is
 * acknowledged with 200; SITE BUFSIZE n (and RETRBUFSIZE, STORBUFSIZE...) is {@link Sbuf}; everything
 * else is the FTP door's SITE.
 */
final class GridSite implements FtpCommand {

    /** The pre-SBUF spellings globus-url-copy looks for in SITE HELP; one buffer serves both directions. */
    static final Set<String> BUFFER_VERBS =
            Set.of("BUFSIZE", "RETRBUFSIZE", "RBUFSZ", "RBUFSIZ", "STORBUFSIZE", "SBUFSZ", "SBUFSIZ");

    private final FtpCommand ftpSite;
    private final FtpCommand sbuf = new Sbuf();

    GridSite(FtpCommand ftpSite) {
        this.ftpSite = ftpSite;
    }

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        String arg = argument.strip();
        String sub = arg.split(" ", 2)[0].toUpperCase(Locale.ROOT);
        if (sub.equals("CLIENTINFO")) {
            return FtpReply.of(200, "Client info noted");
        }
        if (BUFFER_VERBS.contains(sub)) {
            return sbuf.execute(session, arg.substring(sub.length()));
        }
        return ftpSite.execute(session, argument);
    }
}
