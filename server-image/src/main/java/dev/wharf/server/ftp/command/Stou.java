package dev.wharf.server.ftp.command;

import dev.wharf.server.fs.UploadMode;
import dev.wharf.server.fs.VirtualPaths;
import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.ftp.StorageReplies;

/**
 * STOU [name]: stores under a new unique name built from {@code name} (default "stou") in its directory; RFC 1123 puts the name in
 * the 150 reply ("150 FILE: name"), not in the 226.
 */
public final class Stou implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        Transfers.requireDataConnection(session);
        String wanted = session.resolve(argument.isBlank() ? "stou" : argument);
        String dir = VirtualPaths.parent(wanted);
        String base = VirtualPaths.name(wanted);
        if (base.isEmpty()) {
            throw new FtpException(501, "STOU needs a file name, not a directory");
        }
        session.takeRestOffset();
        String path = StorageReplies.call(() -> session.storage().uniqueName(dir, base), true);
        return Transfers.upload(session, path, UploadMode.REPLACE, 0, "FILE: " + VirtualPaths.name(path));
    }
}
