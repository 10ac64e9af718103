package dev.wharf.server.gridftp.modee;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.InlineCommand;
import dev.wharf.server.ftp.Outcome;

/**
 * REST in MODE E: {@code a-b,c-d} are the byte ranges the receiver already has; the next RETR sends
 * only the rest, the next STOR/ESTO writes in place (a plain number n means 0-n). MODE S: the FTP
 * door's REST.
 */
final class RestCommand implements InlineCommand {

    private final FtpCommand ftpRest;

    RestCommand(FtpCommand ftpRest) {
        this.ftpRest = ftpRest;
    }

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        if (!ModeEState.on(session)) {
            return ftpRest.execute(session, argument);
        }
        String arg = argument.strip();
        ByteRanges ranges;
        try {
            ranges = ByteRanges.parse(arg.matches("\\d+") ? "0-" + arg : arg);
        } catch (IllegalArgumentException e) {
            throw new FtpException(501, "REST in MODE E needs ranges like 0-1000,2000-3000");
        }
        ModeEState.of(session).restart(ranges);
        return FtpReply.of(350, "Restart Marker OK. Send STORE or RETR to initiate transfer.");
    }
}
