package dev.wharf.server.gsi;

/** What a certificate in a GSI chain is (Globus's cert-type classification, reduced to what we accept). */
public enum ProxyType {
    /** An end-entity or CA certificate: not a proxy. */
    NONE(false, false),
    /** Legacy Globus (GT2) proxy, last RDN {@code CN=proxy}. */
    LEGACY(true, false),
    /** Legacy Globus limited proxy, last RDN {@code CN=limited proxy}. */
    LEGACY_LIMITED(true, true),
    /** RFC 3820 proxy with policy language inheritAll or anyLanguage. */
    RFC_IMPERSONATION(true, false),
    /** RFC 3820 proxy with the Globus limited-proxy policy language. */
    RFC_LIMITED(true, true);

    private final boolean proxy;
    private final boolean limited;

    ProxyType(boolean proxy, boolean limited) {
        this.proxy = proxy;
        this.limited = limited;
    }

    public boolean isProxy() {
        return proxy;
    }

    public boolean isLimited() {
        return limited;
    }

    public boolean isRfc() {
        return this == RFC_IMPERSONATION || this == RFC_LIMITED;
    }
}
