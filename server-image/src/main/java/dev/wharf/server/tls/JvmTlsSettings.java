package dev.wharf.server.tls;

/**
 * JVM-wide TLS settings every door needs, applied by {@code Main} before any TLS class is loaded: the JDK
 * reads them once, when its TLS server code is first initialised.
 *
 * <p>{@code jdk.tls.rejectClientInitiatedRenegotiation=true}: a TLS 1.2 client may ask for a new handshake
 * at any time on an established connection; each costs the server a key exchange and an attacker can
 * repeat it without end, and nothing Wharf serves needs it. Refused with a handshake_failure alert. TLS 1.3
 * has no renegotiation. An explicit {@code -D} setting on the JVM command line is kept.
 */
public final class JvmTlsSettings {

    static final String REJECT_RENEGOTIATION = "jdk.tls.rejectClientInitiatedRenegotiation";

    private JvmTlsSettings() {}

    public static void apply() {
        if (System.getProperty(REJECT_RENEGOTIATION) == null) {
            System.setProperty(REJECT_RENEGOTIATION, "true");
        }
    }

    /** Whether client-initiated renegotiation is refused in this JVM. */
    public static boolean renegotiationRefused() {
        return Boolean.parseBoolean(System.getProperty(REJECT_RENEGOTIATION));
    }
}
