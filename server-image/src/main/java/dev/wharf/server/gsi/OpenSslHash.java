package dev.wharf.server.gsi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERT61String;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.DERUniversalString;
import org.bouncycastle.asn1.DERVisibleString;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * OpenSSL's subject-name hash ({@code openssl x509 -hash}, OpenSSL 1.0+), which names the files of an
 * {@code X509_CERT_DIR}: SHA-1 over the name's canonical encoding, first four bytes read little-endian.
 * The canonical encoding is the DER of each RDN set, concatenated without the outer SEQUENCE, where
 * every text value becomes a UTF8String that is trimmed, has inner whitespace runs collapsed to one
 * space and ASCII letters lower-cased; non-text values are kept as they are.
 */
public final class OpenSslHash {

    private OpenSslHash() {
    }

    /** Eight lower-case hex digits, as in the {@code <hash>.0} file names. */
    public static String subjectHash(X500Principal name) {
        return subjectHash(X500Name.getInstance(name.getEncoded()));
    }

    public static String subjectHash(X500Name name) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-1").digest(canonicalEncoding(name));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 unavailable", e);
        }
        long hash = (digest[0] & 0xffL) | (digest[1] & 0xffL) << 8 | (digest[2] & 0xffL) << 16
                | (digest[3] & 0xffL) << 24;
        return String.format("%08x", hash);
    }

    static byte[] canonicalEncoding(X500Name name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (RDN rdn : name.getRDNs()) {
                ASN1EncodableVector set = new ASN1EncodableVector();
                for (AttributeTypeAndValue ava : rdn.getTypesAndValues()) {
                    set.add(new DERSequence(new ASN1Encodable[] {ava.getType(), canonicalValue(ava.getValue())}));
                }
                out.write(new DERSet(set).getEncoded(ASN1Encoding.DER));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode name", e);
        }
        return out.toByteArray();
    }

    private static ASN1Encodable canonicalValue(ASN1Encodable value) {
        if (!isCanonicalisedType(value)) {
            return value;
        }
        String text = ((ASN1String) value).getString();
        return new DERUTF8String(canonicalText(text));
    }

    private static boolean isCanonicalisedType(ASN1Encodable value) {
        return value instanceof DERUTF8String || value instanceof DERIA5String || value instanceof DERPrintableString
                || value instanceof DERT61String || value instanceof DERBMPString || value instanceof DERUniversalString
                || value instanceof DERVisibleString;
    }

    /** Trim, collapse inner whitespace runs to one space, lower-case ASCII only (as OpenSSL's canon does). */
    static String canonicalText(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        int end = utf8.length;
        while (start < end && isSpace(utf8[start])) {
            start++;
        }
        while (end > start && isSpace(utf8[end - 1])) {
            end--;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = start; i < end; i++) {
            byte b = utf8[i];
            if (isSpace(b)) {
                out.write(' ');
                while (i + 1 < end && isSpace(utf8[i + 1])) {
                    i++;
                }
            } else if (b >= 'A' && b <= 'Z') {
                out.write(b + ('a' - 'A'));
            } else {
                out.write(b);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == 0x0b || b == '\f' || b == '\r';
    }
}
