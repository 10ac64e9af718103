package dev.wharf.server.gsi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.DERUniversalString;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Distinguished names in the OpenSSL one-line ("slash") form that every Globus tool prints and every
 * grid-mapfile holds: {@code /C=UK/O=eScience/CN=Jane Doe}. RDNs appear in certificate (encoding) order
 * with OpenSSL's short attribute names; as OpenSSL's {@code X509_NAME_oneline} does, bytes outside
 * printable ASCII are written {@code \xHH} and nothing else is escaped (so {@code /} inside a value is
 * ambiguous: parsing splits only where {@code /NAME=} follows).
 */
public final class OpenSslDn {

    private static final Map<ASN1ObjectIdentifier, String> SHORT_NAMES = new HashMap<>();
    private static final Map<String, ASN1ObjectIdentifier> BY_NAME = new HashMap<>();
    /** Spellings older OpenSSL and Globus releases printed, mapped to today's name. */
    private static final Map<String, String> ALIASES = Map.of(
            "e", "emailAddress", "email", "emailAddress", "userid", "UID");
    private static final Pattern NEXT_RDN = Pattern.compile("/([A-Za-z][A-Za-z0-9.-]*|[0-9]+(?:\\.[0-9]+)+)=");

    static {
        name(BCStyle.C, "C");
        name(BCStyle.ST, "ST");
        name(BCStyle.L, "L");
        name(BCStyle.O, "O");
        name(BCStyle.OU, "OU");
        name(BCStyle.CN, "CN");
        name(BCStyle.DC, "DC");
        name(BCStyle.UID, "UID");
        name(BCStyle.EmailAddress, "emailAddress");
        name(BCStyle.SERIALNUMBER, "serialNumber");
        name(BCStyle.SURNAME, "SN");
        name(BCStyle.GIVENNAME, "GN");
        name(BCStyle.T, "title");
        name(BCStyle.INITIALS, "initials");
        name(BCStyle.GENERATION, "generationQualifier");
        name(BCStyle.DN_QUALIFIER, "dnQualifier");
        name(BCStyle.PSEUDONYM, "pseudonym");
        name(BCStyle.STREET, "street");
        name(BCStyle.POSTAL_CODE, "postalCode");
        name(BCStyle.BUSINESS_CATEGORY, "businessCategory");
        name(BCStyle.DESCRIPTION, "description");
        name(BCStyle.NAME, "name");
        name(BCStyle.ORGANIZATION_IDENTIFIER, "organizationIdentifier");
    }

    private OpenSslDn() {
    }

    private static void name(ASN1ObjectIdentifier oid, String shortName) {
        SHORT_NAMES.put(oid, shortName);
        BY_NAME.put(shortName.toLowerCase(Locale.ROOT), oid);
    }

    public static String render(X500Principal principal) {
        return render(X500Name.getInstance(principal.getEncoded()));
    }

    /** The one-line form of {@code name}; the empty name renders as the empty string. */
    public static String render(X500Name name) {
        StringBuilder out = new StringBuilder();
        for (RDN rdn : name.getRDNs()) {
            for (AttributeTypeAndValue ava : rdn.getTypesAndValues()) {
                out.append('/').append(shortName(ava.getType())).append('=');
                appendValue(out, ava.getValue());
            }
        }
        return out.toString();
    }

    private static String shortName(ASN1ObjectIdentifier oid) {
        String shortName = SHORT_NAMES.get(oid);
        return shortName != null ? shortName : oid.getId();
    }

