package dev.wharf.server.krb;

import java.util.Locale;

/**
 * The service principals of the Kerberos doors. The FTP door's is {@code krb.service-principal} or
 * {@code ftp/<host>@<realm>} (curl and other RFC 2228 clients ask for {@code ftp@<host they connected to>});
 * the dCap door's is {@code host/} with the same instance and realm, because libgssTunnel always asks for
 * {@code host@<name of the door's address>}. Pure functions.
 */
public final class ServicePrincipals {

    private ServicePrincipals() {}

    /** {@code configured}, or {@code ftp/<host>@<realm>} when it is null. */
    public static String ftp(String configured, String host, String realm) {
        String name = configured != null ? configured : "ftp/" + host.toLowerCase(Locale.ROOT) + "@" + realm;
        if (!name.contains("/") || !name.contains("@") || name.indexOf('@') < name.indexOf('/')) {
            throw new IllegalArgumentException("krb.service-principal must look like service/host@REALM, got '" + name + "'");
        }
        return name;
    }

    /** {@code host/} with the instance and realm of the FTP door's principal. */
    public static String dcap(String ftpPrincipal) {
        return "host" + ftpPrincipal.substring(ftpPrincipal.indexOf('/'));
    }
}
