package dev.wharf.server.ftp;

import dev.wharf.server.data.BufferSender;
import dev.wharf.server.data.DataEndpoint;
import dev.wharf.server.data.FileReceiver;
import dev.wharf.server.data.FileSender;
import dev.wharf.server.data.SpliceReceiver;
import dev.wharf.server.data.StreamTransfer;
import dev.wharf.server.fs.Upload;
import dev.wharf.server.fs.UploadMode;
import dev.wharf.server.ftp.TransferPayload.FileBytes;
import dev.wharf.server.ftp.TransferPayload.Listing;
import dev.wharf.server.ftp.TransferPayload.Placement;
import dev.wharf.server.ftp.TransferPayload.Store;

/**
 * MODE S (RFC 959 stream mode): each transfer gets the one connection PASV/PORT arranged, and its end
 * is the end of the data. REST n makes the next RETR start at byte n and the next STOR write in place
 * from n. Binary downloads on plain channels are zero-copy ({@link FileSender}).
 */
final class StreamMode implements TransferMode {

    @Override
    public String letter() {
        return "S";
    }

    @Override
    public void requireReady(FtpSession session, boolean listing) throws FtpException {
        if (!session.hasDataEndpoint()) {
            throw new FtpException(425, "Use PORT, PASV, EPRT or EPSV first");
        }
    }

    @Override
    public DataEndpoint arranged(FtpSession session, DataEndpoint endpoint) {
        return endpoint;
    }

    /** REST n (RFC 3659): 350; 501 when n is not a byte offset. */
    @Override
    public FtpReply restart(FtpSession session, String argument) throws FtpException {
        long offset;
        try {
            offset = Long.parseLong(argument.strip());
        } catch (NumberFormatException e) {
            throw new FtpException(501, "REST needs a byte offset");
        }
        if (offset < 0) {
            throw new FtpException(501, "REST needs a byte offset >= 0");
        }
        session.restOffset(offset);
        return FtpReply.of(350, "Restarting at " + offset + ". Send STOR or RETR");
    }

    @Override
    public ModeTransfer build(FtpSession session, PreparedTransfer t, long announcedSize) throws FtpException {
        requireReady(session, t.listing());
        boolean ascii = session.type() == FtpSession.Type.ASCII;
        FtpReply preliminary = FtpReply.of(150, t.preliminary().opening());
        if (t.payload() instanceof Store store) {
            Upload upload = open(session, store);
            DataEndpoint endpoint = session.takeDataEndpoint();
            StreamTransfer receiver = session.settings().spliceUploads()
                    && SpliceReceiver.suits(upload, ascii, session.dataProtection())
                    ? new SpliceReceiver(upload) : new FileReceiver(upload.channel(), upload.start(), ascii);
            long shortSize = store.placement() == Placement.PARTIAL ? FtpSession.NO_ANNOUNCED_SIZE : announcedSize;
            return new ModeTransfer(preliminary, receiver, upload, endpoint, shortSize);
        }
        DataEndpoint endpoint = session.takeDataEndpoint();
        if (t.payload() instanceof FileBytes f) {
            return new ModeTransfer(preliminary, new FileSender(f.file(), f.offset(), f.length(), ascii), null, endpoint,
                    FtpSession.NO_ANNOUNCED_SIZE);
        }
        Listing listing = (Listing) t.payload();
        return new ModeTransfer(preliminary, new BufferSender(listing.text()), null, endpoint, FtpSession.NO_ANNOUNCED_SIZE);
    }

    private static Upload open(FtpSession session, Store store) throws FtpException {
        UploadMode mode = store.placement() == Placement.APPEND ? UploadMode.APPEND
                : store.offset() > 0 ? UploadMode.RESUME : UploadMode.REPLACE;
        long offset = mode == UploadMode.RESUME ? store.offset() : 0;
        return StorageReplies.call(() -> session.storage().openUpload(store.path(), mode, offset), true);
    }

    @Override
    public void dropCached(FtpSession session) {
        // stream mode keeps no connection between transfers
    }
}
