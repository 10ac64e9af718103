package dev.wharf.server.gsi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;

class OpenSslDnTest {

    @Test
    void rendersInEncodingOrderWithOpenSslShortNames() {
        X500Principal p = new X500Principal("CN=Jane Doe, OU=People, O=eScience, C=UK");
        assertEquals("/C=UK/O=eScience/OU=People/CN=Jane Doe", OpenSslDn.render(p));
    }

    @Test
    void rendersEmailUidAndDomainComponents() {
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.DC, "org").addRDN(BCStyle.DC, "example")
                .addRDN(BCStyle.UID, "jdoe").addRDN(BCStyle.EmailAddress, "jane@example.org").build();
        assertEquals("/DC=org/DC=example/UID=jdoe/emailAddress=jane@example.org", OpenSslDn.render(name));
    }

    @Test
    void escapesNonAsciiBytesLikeX509NameOneline() {
        X500Name name = OpenSslDn.parse("/O=Test/CN=J\\xC3\\xBCrgen");
        assertEquals("/O=Test/CN=J\\xC3\\xBCrgen", OpenSslDn.render(name));
        assertEquals("Jürgen", name.getRDNs(BCStyle.CN)[0].getFirst().getValue().toString());
    }

    @Test
    void bmpStringIsNarrowedWhenLatin1() {
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, new DERBMPString("Abc")).build();
        assertEquals("/CN=Abc", OpenSslDn.render(name));
    }

    @Test
    void unknownAttributesUseDottedOid() {
        X500Name name = OpenSslDn.parse("/1.2.3.4=x/CN=y");
        assertEquals("/1.2.3.4=x/CN=y", OpenSslDn.render(name));
    }

    @Test
    void parseAcceptsOldSpellingsAndSlashesInsideValues() {
        X500Name name = OpenSslDn.parse("/O=a/b/E=j@x.org/USERID=jd");
        assertEquals("/O=a/b/emailAddress=j@x.org/UID=jd", OpenSslDn.render(name));
    }

    @Test
    void parseRefusesNonSlashForms() {
        assertThrows(IllegalArgumentException.class, () -> OpenSslDn.parse("CN=x,O=y"));
        assertThrows(IllegalArgumentException.class, () -> OpenSslDn.parse("/NOSUCHATTR=x"));
    }

    @Test
    void roundTripsThroughTheCertificateEncoding() {
        String dn = "/DC=org/DC=example/O=Example/OU=People/CN=Jane Doe/emailAddress=jane@example.org";
        X500Principal p = new X500Principal(org.bouncycastle.util.Arrays.clone(encoded(OpenSslDn.parse(dn))));
        assertEquals(dn, OpenSslDn.render(p));
    }

    @Test
    void comparisonIgnoresCaseAndOldAttributeSpellings() {
        assertTrue(OpenSslDn.sameDn("/O=Grid/CN=Jane/Email=J@X.org", "/o=grid/cn=jane/emailAddress=j@x.org"));
        assertTrue(OpenSslDn.sameDn("/O=Grid/USERID=jd", "/O=Grid/UID=jd"));
        assertTrue(OpenSslDn.sameDn("/O=Grid/E=a@b", "/O=Grid/emailAddress=a@b"));
        assertFalse(OpenSslDn.sameDn("/O=Grid/CN=Jane", "/O=Grid/CN=Jane/CN=proxy"));
    }

    private static byte[] encoded(X500Name name) {
        try {
            return name.getEncoded();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
