package dev.wharf.server.gsi;

import static dev.wharf.server.gsi.CertificateRejectedException.Reason.KEY_USAGE;
import static dev.wharf.server.gsi.CertificateRejectedException.Reason.MALFORMED_PROXY;
import static dev.wharf.server.gsi.CertificateRejectedException.Reason.UNSUPPORTED_PROXY;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;

/**
 * Recognises proxy certificates (Globus's {@code get_cert_type}) and checks the rules RFC 3820 and GSI
 * put on each one: the subject extends the issuer's by exactly one CN, no CA flag, no alternative names,
 * the issuer may sign (digitalSignature), ProxyCertInfo critical. Pure functions of the certificates.
 */
final class ProxyRules {

    private static final int KU_DIGITAL_SIGNATURE = 0;
    private static final int KU_KEY_CERT_SIGN = 5;
    private static final Set<String> NAME_EXTENSIONS = Set.of(Extension.subjectAlternativeName.getId(),
            Extension.issuerAlternativeName.getId());

    private ProxyRules() {
    }

    /** The type of {@code cert} given its issuer; NONE for end-entity and CA certificates. */
    static ProxyType classify(X509Certificate cert, X509Certificate issuer) throws CertificateRejectedException {
        String subject = OpenSslDn.render(cert.getSubjectX500Principal());
        if (cert.getExtensionValue(ProxyCertInfo.DRAFT_OID.getId()) != null) {
            throw new CertificateRejectedException(UNSUPPORTED_PROXY, "GT3 draft proxies are not accepted: " + subject);
        }
        byte[] pci = cert.getExtensionValue(ProxyCertInfo.OID.getId());
        if (pci != null) {
            if (!cert.getCriticalExtensionOIDs().contains(ProxyCertInfo.OID.getId())) {
                throw new CertificateRejectedException(MALFORMED_PROXY, "ProxyCertInfo is not critical in " + subject);
            }
            ASN1ObjectIdentifier language = decode(pci, subject).policyLanguage();
            if (language.equals(ProxyCertInfo.INHERIT_ALL) || language.equals(ProxyCertInfo.ANY_LANGUAGE)) {
                return ProxyType.RFC_IMPERSONATION;
            }
            if (language.equals(ProxyCertInfo.GLOBUS_LIMITED)) {
                return ProxyType.RFC_LIMITED;
            }
            String what = language.equals(ProxyCertInfo.INDEPENDENT) ? "independent" : "restricted (" + language + ")";
            throw new CertificateRejectedException(UNSUPPORTED_PROXY, what + " proxies are not accepted: " + subject);
        }
        RDN[] rdns = name(cert).getRDNs();
        if (rdns.length == 0 || !extendsByOneRdn(name(issuer), name(cert))) {
            return ProxyType.NONE;
        }
        AttributeTypeAndValue last = rdns[rdns.length - 1].getFirst();
        if (rdns[rdns.length - 1].isMultiValued() || !last.getType().equals(BCStyle.CN)) {
            return ProxyType.NONE;
        }
        String cn = last.getValue().toString();
        if (cn.equals("proxy")) {
            return ProxyType.LEGACY;
        }
        return cn.equals("limited proxy") ? ProxyType.LEGACY_LIMITED : ProxyType.NONE;
    }

    static ProxyCertInfo decode(byte[] extensionValue, String subject) throws CertificateRejectedException {
        try {
            return ProxyCertInfo.decode(ASN1OctetString.getInstance(extensionValue).getOctets());
        } catch (IllegalArgumentException e) {
            throw new CertificateRejectedException(MALFORMED_PROXY, e.getMessage() + " in " + subject);
        }
    }

    /**
     * Checks proxy {@code cert} of type {@code type} against its issuer (of type {@code issuerType}).
     * {@code proxiesBelow} is the number of proxies between it and the leaf (0 for the leaf).
     */
    static void check(X509Certificate cert, ProxyType type, X509Certificate issuer, ProxyType issuerType,
            int proxiesBelow) throws CertificateRejectedException {
        String subject = OpenSslDn.render(cert.getSubjectX500Principal());
        if (issuer.getBasicConstraints() >= 0) {
            throw new CertificateRejectedException(MALFORMED_PROXY, "proxy " + subject + " is issued by a CA");
        }
        if (!extendsByOneRdn(name(issuer), name(cert)) || name(cert).getRDNs()[name(cert).getRDNs().length - 1].isMultiValued()
                || !name(cert).getRDNs()[name(cert).getRDNs().length - 1].getFirst().getType().equals(BCStyle.CN)) {
            throw new CertificateRejectedException(MALFORMED_PROXY, "proxy subject " + subject
                    + " is not its issuer's subject plus one CN");
        }
        if (cert.getBasicConstraints() >= 0) {
            throw new CertificateRejectedException(MALFORMED_PROXY, "proxy " + subject + " claims to be a CA");
        }
        for (String oid : NAME_EXTENSIONS) {
            if (cert.getExtensionValue(oid) != null) {
                throw new CertificateRejectedException(MALFORMED_PROXY, "proxy " + subject + " carries an alternative name");
            }
        }
        boolean[] issuerUsage = issuer.getKeyUsage();
        if (issuerUsage != null && !issuerUsage[KU_DIGITAL_SIGNATURE]) {
            throw new CertificateRejectedException(KEY_USAGE, "issuer of proxy " + subject
                    + " lacks the digitalSignature key usage");
        }
        boolean[] usage = cert.getKeyUsage();
        if (usage != null && usage.length > KU_KEY_CERT_SIGN && usage[KU_KEY_CERT_SIGN]) {
            throw new CertificateRejectedException(KEY_USAGE, "proxy " + subject + " asserts keyCertSign");
        }
        if (issuerType.isProxy() && issuerType.isRfc() != type.isRfc()) {
            throw new CertificateRejectedException(MALFORMED_PROXY, "chain mixes legacy and RFC 3820 proxies at " + subject);
        }
        if (issuerType.isLimited() && !type.isLimited()) {
            throw new CertificateRejectedException(MALFORMED_PROXY, "limited proxy signed a full proxy " + subject);
        }
        if (type.isRfc()) {
            int pathLength = decode(cert.getExtensionValue(ProxyCertInfo.OID.getId()), subject).pathLength();
            if (pathLength >= 0 && proxiesBelow > pathLength) {
                throw new CertificateRejectedException(MALFORMED_PROXY, "proxy " + subject + " allows " + pathLength
                        + " further proxies but " + proxiesBelow + " follow it");
            }
        }
    }

    private static boolean extendsByOneRdn(X500Name issuer, X500Name subject) {
        RDN[] i = issuer.getRDNs();
        RDN[] s = subject.getRDNs();
        return s.length == i.length + 1 && Arrays.equals(i, Arrays.copyOf(s, i.length));
    }

    private static X500Name name(X509Certificate cert) {
        return X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
    }
}
