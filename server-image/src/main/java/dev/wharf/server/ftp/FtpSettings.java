package dev.wharf.server.ftp;

import dev.wharf.config.ListFormat;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.net.DoorNetSettings;
import dev.wharf.server.net.NetSettings;

/**
 * Everything an FTP door reads from server.conf (docs/configuration.md), for the plain door with
 * explicit TLS ({@link #plain}) or the implicit-TLS door ({@link #implicitTls}).
 */
public record FtpSettings(
        String door,
        boolean implicitTls,
        int port,
        NetSettings net,
        boolean overwrite,
        boolean logAbortedTransfers,
        ListFormat listFormat,
        boolean allowCcc,
        boolean requireTls,
        boolean allowThirdParty,
        boolean spliceUploads) implements DoorNetSettings {

    public static final int MAX_LINE = 8192;
    /** GridFTP MODE E: data connections one session may use at once. */
    public static final String STREAMS_PER_CLIENT = "limits.streams-per-client";

    public static FtpSettings plain(ConfigFile config) {
        return read(config, "ftp", false, config.declaredInt("ftp.port"));
    }

    public static FtpSettings implicitTls(ConfigFile config) {
        return read(config, "ftps", true, config.declaredInt("ftps.port"));
    }

    /** The gsiftp door: FTP settings under the door name gridftp (AUTH GSSAPI instead of AUTH TLS). */
    public static FtpSettings gridftp(ConfigFile config) {
        return read(config, "gridftp", false, config.declaredInt("gridftp.port"));
    }

    /** The krbftp door: FTP settings under the door name krbftp (AUTH GSSAPI with Kerberos 5). */
    public static FtpSettings kerberos(ConfigFile config) {
        return read(config, "krbftp", false, config.declaredInt("krbftp.port"));
    }

    private static FtpSettings read(ConfigFile c, String door, boolean implicit, int port) {
        // Read here only so the key is known (and checked) in every configuration, also when no door that
        // carries MODE E is enabled: the operator always renders it. gridftp.modee.ModeESettings uses it.
        c.declaredInt(STREAMS_PER_CLIENT);
        return new FtpSettings(door, implicit, port, NetSettings.from(c),
                c.declaredBoolean("transfer.overwrite"),
                c.declaredBoolean("log.aborted-transfers"),
                ListFormat.of(c.declaredChoice("ftp.list-format")).orElseThrow(),
                c.declaredBoolean("tls.allow-ccc"),
                c.declaredBoolean("tls.require"),
                c.declaredBoolean("ftp.allow-third-party"),
                c.declaredBoolean("transfer.splice-uploads"));
    }

    public FtpSettings withPort(int newPort) {
        return new FtpSettings(door, implicitTls, newPort, net, overwrite, logAbortedTransfers, listFormat, allowCcc,
                requireTls, allowThirdParty, spliceUploads);
    }
}
