package dev.wharf.server.gss;

import java.io.IOException;

/**
 * The acceptor side of one GSS-API security context, whatever the mechanism: GSI (a TLS handshake with Globus's
 * delegation step, {@code gsi.GsiAcceptor}) or Kerberos 5 ({@code krb.KrbAcceptor}). Feed each client token to
 * {@link #accept} until {@link #isEstablished}; then {@link #principal} is who authenticated and {@link #wrap} /
 * {@link #unwrap} protect messages (gss_wrap / gss_unwrap). The RFC 2228 FTP commands ({@code gssftp}) are written
 * against this alone, so both doors share them.
 */
public interface SecurityContext {

    /** What {@link #unwrap} found: the plain bytes and whether they were encrypted. */
    record Unwrapped(byte[] plain, boolean confidential) {}

    /**
     * One token from the client; returns the token to send back (empty when there is none).
     *
     * @throws ContextRefusedException when the client is refused; the context is unusable afterwards
     */
    byte[] accept(byte[] token) throws ContextRefusedException;

    boolean isEstablished();

    /** Who authenticated (a DN in OpenSSL slash form, a Kerberos principal); only once established. */
    String principal();

    /**
     * gss_wrap of {@code length} bytes at {@code offset}: integrity always, confidentiality when asked (a mechanism
     * that always encrypts ignores the flag).
     *
     * @throws IOException when the context cannot protect any more
     */
    byte[] wrap(byte[] plain, int offset, int length, boolean confidential) throws IOException;

    /**
     * gss_unwrap of one token.
     *
     * @throws IOException when the token fails its check (forged, replayed, not of this context)
     */
    Unwrapped unwrap(byte[] token, int offset, int length) throws IOException;

    /** Ends the context and drops what it holds (keys, a delegated credential). */
    void dispose();
}
