package dev.wharf.server.srm.soap;

import dev.wharf.server.srm.v22.ObjectFactory;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.function.Function;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * SOAP 1.1 RPC/encoded envelopes as srm.v2.2.wsdl binds them (and gSOAP clients send them): the Body
 * holds one element named after the operation in the SRM namespace ({@code <srm:srmLs>}), whose one
 * child is the part ({@code <srmLsRequest>}, unqualified) of the generated request type. Answers mirror
 * it: {@code <srm:srmLsResponse><srmLsResponse>…}. Pure functions over bytes; parsing goes through
 * {@link SafeXml}. SOAP-encoding multi-references ({@code href}/{@code id}) are not resolved: no SRM
 * client in use sends them.
 */
public final class SoapEnvelopes {

    public static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String ENCODING_NS = "http://schemas.xmlsoap.org/soap/encoding/";
    public static final String SRM_NS = "http://srm.lbl.gov/StorageResourceManager";
    private static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String XSD_NS = "http://www.w3.org/2001/XMLSchema";

    private static final JAXBContext CONTEXT = context();

    private SoapEnvelopes() {}

    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(ObjectFactory.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot build the SRM v2.2 JAXB context: " + e, e);
        }
    }

    /** Loads the JAXB context now (it takes a moment), so the first request does not pay for it. */
    public static void warmUp() {
        CONTEXT.getClass();
    }

    /**
     * Decodes one call.
     *
     * @param requestTypes the generated request class of an operation name, empty for an unknown operation
     * @throws SoapFaultException when the message is not a well-formed SOAP call of a known operation
     */
    public static SoapCall read(byte[] body, Function<String, Optional<Class<?>>> requestTypes) throws SoapFaultException {
        try {
            XMLStreamReader r = SafeXml.reader(body);
            expect(r, r.nextTag(), SOAP_NS, "Envelope");
            int event = r.nextTag();
            if (event == XMLStreamConstants.START_ELEMENT && isSoap(r, "Header")) {
                skipElement(r);
                event = r.nextTag();
            }
            expect(r, event, SOAP_NS, "Body");
            if (r.nextTag() != XMLStreamConstants.START_ELEMENT) {
                throw new SoapFaultException("the SOAP Body is empty");
            }
            String operation = r.getLocalName();
            if (!SRM_NS.equals(r.getNamespaceURI())) {
                throw new SoapFaultException("operation " + r.getName() + " is not in the SRM v2.2 namespace " + SRM_NS);
            }
            Class<?> type = requestTypes.apply(operation)
                    .orElseThrow(() -> new SoapFaultException("unknown SRM operation " + operation));
            Object request = r.nextTag() == XMLStreamConstants.START_ELEMENT ? unmarshal(r, type) : emptyRequest(type);
            return new SoapCall(operation, request);
        } catch (XMLStreamException e) {
            throw new SoapFaultException("malformed SOAP message: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // the JDK's parser lets some malformed input out as unchecked exceptions (a control character in
            // a DOCTYPE's internal subset: MissingResourceException, found by SoapEnvelopeFuzzTest)
            throw new SoapFaultException("malformed SOAP message: " + e.getClass().getSimpleName(), e);
        }
    }

    private static Object unmarshal(XMLStreamReader r, Class<?> type) throws SoapFaultException {
        try {
            Unmarshaller u = CONTEXT.createUnmarshaller();
            // Unknown extra elements are tolerated (clients add what later schema versions know); a value that
            // cannot be converted (a count of "many") or a broken document is not.
            u.setEventHandler(e -> e.getSeverity() == ValidationEvent.WARNING
                    || e.getSeverity() == ValidationEvent.ERROR && e.getLinkedException() == null);
            JAXBElement<?> element = u.unmarshal(r, type);
            if (element.getValue() == null) {
                // xsi:nil="true" on the part: every handler expects a request object (found by SoapEnvelopeFuzzTest)
                throw new SoapFaultException("the " + type.getSimpleName() + " is nil");
            }
            return element.getValue();
        } catch (JAXBException e) {
            Throwable cause = e.getLinkedException() != null ? e.getLinkedException() : e;
            throw new SoapFaultException("cannot read the " + type.getSimpleName() + ": " + cause.getMessage(), e);
        }
    }

    private static Object emptyRequest(Class<?> type) throws SoapFaultException {
        try {
            return type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new SoapFaultException("cannot make an empty " + type.getSimpleName(), e);
        }
    }

    /** The answer to {@code operation}: {@code response} as its part. */
    public static byte[] response(String operation, Object response) {
        return write(w -> {
            w.writeStartElement("srm", operation + "Response", SRM_NS);
            w.writeAttribute("SOAP-ENV", SOAP_NS, "encodingStyle", ENCODING_NS);
            marshal(w, new QName(operation + "Response"), response);
            w.writeEndElement();
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void marshal(XMLStreamWriter w, QName name, Object value) throws XMLStreamException {
        try {
            Marshaller m = CONTEXT.createMarshaller();
            m.setProperty(Marshaller.JAXB_FRAGMENT, true);
            m.marshal(new JAXBElement(name, value.getClass(), value), w);
        } catch (JAXBException e) {
            throw new XMLStreamException("cannot write " + value.getClass().getSimpleName() + ": " + e, e);
        }
    }

    /** A SOAP 1.1 fault: {@code Client} for a message we cannot take, {@code Server} for our own failure. */
    public static byte[] fault(boolean clientFault, String message) {
        return write(w -> {
            w.writeStartElement("SOAP-ENV", "Fault", SOAP_NS);
            w.writeStartElement("faultcode");
            w.writeCharacters(clientFault ? "SOAP-ENV:Client" : "SOAP-ENV:Server");
            w.writeEndElement();
            w.writeStartElement("faultstring");
            w.writeCharacters(message);
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    @FunctionalInterface
    private interface BodyWriter {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static byte[] write(BodyWriter body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try {
            XMLStreamWriter w = SafeXml.output().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("SOAP-ENV", "Envelope", SOAP_NS);
            w.writeNamespace("SOAP-ENV", SOAP_NS);
            w.writeNamespace("SOAP-ENC", ENCODING_NS);
            w.writeNamespace("xsi", XSI_NS);
            w.writeNamespace("xsd", XSD_NS);
            w.writeNamespace("srm", SRM_NS);
            w.writeStartElement("SOAP-ENV", "Body", SOAP_NS);
            body.write(w);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write a SOAP envelope: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static boolean isSoap(XMLStreamReader r, String local) {
        return SOAP_NS.equals(r.getNamespaceURI()) && local.equals(r.getLocalName());
    }

    private static void expect(XMLStreamReader r, int event, String ns, String local) throws SoapFaultException {
        if (event != XMLStreamConstants.START_ELEMENT || !isSoap(r, local)) {
            throw new SoapFaultException("expected the SOAP 1.1 " + local + " element (" + ns + ")");
        }
    }

    private static void skipElement(XMLStreamReader r) throws XMLStreamException {
        for (int depth = 1; depth > 0; ) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }
}