    private static void appendValue(StringBuilder out, ASN1Encodable value) {
        byte[] bytes = valueBytes(value);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c < ' ' || c > '~') {
                out.append(String.format("\\x%02X", c));
            } else {
                out.append((char) c);
            }
        }
    }

    /** The content octets OpenSSL prints: BMP/Universal strings narrowed to their low bytes when that loses nothing. */
    private static byte[] valueBytes(ASN1Encodable value) {
        if (value instanceof DERBMPString bmp) {
            return narrow(bmp.getString(), 0xff, bmp.getString().getBytes(StandardCharsets.UTF_16BE));
        }
        if (value instanceof DERUniversalString universal) {
            return universal.getOctets();
        }
        if (value instanceof ASN1String string) {
            // Printable, IA5, Visible and T61 strings are single-byte; UTF8String is printed as raw UTF-8.
            return string.getString().getBytes(value instanceof DERUTF8String
                    ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        }
        try {
            return value.toASN1Primitive().getEncoded();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unencodable name value", e);
        }
    }

    private static byte[] narrow(String s, int max, byte[] fallback) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > max) {
                return fallback;
            }
            out.write(c);
        }
        return out.toByteArray();
    }

    /**
     * Parses the one-line form back into a name (C as PrintableString, DC and emailAddress as IA5String,
     * everything else UTF8String). Accepts the old spellings {@code E}, {@code Email} and {@code USERID}.
     *
     * @throws IllegalArgumentException naming the problem when {@code dn} is not in slash form
     */
    public static X500Name parse(String dn) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
        if (dn.isEmpty()) {
            return builder.build();
        }
        if (!dn.startsWith("/")) {
            throw new IllegalArgumentException("DN must start with '/': " + dn);
        }
        for (String[] av : split(dn)) {
            ASN1ObjectIdentifier oid = oidOf(av[0]);
            String value = decode(av[1]);
            if (oid.equals(BCStyle.C)) {
                builder.addRDN(oid, new DERPrintableString(value));
            } else if (oid.equals(BCStyle.DC) || oid.equals(BCStyle.EmailAddress)) {
                builder.addRDN(oid, new DERIA5String(value));
            } else {
                builder.addRDN(oid, new DERUTF8String(value));
            }
        }
        return builder.build();
    }

    /** Splits a slash-form DN into {name, raw value} pairs. */
    static List<String[]> split(String dn) {
        Matcher m = NEXT_RDN.matcher(dn);
        List<int[]> starts = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[] {m.start(), m.end()});
        }
        if (starts.isEmpty() || starts.get(0)[0] != 0) {
            throw new IllegalArgumentException("not a slash-form DN (expected /NAME=value): " + dn);
        }
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int[] s = starts.get(i);
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : dn.length();
            out.add(new String[] {dn.substring(s[0] + 1, s[1] - 1), dn.substring(s[1], end)});
        }
        return out;
    }

    private static ASN1ObjectIdentifier oidOf(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String canonical = ALIASES.getOrDefault(lower, name).toLowerCase(Locale.ROOT);
        ASN1ObjectIdentifier oid = BY_NAME.get(canonical);
        if (oid != null) {
            return oid;
        }
        if (Character.isDigit(name.charAt(0))) {
            return new ASN1ObjectIdentifier(name);
        }
        throw new IllegalArgumentException("unknown attribute name '" + name + "' in DN");
    }

    /** Undoes the {@code \xHH} escapes; the resulting bytes are read as UTF-8. */
    private static String decode(String raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 3 < raw.length() && raw.charAt(i + 1) == 'x'
                    && isHex(raw.charAt(i + 2)) && isHex(raw.charAt(i + 3))) {
                out.write(Integer.parseInt(raw.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /**
     * The comparison key Globus-style matching uses: attribute names mapped to one spelling
     * ({@code E}/{@code Email} → {@code emailAddress}, {@code USERID} → {@code UID}) and the whole
     * string compared case-insensitively. Strings that are not slash-form DNs are only lower-cased.
     */
    public static String comparisonKey(String dn) {
        List<String[]> parts;
        try {
            parts = split(dn);
        } catch (IllegalArgumentException notSlashForm) {
            return dn.toLowerCase(Locale.ROOT);
        }
        StringBuilder out = new StringBuilder();
        for (String[] av : parts) {
            String lower = av[0].toLowerCase(Locale.ROOT);
            out.append('/').append(ALIASES.getOrDefault(lower, av[0]).toLowerCase(Locale.ROOT))
                    .append('=').append(av[1].toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    /** True when both strings name the same DN under {@link #comparisonKey(String)}. */
    public static boolean sameDn(String a, String b) {
        return comparisonKey(a).equals(comparisonKey(b));
    }
}
