package dev.wharf.server.gridftp.modee;

import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.ftp.FtpSettings;

/** @param maxStreams {@code limits.streams-per-client}: data connections one session may use at once */
public record ModeESettings(int maxStreams) {

    public static ModeESettings from(ConfigFile config) {
        return new ModeESettings(config.declaredInt(FtpSettings.STREAMS_PER_CLIENT));
    }
}
