package dev.wharf.server.gsi;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/** Builds the JDK TLS contexts and engines GSI runs on: our credential, our trust manager, chosen protocols. */
public final class GsiTls {

    private static final char[] IN_MEMORY = "wharf".toCharArray();

    private GsiTls() {
    }

    /**
     * A TLS context presenting {@code chain} (leaf first) with {@code key} and trusting via {@code trust}
     * (a {@link GsiTrustManager}, or one that adds a check of its own such as DCAU's expected peer).
     */
    public static SSLContext context(PrivateKey key, List<X509Certificate> chain, X509ExtendedTrustManager trust) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("credential", key, IN_MEMORY, chain.toArray(new X509Certificate[0]));
            // SunX509 neither checks extended key usage nor refuses proxy certificates as our own credential.
            KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
            kmf.init(store, IN_MEMORY);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build the GSI TLS context: " + e.getMessage(), e);
        }
    }

    /** A server-side engine that requires the client's certificate. */
    public static SSLEngine serverEngine(SSLContext context, List<String> protocols) {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        engine.setNeedClientAuth(true);
        engine.setEnabledProtocols(protocols.toArray(new String[0]));
        return engine;
    }

    /** A client-side engine (data-channel initiator with DCAU, or tests). */
    public static SSLEngine clientEngine(SSLContext context, List<String> protocols) {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(true);
        engine.setEnabledProtocols(protocols.toArray(new String[0]));
        return engine;
    }
}
