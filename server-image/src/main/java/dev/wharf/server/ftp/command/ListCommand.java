package dev.wharf.server.ftp.command;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Listings;
import dev.wharf.server.ftp.Outcome;

/**
 * LIST [-options] [path]: 150 → ls -l style lines (ftp.list-format) → 226. A file lists itself; a
 * missing name with * or ? is a glob in its directory; 550 when nothing matches.
 */
public final class ListCommand implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        Transfers.requireListingReady(session);
        Listings.Selection selection = Listings.select(session, argument);
        String text = Listings.longFormat(session, selection);
        return Transfers.listing(selection.path(), text, "LIST", selection.entries().size() + " files");
    }
}
