package dev.wharf.server.ftp.command;

import dev.wharf.server.fs.FileEntry;
import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Listings;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.ftp.StorageReplies;
import java.util.List;

/** MLST [path] (RFC 3659): 250-Listing / " facts path" / 250 End on the control channel; 550 missing. */
public final class Mlst implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        String path = session.resolve(argument);
        FileEntry e = StorageReplies.call(() -> session.storage().stat(path), false);
        String line = " " + Listings.facts(session, path, e, path);
        return FtpReply.multi(250, "Listing " + path, List.of(line), "End");
    }
}
