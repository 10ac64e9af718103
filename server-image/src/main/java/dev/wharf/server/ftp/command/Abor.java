package dev.wharf.server.ftp.command;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.ftp.TransferHandle;

/**
 * ABOR (RFC 959, PROTOCOLS.md §1.7): with a transfer running, it is stopped and ends with its own
 * 426, then ABOR answers 226; without one, any arranged data connection is dropped and ABOR answers 226.
 */
public final class Abor implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) {
        TransferHandle running = session.transfer();
        FtpReply ok = FtpReply.of(226, "Abort successful");
        if (running == null) {
            session.dataEndpoint(null);
            session.dropCachedDataConnections();
            return ok;
        }
        running.abort("ABOR from client");
        return new Outcome.AfterTransfer(ok);
    }
}
