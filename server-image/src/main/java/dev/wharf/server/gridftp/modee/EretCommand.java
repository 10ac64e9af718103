package dev.wharf.server.gridftp.modee;

import dev.wharf.server.ftp.DownloadFile;
import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.ftp.PreparedTransfer;
import dev.wharf.server.ftp.PreparedTransfer.Preliminary;
import dev.wharf.server.ftp.TransferPayload;

/**
 * ERET P offset length path (GFD.20 partial retrieve): {@code length} bytes from {@code offset}, sent
 * as if they were a file of their own (MODE E block offsets count from {@code offset}), in the session's
 * transfer mode. Other modules: 504. 554 when the offset is beyond the end.
 */
final class EretCommand implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        String[] parts = PartialArguments.split(argument, "ERET", "P", 4, "ERET P <offset> <length> <path>");
        long offset = PartialArguments.number(parts[1], "offset");
        long length = PartialArguments.number(parts[2], "length");
        session.transferMode().requireReady(session, false);
        String path = session.resolve(parts[3]);
        session.takeRestOffset();
        DownloadFile file = DownloadFile.open(session, path, offset, "Offset");
        long n = Math.min(length, file.size() - offset);
        String what = path + " (" + n + " bytes)";
        String type = session.type() == FtpSession.Type.ASCII ? "ASCII" : "BINARY";
        return new Outcome.StartTransfer(PreparedTransfer.download(path,
                new TransferPayload.FileBytes(file.channel(), offset, n, offset),
                Preliminary.of("Opening " + type + " mode data connection for " + what, what)));
    }
}
