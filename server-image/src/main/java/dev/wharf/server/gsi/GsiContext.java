package dev.wharf.server.gsi;

import javax.net.ssl.SSLException;

/** An established GSI security context, either side: message protection as gss_wrap/gss_unwrap. */
public interface GsiContext {

    boolean isEstablished();

    /** TLS application-data records carrying {@code plain}. */
    byte[] wrap(byte[] plain) throws SSLException;

    /** The application data of the complete records in {@code token}; partial records wait for the next call. */
    byte[] unwrap(byte[] token) throws SSLException;
}
