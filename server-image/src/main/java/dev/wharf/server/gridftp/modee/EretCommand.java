package dev.wharf.server.gridftp.modee;

import dev.wharf.server.data.FileSender;
import dev.wharf.server.ftp.DownloadFile;
import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.ftp.PreparedTransfer;

/**
 * ERET P offset length path (GFD.20 partial retrieve): {@code length} bytes from {@code offset}, sent
 * as if they were a file of their own (MODE E block offsets count from {@code offset}). Other
 * modules: 504. 554 when the offset is beyond the end.
 */
final class EretCommand implements FtpCommand {

    private final ModeESettings settings;

    EretCommand(ModeESettings settings) {
        this.settings = settings;
    }

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        String[] parts = PartialArguments.split(argument, "ERET", "P", 4, "ERET P <offset> <length> <path>");
        long offset = PartialArguments.number(parts[1], "offset");
        long length = PartialArguments.number(parts[2], "length");
        if (ModeEState.on(session)) {
            return ModeETransfers.download(session, settings, parts[3], offset, length, true);
        }
        if (!session.hasDataEndpoint()) {
            throw new FtpException(425, "Use PORT, PASV, EPRT or EPSV first");
        }
        String path = session.resolve(parts[3]);
        session.takeRestOffset();
        DownloadFile file = DownloadFile.open(session, path, offset, "Offset");
        long n = Math.min(length, file.size() - offset);
        boolean ascii = session.type() == FtpSession.Type.ASCII;
        return new Outcome.StartTransfer(FtpReply.of(150, "Opening data connection for " + path + " (" + n + " bytes)"),
                PreparedTransfer.download(path, new FileSender(file.channel(), offset, n, ascii), ascii ? -1 : n));
    }
}
