package dev.wharf.server.gridftp;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;

/**
 * SBUF bytes (GFD.20; also SITE BUFSIZE/RETRBUFSIZE/STORBUFSIZE...): the TCP send and receive buffer of
 * the data connections arranged after it (PASV/EPSV/PORT/EPRT), 200. 0 goes back to the kernel's
 * auto-tuning. Bounded so one client cannot pin large kernel buffers: 501 outside 4 KiB..64 MiB.
 */
final class Sbuf implements FtpCommand {

    static final int MIN = 4 * 1024;
    static final int MAX = 64 * 1024 * 1024;

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        String arg = argument.strip();
        long bytes;
        try {
            bytes = Long.parseLong(arg);
        } catch (NumberFormatException e) {
            throw new FtpException(501, "SBUF needs a byte count");
        }
        if (bytes != 0 && (bytes < MIN || bytes > MAX)) {
            throw new FtpException(501, "SBUF " + bytes + " is outside " + MIN + ".." + MAX + " (0 = automatic)");
        }
        session.dataSocketBuffer((int) bytes);
        return FtpReply.of(200, bytes == 0 ? "SBUF: automatic buffer sizes" : "SBUF Command Successful: " + bytes);
    }
}
