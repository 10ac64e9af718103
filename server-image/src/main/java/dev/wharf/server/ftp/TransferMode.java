package dev.wharf.server.ftp;

import dev.wharf.server.data.DataEndpoint;
import dev.wharf.server.data.StreamTransfer;
import dev.wharf.server.fs.Upload;

/**
 * How a session's transfers use data connections: MODE S (one connection per transfer, every door's
 * default) or a mode a door adds with MODE (GridFTP's extended block mode). Transfer commands stay the
 * same in every mode; the session's mode checks what it needs, keeps what PASV/PORT arrange, reads REST,
 * and turns each {@link PreparedTransfer} into a sender or receiver on its connections. Called on the
 * session's executor only.
 */
public interface TransferMode {

    /** MODE S. */
    TransferMode STREAM = new StreamMode();

    /** The MODE letter. */
    String letter();

    /**
     * Checked by every transfer command before any file work: 425 when no data connection is arranged,
     * 504 when this mode cannot carry the transfer ({@code listing}: a LIST, NLST or MLSD).
     */
    void requireReady(FtpSession session, boolean listing) throws FtpException;

    /** What PASV, EPSV, PORT or EPRT just arranged, as this mode keeps it (before the client may use it). */
    DataEndpoint arranged(FtpSession session, DataEndpoint endpoint);

    /** REST's argument: the restart point of the next transfer; its reply. */
    FtpReply restart(FtpSession session, String argument) throws FtpException;

    /**
     * The transfer as this mode runs it: opens the upload, picks the connections, builds the sender or
     * receiver. On a refusal nothing is left open and the arranged connection stays for the next command.
     *
     * @param announcedSize what ALLO announced for this transfer, or {@link FtpSession#NO_ANNOUNCED_SIZE}
     */
    ModeTransfer build(FtpSession session, PreparedTransfer transfer, long announcedSize) throws FtpException;

    /** Closes the data connections this mode keeps between transfers, if any (leaving the mode, PROT, DCAU, ABOR). */
    void dropCached(FtpSession session);

    /**
     * A prepared transfer ready to run.
     *
     * @param preliminary the 1xx reply (150, or 125 on connections already open)
     * @param upload the upload to commit on success / abort on failure, null for downloads and listings
     * @param endpoint the data connections it runs on
     * @param shortUploadSize a stream upload that ends shorter than this is not kept (ALLO); -1: no check
     */
    record ModeTransfer(FtpReply preliminary, StreamTransfer transfer, Upload upload, DataEndpoint endpoint,
                        long shortUploadSize) {}
}
