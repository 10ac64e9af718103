package dev.wharf.server.ftp.command;

import dev.wharf.server.data.BufferSender;
import dev.wharf.server.data.FileReceiver;
import dev.wharf.server.fs.Upload;
import dev.wharf.server.fs.UploadMode;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.ftp.PreparedTransfer;
import dev.wharf.server.ftp.StorageReplies;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/** What the transfer commands (RETR, STOR, APPE, STOU, LIST, NLST, MLSD) share. */
final class Transfers {

    private Transfers() {}

    /** 425 before any file work when neither PASV/EPSV nor PORT/EPRT came first. */
    static void requireDataConnection(FtpSession session) throws FtpException {
        if (!session.hasDataEndpoint()) {
            throw new FtpException(425, "Use PORT, PASV, EPRT or EPSV first");
        }
    }

    static String modeName(FtpSession session) {
        return session.type() == FtpSession.Type.ASCII ? "ASCII" : "BINARY";
    }

    /** STOR/APPE/STOU: opens the upload (atomic for STOR) and starts receiving. */
    static Outcome upload(FtpSession session, String path, UploadMode mode, long offset, String preliminary)
            throws FtpException {
        Upload upload = StorageReplies.call(() -> session.storage().openUpload(path, mode, offset), true);
        FileReceiver receiver = new FileReceiver(upload.channel(), upload.start(),
                session.type() == FtpSession.Type.ASCII);
        return new Outcome.StartTransfer(FtpReply.of(150, preliminary), PreparedTransfer.upload(path, receiver, upload));
    }

    /** LIST/NLST/MLSD: the rendered text goes over the data connection. */
    static Outcome listing(String path, String text, String verb, String completed) {
        BufferSender sender = new BufferSender(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
        return new Outcome.StartTransfer(FtpReply.of(150, "Opening ASCII mode data connection for " + verb),
                PreparedTransfer.listing(path, sender, completed));
    }
}
