package dev.wharf.server.srm;

import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.net.DoorNetSettings;
import dev.wharf.server.net.NetSettings;

/**
 * What the SRM door reads from server.conf (docs/configuration.md "SRM door").
 *
 * @param maxRequestBytes {@code srm.max-request-bytes}: the largest SOAP body accepted
 * @param lsMaxEntries {@code srm.ls-max-entries}: details in one srmLs answer without count
 */
public record SrmSettings(String door, int port, NetSettings net, int maxRequestBytes, int lsMaxEntries)
        implements DoorNetSettings {

    /** The endpoint path gfal2 and FTS post to. */
    public static final String ENDPOINT = "/srm/managerv2";

    /** Defaults and ranges are the declared ones (config-schema's SrmKeys). */
    public static SrmSettings from(ConfigFile c) {
        return new SrmSettings("srm", c.declaredInt("srm.port"), NetSettings.from(c), c.declaredInt("srm.max-request-bytes"),
                c.declaredInt("srm.ls-max-entries"));
    }

    public SrmSettings withPort(int newPort) {
        return new SrmSettings(door, newPort, net, maxRequestBytes, lsMaxEntries);
    }
}
