package dev.wharf.server.srm;

import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.net.DoorNetSettings;
import dev.wharf.server.net.NetSettings;
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

    /** The endpoint path gfal2 and FTS post to. */
    public static final String ENDPOINT = "/srm/managerv2";

    /** Defaults and ranges are the declared ones (config-schema's SrmKeys). */
    public static SrmSettings from(ConfigFile c) {
        return new SrmSettings("srm", c.declaredInt("srm.port"), NetSettings.from(c), c.declaredInt("srm.max-request-bytes"),
                c.declaredInt("srm.ls-max-entries"), protocols(c));
    }

    private static List<String> protocols(ConfigFile c) {
        List<String> schemes = new ArrayList<>();
        if (c.declaredBoolean("gridftp.enabled")) {
            schemes.add("gsiftp");
        }
        if (c.declaredBoolean("gsidcap.enabled")) {
            schemes.add("gsidcap");
        }
        if (c.declaredBoolean("dcap.enabled")) {
            schemes.add("dcap");
        }
        return List.copyOf(schemes);
    }

    public SrmSettings withPort(int newPort) {
        return new SrmSettings(door, newPort, net, maxRequestBytes, lsMaxEntries, protocols);
    }
}
