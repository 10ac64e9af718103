package dev.wharf.server.gridftp.modee;

import dev.wharf.server.data.BufferSender;
import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.ftp.PreparedTransfer;
import java.util.List;

/**
 * LIST, NLST, MLSD in MODE E: the FTP door's command renders the listing (same checks, same text), which
 * then goes out in blocks over the session's streams like a file (globus-url-copy -fast -r lists in
 * MODE E). MODE S: the FTP door's command unchanged.
 */
final class ListingCommand implements FtpCommand {

    private final FtpCommand ftpListing;
    private final ModeESettings settings;

    ListingCommand(FtpCommand ftpListing, ModeESettings settings) {
        this.ftpListing = ftpListing;
        this.settings = settings;
    }

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        Outcome outcome = ftpListing.execute(session, argument);
        if (!ModeEState.on(session) || !(outcome instanceof Outcome.StartTransfer start)
                || !(start.transfer().transfer() instanceof BufferSender rendered)) {
            return outcome;
        }
        PreparedTransfer listing = start.transfer();
        StreamSet set;
        try {
            set = ModeETransfers.streams(session, settings.maxStreams());
        } catch (FtpException e) {
            listing.discard();
            throw e;
        }
        ModeEState state = ModeEState.of(session);
        long size = rendered.content().readableBytes();
        BlockSender sender = new BlockSender(BlockSource.buffer(rendered.content()), List.of(new long[] {0, size}), 0,
                set.passive() ? 1 : state.parallelism(), state.markerSeconds());
        FtpReply opening = set.open().isEmpty() ? start.reply()
                : FtpReply.of(125, "Data connection already open; transfer starting for " + listing.path());
        return new Outcome.StartTransfer(opening, PreparedTransfer.listing(listing.path(), sender, listing.completedText()));
    }
}
