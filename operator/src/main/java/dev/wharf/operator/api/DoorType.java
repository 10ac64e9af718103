package dev.wharf.operator.api;

import dev.wharf.config.PortRange;
import dev.wharf.config.ServerConfSchema;

/**
 * The doors, with the URL scheme clients use and the server.conf key prefix that configures each.
 * The declaration order is the order everything is rendered in (ports, config, endpoints); new doors go
 * at the end, so the ports and endpoints of the others keep their order.
 */
public enum DoorType {
    FTP("ftp", "ftp", "ftp"),
    FTPS("ftps", "ftps", "ftps"),
    GSIFTP("gsiftp", "gsiftp", "gridftp"),
    DCAP("dcap", "dcap", "dcap"),
    GSIDCAP("gsidcap", "gsidcap", "gsidcap"),
    /** FTP with AUTH GSSAPI (Kerberos 5): clients use ftp:// URLs (curl --krb). */
    KRBFTP("krbftp", "ftp", "krbftp"),
    /** dCap inside libdcap's Kerberos tunnel (libgssTunnel.so): dcap:// URLs with DCACHE_IO_TUNNEL set. */
    KRBDCAP("krbdcap", "dcap", "krbdcap"),
    /** SRM v2.2 over httpg/HTTPS; its endpoint carries the service path (see {@link #servicePath()}). */
    SRM("srm", "srm", "srm");

    private final String specName;
    private final String scheme;
    private final String configPrefix;

    DoorType(String specName, String scheme, String configPrefix) {
        this.specName = specName;
        this.scheme = scheme;
        this.configPrefix = configPrefix;
    }

    /** The field name under {@code spec.doors}. */
    public String specName() {
        return specName;
    }

    /** The URL scheme of this door's endpoints. */
    public String scheme() {
        return scheme;
    }

    /**
     * The highest control port clients of this door can reach: libdcap (dccp) keeps a dCap door's
     * port in a signed 16-bit value, so dcap and gsidcap doors must stay below 32768 (the server
     * refuses to start otherwise).
     */
    public int highestPort() {
        // the schema's bound of the door's port key; a door whose key another branch has not declared yet
        // gets the TCP bound (its rendering is refused as an unknown key until the key is declared)
        return ServerConfSchema.key(configPrefix + ".port").map(k -> Math.toIntExact(k.values().max())).orElse(PortRange.HIGHEST);
    }

    /** The doors libdcap (dccp) talks to. */
    public boolean isDcap() {
        return this == DCAP || this == GSIDCAP || this == KRBDCAP;
    }

    /** The doors whose server logs in with the GSI host credential ({@code gsi.*} keys). */
    public boolean needsHostCredential() {
        return this == GSIFTP || this == GSIDCAP || this == SRM;
    }

    /** The doors that accept Kerberos 5 tickets ({@code krb.*} keys). */
    public boolean isKerberos() {
        return this == KRBFTP || this == KRBDCAP;
    }

    /** What follows {@code host:port} in an endpoint URL: SRM clients address the v2.2 service by its path. */
    public String servicePath() {
        return this == SRM ? "/srm/managerv2" : "";
    }

    /** The server.conf key prefix ({@code gridftp.port} for gsiftp). */
    public String configPrefix() {
        return configPrefix;
    }
}
