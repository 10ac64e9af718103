package dev.wharf.server.gsi;

import static dev.wharf.server.gsi.CertificateRejectedException.Reason.CRL_INVALID;
import static dev.wharf.server.gsi.CertificateRejectedException.Reason.EXPIRED;
import static dev.wharf.server.gsi.CertificateRejectedException.Reason.KEY_USAGE;
import static dev.wharf.server.gsi.CertificateRejectedException.Reason.MALFORMED_CHAIN;
import static dev.wharf.server.gsi.CertificateRejectedException.Reason.NOT_YET_VALID;
import static dev.wharf.server.gsi.CertificateRejectedException.Reason.REVOKED;
import static dev.wharf.server.gsi.CertificateRejectedException.Reason.SIGNING_POLICY;
import static dev.wharf.server.gsi.CertificateRejectedException.Reason.UNTRUSTED_CA;

import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Validates a GSI client chain {@code [proxy_n … proxy_1, end entity, (intermediate CAs)]} against the
 * trust directory: the CA part as PKIX does (signatures, validity, CA flags and keyCertSign, path length,
 * CRLs when the CA publishes one, an expired CRL refuses everything that CA issued) plus the Globus
 * signing policy of every issuing CA; the proxy part per {@link ProxyRules}; every certificate's validity.
 * The principal is the end entity's subject. The JDK's PKIX validator cannot be used because it rejects
 * proxies (their issuer is no CA). Signatures are checked with Bouncy Castle's verifier.
 */
public final class ChainValidator {

    private static final int MAX_PATH = 16;
    private static final int KU_KEY_CERT_SIGN = 5;
    private static final Set<String> UNDERSTOOD_CRITICAL = Set.of(Extension.basicConstraints.getId(),
            Extension.keyUsage.getId(), Extension.extendedKeyUsage.getId(), Extension.subjectAlternativeName.getId(),
            Extension.certificatePolicies.getId(), Extension.policyConstraints.getId(),
            Extension.inhibitAnyPolicy.getId(), Extension.nameConstraints.getId(), ProxyCertInfo.OID.getId());

    private final Supplier<TrustStore> trust;
    private final Clock clock;

    public ChainValidator(Supplier<TrustStore> trust, Clock clock) {
        this.trust = trust;
        this.clock = clock;
    }

    public ChainValidator(TrustAnchorDirectory directory) {
        this(directory::current, Clock.systemUTC());
    }

    /**
     * Validates {@code presented} (leaf first, as TLS delivers it).
     *
     * @throws CertificateRejectedException with the reason and the subject of the offending certificate
     */
    public ValidatedChain validate(X509Certificate[] presented) throws CertificateRejectedException {
        if (presented == null || presented.length == 0) {
            throw new CertificateRejectedException(MALFORMED_CHAIN, "no client certificate");
        }
        TrustStore store = trust.get();
        List<X509Certificate> path = completePath(presented, store);
        ProxyType[] types = new ProxyType[path.size()];
        int endEntity = -1;
        for (int i = 0; i < path.size() - 1 && endEntity < 0; i++) {
            types[i] = ProxyRules.classify(path.get(i), path.get(i + 1));
            if (!types[i].isProxy()) {
                endEntity = i;
            }
        }
        if (endEntity < 0) {
            throw new CertificateRejectedException(MALFORMED_CHAIN, "no end-entity certificate in the chain");
        }
        Instant now = clock.instant();
        Instant notAfter = Instant.MAX;
        for (X509Certificate cert : path) {
            checkValidity(cert, now);
            checkCriticalExtensions(cert);
            notAfter = notAfter.isBefore(cert.getNotAfter().toInstant()) ? notAfter : cert.getNotAfter().toInstant();
        }
        if (path.get(endEntity).getBasicConstraints() >= 0) {
            throw new CertificateRejectedException(KEY_USAGE, "end-entity certificate " + dn(path.get(endEntity))
                    + " is a CA certificate");
        }
        for (int i = endEntity; i < path.size() - 1; i++) {
            checkCaIssued(path.get(i), path.get(i + 1), i - endEntity, store, now);
        }
        boolean limited = false;
        for (int i = endEntity - 1; i >= 0; i--) {
            ProxyType issuerType = i + 1 == endEntity ? ProxyType.NONE : types[i + 1];
            ProxyRules.check(path.get(i), types[i], path.get(i + 1), issuerType, i);
            limited |= types[i].isLimited();
        }
        X509Certificate eec = path.get(endEntity);
        return new ValidatedChain(Arrays.asList(presented), eec, dn(eec),
                endEntity == 0 ? ProxyType.NONE : types[0], limited, notAfter);
    }

