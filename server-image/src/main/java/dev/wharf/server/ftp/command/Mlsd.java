package dev.wharf.server.ftp.command;

import dev.wharf.server.fs.FileEntry;
import dev.wharf.server.fs.VirtualPaths;
import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Listings;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.ftp.StorageReplies;
import java.util.List;

/** MLSD [dir] (RFC 3659): 150 → one fact line per entry → 226; 501 when not a directory, 550 missing. */
public final class Mlsd implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        Transfers.requireListingReady(session);
        String dir = session.resolve(argument);
        FileEntry self = StorageReplies.call(() -> session.storage().statForListing(dir), false);
        if (!self.isDirectory()) {
            throw new FtpException(501, dir + ": not a directory");
        }
        List<FileEntry> entries = Listings.sorted(StorageReplies.call(() -> session.storage().list(dir), false));
        StringBuilder text = new StringBuilder();
        for (FileEntry e : entries) {
            text.append(Listings.facts(session, VirtualPaths.child(dir, e.name()), e, e.name())).append("\r\n");
        }
        return Transfers.listing(dir, text.toString(), "MLSD", "MLSD completed for " + entries.size() + " files");
    }
}
