package dev.wharf.operator.render;

/**
 * Where things live inside a transfer pod. The rendered server.conf, the mounts and the command line
 * all refer to these paths, so they are defined once.
 */
public final class Layout {

    /** The rendered configuration (a ConfigMap key, mounted with subPath; a change rolls the pods). */
    public static final String CONFIG_FILE = "/etc/wharf/server.conf";
    /** Credentials copied from the user's Secrets (one Secret volume, read-only, mode 0400). */
    public static final String CREDENTIALS_DIR = "/etc/wharf/credentials";
    /** Trust anchors in the X509_CERT_DIR layout (the conventional grid path). */
    public static final String TRUST_ANCHORS_DIR = "/etc/grid-security/certificates";
    /** Mount point of the pool's storage; the server's storage.root. */
    public static final String STORAGE_ROOT = "/data";

    /** File names inside {@link #CREDENTIALS_DIR}. */
    public static final String PASSWD = "passwd";
    public static final String TLS_CERT = "tls.crt";
    public static final String TLS_KEY = "tls.key";
    public static final String HOST_CERT = "hostcert.pem";
    public static final String HOST_KEY = "hostkey.pem";
    public static final String GRID_MAPFILE = "grid-mapfile";
    public static final String KEYTAB = "krb5.keytab";
    public static final String PRINCIPAL_MAP = "principal-map";
    public static final String KRB5_CONF = "krb5.conf";

    /** The ConfigMap key holding server.conf. */
    public static final String CONFIG_KEY = "server.conf";

    private Layout() {
    }

    public static String credential(String file) {
        return CREDENTIALS_DIR + "/" + file;
    }
}