    /** The presented certificates, linked and signature-checked, extended with trusted CAs up to a root. */
    private List<X509Certificate> completePath(X509Certificate[] presented, TrustStore store)
            throws CertificateRejectedException {
        List<X509Certificate> path = new ArrayList<>(Arrays.asList(presented));
        for (int i = 0; i + 1 < path.size(); i++) {
            X509Certificate cert = path.get(i);
            X509Certificate issuer = path.get(i + 1);
            if (!cert.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                throw new CertificateRejectedException(MALFORMED_CHAIN, "certificate " + dn(cert) + " is not issued by "
                        + dn(issuer) + ", the next one in the chain");
            }
            if (!signedBy(cert, issuer)) {
                throw new CertificateRejectedException(UNTRUSTED_CA, "signature of " + dn(cert) + " does not verify");
            }
        }
        while (path.size() <= MAX_PATH) {
            X509Certificate last = path.get(path.size() - 1);
            if (isSelfSigned(last)) {
                if (!store.casWithSubject(last.getSubjectX500Principal()).contains(last)) {
                    throw new CertificateRejectedException(UNTRUSTED_CA, "root CA " + dn(last) + " is not trusted");
                }
                return path;
            }
            X509Certificate issuer = null;
            for (X509Certificate candidate : store.casWithSubject(last.getIssuerX500Principal())) {
                if (signedBy(last, candidate)) {
                    issuer = candidate;
                    break;
                }
            }
            if (issuer == null) {
                throw new CertificateRejectedException(UNTRUSTED_CA, "no trusted CA "
                        + OpenSslDn.render(last.getIssuerX500Principal()) + " issued " + dn(last));
            }
            path.add(issuer);
        }
        throw new CertificateRejectedException(MALFORMED_CHAIN, "chain longer than " + MAX_PATH + " certificates");
    }

    private static void checkCaIssued(X509Certificate cert, X509Certificate ca, int casBelow, TrustStore store,
            Instant now) throws CertificateRejectedException {
        String subject = dn(cert);
        String caDn = dn(ca);
        if (ca.getBasicConstraints() < 0) {
            throw new CertificateRejectedException(KEY_USAGE, "issuer " + caDn + " of " + subject + " is not a CA");
        }
        if (ca.getBasicConstraints() < casBelow) {
            throw new CertificateRejectedException(KEY_USAGE, "CA " + caDn + " path length " + ca.getBasicConstraints()
                    + " exceeded");
        }
        boolean[] usage = ca.getKeyUsage();
        if (usage != null && (usage.length <= KU_KEY_CERT_SIGN || !usage[KU_KEY_CERT_SIGN])) {
            throw new CertificateRejectedException(KEY_USAGE, "CA " + caDn + " lacks the keyCertSign key usage");
        }
        SigningPolicy policy = store.signingPolicyFor(ca.getSubjectX500Principal()).orElseThrow(() ->
                new CertificateRejectedException(SIGNING_POLICY, "no signing policy for CA " + caDn + " ("
                        + OpenSslHash.subjectHash(ca.getSubjectX500Principal()) + ".signing_policy)"));
        if (!policy.permits(caDn, subject)) {
            throw new CertificateRejectedException(SIGNING_POLICY, "signing policy of CA " + caDn
                    + " does not allow subject " + subject);
        }
        for (X509CRL crl : store.crlsIssuedBy(ca.getSubjectX500Principal())) {
            if (!crlSignedBy(crl, ca)) {
                throw new CertificateRejectedException(CRL_INVALID, "CRL of CA " + caDn + " is not signed by it");
            }
            if (crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().isBefore(now)) {
                throw new CertificateRejectedException(CRL_INVALID, "CRL of CA " + caDn + " expired at "
                        + crl.getNextUpdate().toInstant());
            }
            if (crl.isRevoked(cert)) {
                throw new CertificateRejectedException(REVOKED, "certificate " + subject + " (serial "
                        + cert.getSerialNumber() + ") is revoked by CA " + caDn);
            }
        }
    }

    private static void checkValidity(X509Certificate cert, Instant now) throws CertificateRejectedException {
        if (now.isAfter(cert.getNotAfter().toInstant())) {
            throw new CertificateRejectedException(EXPIRED, "certificate " + dn(cert) + " expired at "
                    + cert.getNotAfter().toInstant());
        }
        if (now.isBefore(cert.getNotBefore().toInstant())) {
            throw new CertificateRejectedException(NOT_YET_VALID, "certificate " + dn(cert) + " is not valid before "
                    + cert.getNotBefore().toInstant());
        }
    }

    private static void checkCriticalExtensions(X509Certificate cert) throws CertificateRejectedException {
        Set<String> critical = cert.getCriticalExtensionOIDs();
        if (critical != null) {
            for (String oid : critical) {
                if (!UNDERSTOOD_CRITICAL.contains(oid)) {
                    throw new CertificateRejectedException(MALFORMED_CHAIN, "certificate " + dn(cert)
                            + " has an unknown critical extension " + oid);
                }
            }
        }
    }

    static boolean signedBy(X509Certificate cert, X509Certificate issuer) {
        try {
            ContentVerifierProvider verifier = new JcaContentVerifierProviderBuilder().build(issuer.getPublicKey());
            return new X509CertificateHolder(cert.getEncoded()).isSignatureValid(verifier);
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean crlSignedBy(X509CRL crl, X509Certificate ca) {
        try {
            crl.verify(ca.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean isSelfSigned(X509Certificate cert) {
        return cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal()) && signedBy(cert, cert);
    }

    static String dn(X509Certificate cert) {
        return OpenSslDn.render(cert.getSubjectX500Principal());
    }
}
