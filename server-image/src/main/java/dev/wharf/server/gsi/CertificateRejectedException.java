package dev.wharf.server.gsi;

import java.security.cert.CertificateException;

/**
 * A client certificate chain we refuse, with a machine-readable reason a door maps to its reply and a
 * message fit for one log line (it names the offending certificate's subject).
 */
public final class CertificateRejectedException extends CertificateException {

    /** Why a chain was refused. */
    public enum Reason {
        /** No certificates, or a chain that does not link issuer to subject. */
        MALFORMED_CHAIN,
        /** A certificate (end entity, proxy or CA) is past its notAfter. */
        EXPIRED,
        /** A certificate's notBefore is still in the future. */
        NOT_YET_VALID,
        /** The chain does not end at a CA in the trust directory, or a signature does not verify. */
        UNTRUSTED_CA,
        /** A CA's CRL lists the certificate. */
        REVOKED,
        /** The CA's CRL is unusable: expired, or not signed by the CA. */
        CRL_INVALID,
        /** The issuing CA has no signing policy, or its policy does not allow this subject. */
        SIGNING_POLICY,
        /** A proxy breaks RFC 3820 / Globus rules (subject, extensions, path length, limited → full). */
        MALFORMED_PROXY,
        /** A proxy kind we do not accept (independent, restricted policy languages, GT3 draft). */
        UNSUPPORTED_PROXY,
        /** Key usage or basic constraints forbid the certificate's role in the chain. */
        KEY_USAGE
    }

    private final Reason reason;

    public CertificateRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** {@code reason: message}, the one line a door logs. */
    @Override
    public String toString() {
        return reason + ": " + getMessage();
    }
}
