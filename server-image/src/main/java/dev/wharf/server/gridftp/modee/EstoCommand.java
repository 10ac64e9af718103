package dev.wharf.server.gridftp.modee;

import dev.wharf.server.data.FileReceiver;
import dev.wharf.server.fs.Upload;
import dev.wharf.server.fs.UploadMode;
import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.ftp.PreparedTransfer;
import dev.wharf.server.ftp.StorageReplies;

/**
 * ESTO A offset path (GFD.20 adjusted store): the data lands {@code offset} bytes further than it
 * says (MODE S: from {@code offset} on), in place in an existing file. Other modules: 504.
 */
final class EstoCommand implements FtpCommand {

    private final ModeESettings settings;

    EstoCommand(ModeESettings settings) {
        this.settings = settings;
    }

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        String[] parts = PartialArguments.split(argument, "ESTO", "A", 3, "ESTO A <offset> <path>");
        long offset = PartialArguments.number(parts[1], "offset");
        if (ModeEState.on(session)) {
            return ModeETransfers.upload(session, settings, parts[2], offset);
        }
        if (!session.hasDataEndpoint()) {
            throw new FtpException(425, "Use PORT, PASV, EPRT or EPSV first");
        }
        String path = session.resolve(parts[2]);
        session.takeRestOffset();
        settings.allocation().applyAsLong(session); // a stream-mode upload uses up its ALLO too
        session.takeAnnouncedSize(); // a partial store: ALLO may name the whole file, not this range
        UploadMode mode = offset > 0 ? UploadMode.RESUME : UploadMode.REPLACE;
        Upload upload = StorageReplies.call(() -> session.storage().openUpload(path, mode, offset), true);
        FileReceiver receiver = new FileReceiver(upload.channel(), upload.start(), session.type() == FtpSession.Type.ASCII);
        return new Outcome.StartTransfer(FtpReply.of(150, "Opening data connection for " + path),
                PreparedTransfer.upload(path, receiver, upload));
    }
}
