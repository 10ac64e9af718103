package dev.wharf.server.ftp.command;

import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.InlineCommand;
import dev.wharf.server.ftp.Outcome;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Locale;

/**
 * EPSV [1|2|ALL] (RFC 2428): 229 (|||port|). The reply carries no address, so the client connects
 * to the control connection's address; when data.interface differs from it, EPSV would send the
 * client to a port nobody listens on. Wharf then refuses EPSV with 522 and clients fall back to PASV,
 * which advertises the data interface (docs/ftp.md, "EPSV and a separate data interface").
 */
public final class Epsv implements InlineCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        String arg = argument.strip().toUpperCase(Locale.ROOT);
        InetAddress data = session.services().dataChannels().dataInterface();
        if (arg.equals("ALL")) {
            session.epsvAll(true);
            return FtpReply.of(200, "EPSV ALL ok");
        }
        String family = data instanceof Inet4Address ? "1" : "2";
        if (!arg.isEmpty() && !arg.equals("1") && !arg.equals("2")) {
            throw new FtpException(501, "EPSV takes 1, 2 or ALL");
        }
        if (!arg.isEmpty() && !arg.equals(family)) {
            throw new FtpException(522, "Network protocol not supported, use (" + family + ")");
        }
        if (!data.equals(session.local().getAddress())) {
            throw new FtpException(522, "Data connections use another address than this control connection; use PASV");
        }
        int port = Pasv.listen(session).address().getPort();
        return FtpReply.of(229, "Entering Extended Passive Mode (|||" + port + "|)");
    }
}
