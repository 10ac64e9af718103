package dev.wharf.server.gsi;

/**
 * JVM-wide TLS settings GSI needs, applied by {@code Main} before any TLS class is loaded (the JDK reads them
 * once, when it first initialises its TLS extensions).
 *
 * <p>{@code jdk.tls.server.disableExtensions=server_name}: on DCAU data channels a Globus initiator names
 * the identity it expects as TLS SNI host name, e.g. {@code Jane Doe} (the CN of the user's DN) with DCAU A.
 * That is not a valid DNS name, and the JDK's TLS server refuses the whole handshake ("Illegal server
 * name"). Wharf never chooses a certificate by SNI, so its TLS servers simply ignore the extension.
 */
public final class GsiJvmSettings {

    static final String DISABLED_SERVER_EXTENSIONS = "jdk.tls.server.disableExtensions";
    static final String SERVER_NAME = "server_name";

    private GsiJvmSettings() {}

    /** Adds {@code server_name} to the TLS server extensions the JDK ignores, keeping any already listed. */
    public static void apply() {
        System.setProperty(DISABLED_SERVER_EXTENSIONS, merged(System.getProperty(DISABLED_SERVER_EXTENSIONS)));
    }

    /** Whether the JVM was started with (or {@link #apply} set) the SNI setting. */
    public static boolean applied() {
        String current = System.getProperty(DISABLED_SERVER_EXTENSIONS);
        return current != null && merged(current).equals(current);
    }

    static String merged(String current) {
        if (current == null || current.isBlank()) {
            return SERVER_NAME;
        }
        for (String name : current.split(",")) {
            if (name.strip().equals(SERVER_NAME)) {
                return current;
            }
        }
        return current + "," + SERVER_NAME;
    }
}
