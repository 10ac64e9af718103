package dev.wharf.server.ftp.command;

import dev.wharf.server.fs.VirtualPaths;
import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.ftp.PreparedTransfer.Preliminary;
import dev.wharf.server.ftp.StorageReplies;
import dev.wharf.server.ftp.TransferPayload.Placement;

/**
 * STOU [name]: stores under a new unique name built from {@code name} (default "stou") in its directory; RFC 1123 puts the name in
 * the 150 reply ("150 FILE: name"; 125 on MODE E's open connections), not in the 226.
 */
public final class Stou implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        Transfers.requireReady(session);
        String wanted = session.resolve(argument.isBlank() ? "stou" : argument);
        String dir = VirtualPaths.parent(wanted);
        String base = VirtualPaths.name(wanted);
        if (base.isEmpty()) {
            throw new FtpException(501, "STOU needs a file name, not a directory");
        }
        session.takeRestOffset();
        String path = StorageReplies.call(() -> session.storage().uniqueName(dir, base), true);
        String file = "FILE: " + VirtualPaths.name(path);
        return Transfers.upload(path, Placement.REPLACE, 0, new Preliminary(file, file));
    }
}
