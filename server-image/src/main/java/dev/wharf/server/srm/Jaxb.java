package dev.wharf.server.srm;

import dev.wharf.server.srm.v22.ArrayOfAnyURI;
import dev.wharf.server.srm.v22.TStatusCode;
import jakarta.xml.bind.JAXBElement;
import java.util.List;

/** Reading the optional (minOccurs=0, nillable) fields of generated requests without null checks everywhere. */
public final class Jaxb {

    /** Requests name at most this many SURLs: a client wanting more sends several requests (docs/srm.md). */
    public static final int MAX_SURLS = 10_000;

    private Jaxb() {}

    /** The element's value, or null when it was absent or nil. */
    public static <T> T value(JAXBElement<T> element) {
        return element == null || element.isNil() ? null : element.getValue();
    }

    public static <T> T value(JAXBElement<T> element, T absent) {
        T v = value(element);
        return v == null ? absent : v;
    }

    /** The SURLs of a request's array; an absent or empty array fails the request (SRM_INVALID_REQUEST). */
    public static List<String> surls(ArrayOfAnyURI array) throws SrmException {
        List<String> urls = array == null ? List.of() : array.getUrlArray();
        if (urls.isEmpty()) {
            throw new SrmException(TStatusCode.SRM_INVALID_REQUEST, "the request names no SURL");
        }
        if (urls.size() > MAX_SURLS) {
            throw new SrmException(TStatusCode.SRM_INVALID_REQUEST, "more than " + MAX_SURLS + " SURLs in one request");
        }
        return urls;
    }
}
