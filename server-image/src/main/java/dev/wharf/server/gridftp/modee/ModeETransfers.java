package dev.wharf.server.gridftp.modee;

import dev.wharf.server.data.ActiveEndpoint;
import dev.wharf.server.data.DataEndpoint;
import dev.wharf.server.data.PassiveListener;
import dev.wharf.server.fs.Upload;
import dev.wharf.server.fs.UploadMode;
import dev.wharf.server.ftp.DownloadFile;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.ftp.PreparedTransfer;
import dev.wharf.server.ftp.StorageReplies;
import java.util.List;


/** What the MODE E transfer commands (RETR, STOR, ERET, ESTO) share. */
final class ModeETransfers {

    private ModeETransfers() {}

    /**
     * The session's MODE E data connections: the cached {@link StreamSet}, or one made from the
     * PASV/PORT endpoint arranged last. 425 when there is none. The set stays the session's endpoint
     * (the session handler hands it to the transfer).
     */
    static StreamSet streams(FtpSession session, int maxStreams) throws FtpException {
        DataEndpoint e = session.takeDataEndpoint();
        StreamSet set;
        if (e instanceof StreamSet s) {
            set = s;
        } else if (e instanceof PassiveListener listener) {
            set = StreamSet.passive(listener, maxStreams);
        } else if (e instanceof ActiveEndpoint active) {
            active.close();
            set = StreamSet.active(session.services().dataChannels(), List.of(active.target()), maxStreams,
                    session.dataSocketBuffer());
        } else {
            if (e != null) {
                e.close();
            }
            throw new FtpException(425, "Use PASV, EPSV, SPAS, PORT, EPRT or SPOR first");
        }
        session.dataEndpoint(set);
        return set;
    }

    static void requireBinary(FtpSession session) throws FtpException {
        if (session.type() != FtpSession.Type.BINARY) {
            throw new FtpException(504, "MODE E transfers need TYPE I");
        }
    }

    /** 150, or 125 when cached connections carry the transfer. */
    static FtpReply opening(StreamSet set, String what) {
        return set.open().isEmpty()
                ? FtpReply.of(150, "Opening BINARY mode data connection for " + what)
                : FtpReply.of(125, "Data connection already open; transfer starting for " + what);
    }

    /** RETR/ERET in MODE E: the file's {@code [offset, offset+length)} (length -1: to the end), minus REST ranges. */
    static Outcome download(FtpSession session, ModeESettings table, String argument, long offset, long length,
                            boolean relative) throws FtpException {
        requireBinary(session);
        ModeEState state = ModeEState.of(session);
        StreamSet set = streams(session, table.maxStreams());
        String path = session.resolve(argument);
        session.takeRestOffset();
        DownloadFile file = DownloadFile.open(session, path, offset, "Offset");
        long size = file.size();
        long end = length < 0 ? size : Math.min(size, offset + length);
        ByteRanges restart = state.takeRestart();
        List<long[]> ranges = restart == null ? List.of(new long[] {offset, end}) : shifted(restart, offset, end);
        BlockSender sender = new BlockSender(BlockSource.file(file.channel()), ranges, relative ? offset : 0,
                set.passive() ? 1 : state.parallelism(), state.markerSeconds());
        return new Outcome.StartTransfer(opening(set, path + " (" + (end - offset) + " bytes)"),
                PreparedTransfer.download(path, sender, -1));
    }

    /** The parts of [offset, end) the client does not have yet (REST ranges count from offset). */
    private static List<long[]> shifted(ByteRanges have, long offset, long end) {
        return have.missing(end - offset).stream().map(r -> new long[] {r[0] + offset, r[1] + offset}).toList();
    }

    /** STOR/ESTO in MODE E: blocks are written at {@code base} + their offset. */
    static Outcome upload(FtpSession session, ModeESettings table, String argument, long base) throws FtpException {
        requireBinary(session);
        ModeEState state = ModeEState.of(session);
        StreamSet set = streams(session, table.maxStreams());
        String path = session.resolve(argument);
        session.takeRestOffset();
        long allocation = table.allocation().applyAsLong(session);
        boolean inPlace = state.takeRestart() != null || base > 0;
        Upload upload = StorageReplies.call(() -> session.storage().openUpload(path,
                inPlace ? UploadMode.APPEND : UploadMode.REPLACE, 0), true);
        BlockReceiver receiver = new BlockReceiver(upload.channel(), base, allocation,
                session.services().context().blockingExecutor(), state.markerSeconds(), state.parallelism());
        return new Outcome.StartTransfer(opening(set, path), PreparedTransfer.upload(path, receiver, upload));
    }
}
