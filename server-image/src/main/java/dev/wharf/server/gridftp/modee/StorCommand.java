package dev.wharf.server.gridftp.modee;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;

/**
 * STOR in MODE E: blocks from every stream written at their offsets, atomically replacing the file
 * (after a MODE E REST: in place, the client sends only what is missing); MODE S: the FTP door's STOR.
 */
final class StorCommand implements FtpCommand {

    private final FtpCommand ftpStor;
    private final ModeESettings settings;

    StorCommand(FtpCommand ftpStor, ModeESettings settings) {
        this.ftpStor = ftpStor;
        this.settings = settings;
    }

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        if (!ModeEState.on(session)) {
            settings.allocation().applyAsLong(session); // a stream-mode upload uses up its ALLO too
            return ftpStor.execute(session, argument);
        }
        if (argument.isEmpty()) {
            throw new FtpException(501, "STOR needs a file name");
        }
        return ModeETransfers.upload(session, settings, argument, 0);
    }
}
