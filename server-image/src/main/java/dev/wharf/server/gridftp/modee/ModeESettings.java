package dev.wharf.server.gridftp.modee;

import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.FtpSettings;
import java.util.function.ToLongFunction;

/**
 * @param maxStreams {@code limits.streams-per-client}: data connections one session may use at once
 * @param allocation the size ALLO announced for the next upload, consumed (-1: none); the gsiftp door
 *                   remembers ALLO, the FTP door does not
 */
public record ModeESettings(int maxStreams, ToLongFunction<FtpSession> allocation) {

    public static ModeESettings from(ConfigFile config, ToLongFunction<FtpSession> allocation) {
        return new ModeESettings(config.declaredInt(FtpSettings.STREAMS_PER_CLIENT), allocation);
    }
}
