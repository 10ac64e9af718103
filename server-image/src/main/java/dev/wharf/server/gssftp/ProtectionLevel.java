package dev.wharf.server.gssftp;

/**
 * PROT levels of RFC 2228 over a GSS mechanism: C clear, S every block integrity-protected, P integrity and
 * confidentiality. E (confidentiality alone) exists in the RFC but neither GSI nor Kerberos offers it.
 */
public enum ProtectionLevel {
    CLEAR("C"), SAFE("S"), PRIVATE("P");

    private final String letter;

    ProtectionLevel(String letter) {
        this.letter = letter;
    }

    public String letter() {
        return letter;
    }
}
