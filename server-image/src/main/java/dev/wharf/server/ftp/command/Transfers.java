package dev.wharf.server.ftp.command;

import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.ftp.PreparedTransfer;
import dev.wharf.server.ftp.PreparedTransfer.Preliminary;
import dev.wharf.server.ftp.TransferPayload;
import dev.wharf.server.ftp.TransferPayload.Placement;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/** What the transfer commands (RETR, STOR, APPE, STOU, LIST, NLST, MLSD) share. */
final class Transfers {

    private Transfers() {}

    /** Before any file work: the session's transfer mode has a data connection for it (425) and can carry it. */
    static void requireReady(FtpSession session) throws FtpException {
        session.transferMode().requireReady(session, false);
    }

    static String modeName(FtpSession session) {
        return session.type() == FtpSession.Type.ASCII ? "ASCII" : "BINARY";
    }

    /** STOR/APPE/STOU: an upload the session's transfer mode opens and receives. */
    static Outcome upload(String path, Placement placement, long offset, Preliminary preliminary) {
        return new Outcome.StartTransfer(PreparedTransfer.upload(new TransferPayload.Store(path, placement, offset),
                preliminary));
    }

    /** LIST/NLST/MLSD: 425 (or the mode's refusal) before the directory is read. */
    static void requireListingReady(FtpSession session) throws FtpException {
        session.transferMode().requireReady(session, true);
    }

    /** LIST/NLST/MLSD: the rendered text goes over the data connection. */
    static Outcome listing(String path, String text, String verb, String completed) {
        TransferPayload.Listing listing = new TransferPayload.Listing(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
        return new Outcome.StartTransfer(PreparedTransfer.listing(path, listing,
                Preliminary.of("Opening ASCII mode data connection for " + verb, path), completed));
    }
}
