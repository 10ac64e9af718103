package dev.wharf.server.ftp.command;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;

/**
 * CCC (RFC 4217 §12.3): drop TLS from the control channel. Refused with 533 unless tls.allow-ccc,
 * because it lets anyone on the path read and change later commands.
 */
public final class Ccc implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        if (!session.tlsControl()) {
            throw new FtpException(533, "The control connection is not protected");
        }
        if (!session.settings().allowCcc() || session.settings().implicitTls()) {
            throw new FtpException(533, "CCC is not allowed on this server");
        }
        session.tlsControl(false);
        return new Outcome.StopTls(FtpReply.of(200, "CCC OK, the control connection is now clear"));
    }
}
