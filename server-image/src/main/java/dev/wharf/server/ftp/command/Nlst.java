package dev.wharf.server.ftp.command;

import dev.wharf.server.fs.FileEntry;
import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Listings;
import dev.wharf.server.ftp.Outcome;

/** NLST [path]: 150 → bare names, one per line → 226. */
public final class Nlst implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        Transfers.requireListingReady(session);
        Listings.Selection selection = Listings.select(session, argument);
        StringBuilder text = new StringBuilder();
        for (FileEntry e : selection.entries()) {
            text.append(e.name()).append("\r\n");
        }
        return Transfers.listing(selection.path(), text.toString(), "NLST", selection.entries().size() + " files");
    }
}
