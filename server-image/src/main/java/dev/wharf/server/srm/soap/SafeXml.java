package dev.wharf.server.srm.soap;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * The JDK's StAX parser with everything a SOAP body never needs switched off: no DTDs (a DOCTYPE is an
 * error, not skipped), no external entities, no entity expansion, and a bound on element depth. The
 * request's size is bounded before it gets here (the door's {@code srm.max-request-bytes}).
 */
public final class SafeXml {

    /** SRM's deepest real structure (srmLs details inside details) is far shallower than this. */
    public static final int MAX_DEPTH = 64;

    private static final XMLInputFactory INPUT = input();
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();

    private SafeXml() {}

    private static XMLInputFactory input() {
        // newDefaultFactory: the JDK's own parser, whatever else is on the class path
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** A reader over {@code xml} that fails on a DTD and on nesting deeper than {@link #MAX_DEPTH}. */
    public static XMLStreamReader reader(byte[] xml) throws XMLStreamException {
        XMLStreamReader plain = INPUT.createXMLStreamReader(new java.io.ByteArrayInputStream(xml));
        return new Guarded(plain);
    }

    public static XMLOutputFactory output() {
        return OUTPUT;
    }

    /** Counts depth and refuses DTDs and entity references as they are read. */
    private static final class Guarded extends StreamReaderDelegate {
        private int depth;

        Guarded(XMLStreamReader reader) throws XMLStreamException {
            super(reader);
            check(reader.getEventType());
        }

        @Override
        public int next() throws XMLStreamException {
            return check(super.next());
        }

        @Override
        public int nextTag() throws XMLStreamException {
            // nextTag skips whitespace and comments through next(), which checks each event
            int event;
            do {
                event = next();
            } while (event == CHARACTERS && isWhiteSpace() || event == COMMENT || event == SPACE
                    || event == PROCESSING_INSTRUCTION);
            if (event != START_ELEMENT && event != END_ELEMENT) {
                throw new XMLStreamException("expected an element, found event " + event, getLocation());
            }
            return event;
        }

        private int check(int event) throws XMLStreamException {
            switch (event) {
                case DTD -> throw new XMLStreamException("a DOCTYPE is not allowed in a SOAP message", getLocation());
                case ENTITY_REFERENCE -> throw new XMLStreamException("entity references are not allowed", getLocation());
                case START_ELEMENT -> {
                    if (++depth > MAX_DEPTH) {
                        throw new XMLStreamException("elements nested deeper than " + MAX_DEPTH, getLocation());
                    }
                }
                case END_ELEMENT -> depth--;
                default -> { }
            }
            return event;
        }
    }
}
