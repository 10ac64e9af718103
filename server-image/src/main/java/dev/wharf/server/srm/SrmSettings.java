package dev.wharf.server.srm;

import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.net.DoorNetSettings;
import dev.wharf.server.net.NetSettings;
import dev.wharf.server.srm.namespace.SrmLs;
import java.util.ArrayList;
import java.util.List;

/**
 * What the SRM door reads from server.conf (docs/configuration.md "SRM door").
 *
 * @param maxRequestBytes {@code srm.max-request-bytes}: the largest SOAP body accepted
 * @param lsMaxEntries {@code srm.ls-max-entries}: details in one srmLs answer without count
 * @param protocols TURL schemes of the doors enabled beside this one (srmGetTransferProtocols)
 */
public record SrmSettings(String door, int port, NetSettings net, int maxRequestBytes, int lsMaxEntries,
                          List<String> protocols) implements DoorNetSettings {

    public static final int DEFAULT_PORT = 8443;
    public static final int DEFAULT_MAX_REQUEST_BYTES = 1 << 20;
    /** The endpoint path gfal2 and FTS post to. */
    public static final String ENDPOINT = "/srm/managerv2";

    public static SrmSettings from(ConfigFile c) {
        return new SrmSettings("srm", c.getInt("srm.port", DEFAULT_PORT, 0, 65535), NetSettings.from(c),
                c.getInt("srm.max-request-bytes", DEFAULT_MAX_REQUEST_BYTES, 4096, 64 << 20),
                c.getInt("srm.ls-max-entries", SrmLs.DEFAULT_MAX_ENTRIES, 1, 1_000_000), protocols(c));
    }

    private static List<String> protocols(ConfigFile c) {
        List<String> schemes = new ArrayList<>();
        if (c.getBoolean("gridftp.enabled", false)) {
            schemes.add("gsiftp");
        }
        if (c.getBoolean("gsidcap.enabled", false)) {
            schemes.add("gsidcap");
        }
        if (c.getBoolean("dcap.enabled", false)) {
            schemes.add("dcap");
        }
        return List.copyOf(schemes);
    }

    public SrmSettings withPort(int newPort) {
        return new SrmSettings(door, newPort, net, maxRequestBytes, lsMaxEntries, protocols);
    }
}
