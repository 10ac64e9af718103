package dev.wharf.server.gsi;

import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;

/**
 * The RFC 3820 ProxyCertInfo extension: {@code SEQUENCE { pCPathLenConstraint INTEGER OPTIONAL,
 * proxyPolicy SEQUENCE { policyLanguage OID, policy OCTET STRING OPTIONAL } }}. The GT3 draft extension
 * (OID 1.3.6.1.4.1.3536.1.222) puts the policy first and the path length after it, tagged; only its
 * presence matters here (draft proxies are refused).
 *
 * @param pathLength the pCPathLenConstraint, or -1 when absent (unlimited)
 * @param policyLanguage the policy language OID
 */
public record ProxyCertInfo(int pathLength, ASN1ObjectIdentifier policyLanguage) {

    public static final ASN1ObjectIdentifier OID = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.1.14");
    public static final ASN1ObjectIdentifier DRAFT_OID = new ASN1ObjectIdentifier("1.3.6.1.4.1.3536.1.222");
    public static final ASN1ObjectIdentifier INHERIT_ALL = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.21.1");
    public static final ASN1ObjectIdentifier INDEPENDENT = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.21.2");
    public static final ASN1ObjectIdentifier ANY_LANGUAGE = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.21.0");
    public static final ASN1ObjectIdentifier GLOBUS_LIMITED = new ASN1ObjectIdentifier("1.3.6.1.4.1.3536.1.1.1.9");

    /**
     * Decodes the extension value (the contents of the extnValue OCTET STRING).
     *
     * @throws IllegalArgumentException when it is not a ProxyCertInfo
     */
    public static ProxyCertInfo decode(byte[] extnValue) {
        try {
            ASN1Sequence seq = ASN1Sequence.getInstance(extnValue);
            int index = 0;
            int pathLength = -1;
            if (seq.size() == 2) {
                BigInteger value = ASN1Integer.getInstance(seq.getObjectAt(index++)).getValue();
                if (value.signum() < 0 || value.bitLength() > 31) {
                    throw new IllegalArgumentException("pCPathLenConstraint out of range: " + value);
                }
                pathLength = value.intValue();
            } else if (seq.size() != 1) {
                throw new IllegalArgumentException("ProxyCertInfo has " + seq.size() + " elements");
            }
            ASN1Sequence policy = ASN1Sequence.getInstance(seq.getObjectAt(index));
            if (policy.size() < 1 || policy.size() > 2) {
                throw new IllegalArgumentException("proxyPolicy has " + policy.size() + " elements");
            }
            ASN1ObjectIdentifier language = ASN1ObjectIdentifier.getInstance(policy.getObjectAt(0));
            if (policy.size() == 2) {
                ASN1OctetString.getInstance(policy.getObjectAt(1));
            }
            return new ProxyCertInfo(pathLength, language);
        } catch (IllegalStateException | ClassCastException e) {
            throw new IllegalArgumentException("malformed ProxyCertInfo: " + e.getMessage(), e);
        }
    }

    /** The DER encoding of this extension value (used when signing proxies). */
    public byte[] encode() {
        ASN1EncodableVector policy = new ASN1EncodableVector();
        policy.add(policyLanguage);
        ASN1EncodableVector outer = new ASN1EncodableVector();
        if (pathLength >= 0) {
            outer.add(new ASN1Integer(pathLength));
        }
        outer.add(new DERSequence(policy));
        try {
            return new DERSequence(outer).getEncoded();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
