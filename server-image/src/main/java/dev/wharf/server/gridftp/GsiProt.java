package dev.wharf.server.gridftp;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import java.util.Locale;

/** PROT on the gsiftp door: C (clear data channels) is all there is until DCAU lands; S, E and P are 536. */
final class GsiProt implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String level) throws FtpException {
        switch (level.strip().toUpperCase(Locale.ROOT)) {
            case "C" -> {
                return FtpReply.of(200, "Protection level set to C");
            }
            case "S", "E", "P" -> throw new FtpException(536, "Only PROT C: protected data channels need DCAU, not supported yet");
            default -> throw new FtpException(504, "PROT takes C, S, E or P");
        }
    }
}
