package dev.wharf.server.ftp.command;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Listings;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.ftp.TransferHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * STAT: 211 session status (with the running transfer's progress, so it works mid-transfer);
 * STAT path: 213 with the LIST lines on the control channel.
 */
public final class Stat implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        if (!argument.isBlank()) {
            Listings.Selection selection = Listings.select(session, argument);
            List<String> lines = List.of(Listings.longFormat(session, selection).split("\r\n"));
            return FtpReply.multi(213, "Status of " + selection.path() + ":",
                    lines.size() == 1 && lines.get(0).isEmpty() ? List.of() : lines, "End of status");
        }
        List<String> body = new ArrayList<>();
        body.add(" Connected from " + session.client().getAddress().getHostAddress());
        body.add(" Logged in as " + session.who());
        body.add(" TYPE: " + (session.type() == FtpSession.Type.ASCII ? "ASCII" : "BINARY") + ", STRU: F, MODE: S");
        body.add(" Control connection " + (session.tlsControl() ? "protected by TLS" : "in clear")
                + ", data connections " + (session.protectData() ? "protected (PROT P)" : "in clear (PROT C)"));
        TransferHandle t = session.transfer();
        if (t != null) {
            body.add(" Transfer of " + t.transfer().path() + " in progress: " + t.progress().get() + " bytes in "
                    + t.elapsed().toMillis() + " ms");
        } else {
            body.add(" No transfer in progress");
        }
        return FtpReply.multi(211, "Wharf FTP server status:", body, "End of status");
    }
}
