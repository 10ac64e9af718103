package dev.wharf.server.gridftp.modee;

import dev.wharf.server.data.ActiveEndpoint;
import dev.wharf.server.data.DataEndpoint;
import dev.wharf.server.data.PassiveListener;
import dev.wharf.server.fs.Upload;
import dev.wharf.server.fs.UploadMode;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.PreparedTransfer;
import dev.wharf.server.ftp.StorageReplies;
import dev.wharf.server.ftp.TransferMode;
import dev.wharf.server.ftp.TransferPayload.FileBytes;
import dev.wharf.server.ftp.TransferPayload.Listing;
import dev.wharf.server.ftp.TransferPayload.Placement;
import dev.wharf.server.ftp.TransferPayload.Store;
import java.util.List;

/**
 * GridFTP MODE E (extended block mode, GFD.20): every transfer goes in blocks over the session's
 * {@link StreamSet}, several connections in parallel, kept open for the next transfer. A passive
 * listener keeps accepting (the client opens all its streams to the one port, possibly the moment it
 * reads the reply); the server opens streams to PORT/SPOR addresses as a sending transfer needs them.
 * REST names the byte ranges the receiver already has. Files move in TYPE I only (504); listings too
 * go in blocks (globus-url-copy -fast -r lists in MODE E).
 */
public final class ExtendedBlockMode implements TransferMode {

    private final ModeESettings settings;

    public ExtendedBlockMode(ModeESettings settings) {
        this.settings = settings;
    }

    /** Whether the session runs its transfers in MODE E. */
    static boolean on(FtpSession session) {
        return session.transferMode() instanceof ExtendedBlockMode;
    }

    @Override
    public String letter() {
        return "E";
    }

    @Override
    public void requireReady(FtpSession session, boolean listing) throws FtpException {
        if (!listing && session.type() != FtpSession.Type.BINARY) {
            throw new FtpException(504, "MODE E transfers need TYPE I");
        }
        if (!session.hasDataEndpoint() && !ModeEState.of(session).hasKept()) {
            throw new FtpException(425, "Use PASV, EPSV, SPAS, PORT, EPRT or SPOR first");
        }
    }

    /** New connections replace the kept ones; a passive listener accepts every stream from now on. */
    @Override
    public DataEndpoint arranged(FtpSession session, DataEndpoint endpoint) {
        ModeEState.of(session).dropKept();
        return endpoint instanceof PassiveListener listener ? StreamSet.passive(listener, settings.maxStreams()) : endpoint;
    }

    /**
     * REST a-b,c-d: the byte ranges the receiver already has; the next RETR sends only the rest, the next
     * STOR/ESTO writes in place (a plain number n means 0-n). 501 otherwise.
     */
    @Override
    public FtpReply restart(FtpSession session, String argument) throws FtpException {
        String arg = argument.strip();
        ByteRanges ranges;
        try {
            ranges = ByteRanges.parse(arg.matches("\\d+") ? "0-" + arg : arg);
        } catch (IllegalArgumentException e) {
            throw new FtpException(501, "REST in MODE E needs ranges like 0-1000,2000-3000");
        }
        ModeEState.of(session).restart(ranges);
        return FtpReply.of(350, "Restart Marker OK. Send STORE or RETR to initiate transfer.");
    }

    @Override
    public ModeTransfer build(FtpSession session, PreparedTransfer t, long announcedSize) throws FtpException {
        ModeEState state = ModeEState.of(session);
        StreamSet set = streams(session, state);
        FtpReply preliminary = set.open().isEmpty() ? FtpReply.of(150, t.preliminary().opening())
                : FtpReply.of(125, t.preliminary().alreadyOpen());
        int parallelism = set.passive() ? 1 : state.parallelism();
        if (t.payload() instanceof FileBytes f) {
            long end = f.offset() + f.length();
            ByteRanges have = state.takeRestart();
            List<long[]> ranges = have == null ? List.of(new long[] {f.offset(), end}) : missing(have, f.offset(), end);
            return new ModeTransfer(preliminary, new BlockSender(BlockSource.file(f.file()), ranges, f.wireShift(),
                    parallelism, state), null, set, -1);
        }
        if (t.payload() instanceof Listing l) {
            long size = l.text().readableBytes();
            return new ModeTransfer(preliminary, new BlockSender(BlockSource.buffer(l.text()), List.of(new long[] {0, size}), 0,
                    parallelism, state), null, set, -1);
        }
        Store store = (Store) t.payload();
        boolean inPlace = state.takeRestart() != null;
        Upload upload;
        try {
            upload = open(session, store, inPlace);
        } catch (FtpException e) {
            state.keep(set); // the connections stay for the next command
            throw e;
        }
        long base = switch (store.placement()) {
            case REPLACE -> 0;
            case APPEND -> upload.start();
            case PARTIAL -> store.offset();
        };
        BlockReceiver receiver = new BlockReceiver(upload.channel(), base, announcedSize,
                session.services().context().blockingExecutor(), state, state.parallelism());
        return new ModeTransfer(preliminary, receiver, upload, set, -1);
    }

    /** APPE appends; STOR writes in place after a REST, ESTO at an offset; otherwise a new file replaces the old. */
    private static Upload open(FtpSession session, Store store, boolean restarted) throws FtpException {
        boolean inPlace = store.placement() == Placement.APPEND || restarted
                || store.placement() == Placement.PARTIAL && store.offset() > 0;
        UploadMode mode = inPlace ? UploadMode.APPEND : UploadMode.REPLACE;
        return StorageReplies.call(() -> session.storage().openUpload(store.path(), mode, 0), true);
    }

    /** The parts of [offset, end) the client does not have yet (REST ranges count from offset). */
    private static List<long[]> missing(ByteRanges have, long offset, long end) {
        return have.missing(end - offset).stream().map(r -> new long[] {r[0] + offset, r[1] + offset}).toList();
    }

    /**
     * The connections a transfer runs on: those arranged last (a passive set, or a PORT address the server
     * will connect to), else the ones kept from the last transfer. 425 when there are none.
     */
    private StreamSet streams(FtpSession session, ModeEState state) throws FtpException {
        DataEndpoint e = session.takeDataEndpoint();
        if (e == null) {
            StreamSet kept = state.takeKept();
            if (kept == null) {
                throw new FtpException(425, "Use PASV, EPSV, SPAS, PORT, EPRT or SPOR first");
            }
            return kept;
        }
        state.dropKept();
        if (e instanceof StreamSet s) {
            return s;
        }
        if (e instanceof PassiveListener listener) { // arranged in MODE S
            return StreamSet.passive(listener, settings.maxStreams());
        }
        e.close();
        if (e instanceof ActiveEndpoint active) {
            return StreamSet.active(session.services().dataChannels(), List.of(active.target()), settings.maxStreams(),
                    session.dataSocketBuffer());
        }
        throw new FtpException(425, "Use PASV, EPSV, SPAS, PORT, EPRT or SPOR first");
    }

    /** The kept streams, and streams arranged but not used yet: a stream keeps the protection it started with. */
    @Override
    public void dropCached(FtpSession session) {
        ModeEState.of(session).dropKept();
        if (session.arrangedEndpoint() instanceof StreamSet) {
            session.dataEndpoint(null);
        }
    }
}
