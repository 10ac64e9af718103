package dev.wharf.server.gsi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Vectors from {@code openssl x509 -hash} (OpenSSL 3.0) on certificates with these subjects. */
class OpenSslHashTest {

    @Test
    void matchesOpenSslForTheTestCa() {
        assertEquals("4c93e8ee", OpenSslHash.subjectHash(OpenSslDn.parse("/C=XX/O=Wharf Test/CN=Wharf Test CA")));
    }

    @Test
    void canonicalisesCaseWhitespaceAndStringTypes() {
        // IA5 DCs and e-mail, padded mixed-case O, UTF-8 CN: all canonicalised as OpenSSL does.
        String dn = "/DC=org/DC=Example/O=  Mixed   Case Org /CN=J\\xC3\\xBCrgen M\\xC3\\xBCller"
                + "/emailAddress=Jane@Example.ORG";
        assertEquals("df908ff3", OpenSslHash.subjectHash(OpenSslDn.parse(dn)));
    }

    @Test
    void canonicalTextTrimsCollapsesAndLowercasesAsciiOnly() {
        assertEquals("a b c", OpenSslHash.canonicalText(" \tA  B\n\nc  "));
        assertEquals("jürgen", OpenSslHash.canonicalText("JÜRGEN".replace("Ü", "ü")));
    }
}
