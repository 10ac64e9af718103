package dev.wharf.server.acl;

import dev.wharf.config.AccessLevel;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The XML form sketched in the SlashGrid slides:
 * {@code <gridacl><person><dn>/O=Grid/CN=Jane Doe</dn><level>admin</level></person></gridacl>},
 * plus {@code <group><name>g</name><level>read</level></group>} for {@code @g}. A {@code <dn>} may
 * also hold {@code *}, {@code anonymous} or a user name, classified as in the text form (no quoting:
 * XML delimits it). Any other element is an error. DTDs and external entities are refused.
 */
public final class AclXmlParser {
    private AclXmlParser() {}

    public static AclParse parse(String content) {
        Collector collector = new Collector();
        try {
            newParser().parse(new InputSource(new StringReader(content)), collector);
            return new AclParse.Ok(collector.entries);
        } catch (SAXParseException e) {
            return new AclParse.Malformed(Math.max(e.getLineNumber(), 0), e.getMessage());
        } catch (AclSyntax e) {
            return new AclParse.Malformed(e.line, e.getMessage());
        } catch (SAXException | IOException e) {
            return new AclParse.Malformed(0, e.getMessage());
        }
    }

    private static SAXParser newParser() throws SAXException {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            SAXParser parser = factory.newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return parser;
        } catch (ParserConfigurationException e) {
            throw new SAXException("XML parser cannot be hardened: " + e.getMessage(), e);
        }
    }

    private static final class AclSyntax extends SAXException {
        final int line;

        AclSyntax(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    /** Element-by-element state machine: gridacl → (person|group) → (dn|name, level). */
    private static final class Collector extends DefaultHandler {
        final List<AclEntry> entries = new ArrayList<>();
        private Locator locator;
        private int depth;
        private String holder;
        private int holderLine;
        private String field;
        private final StringBuilder text = new StringBuilder();
        private String who;
        private String level;

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        private int line() {
            return locator == null ? 0 : locator.getLineNumber();
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            depth++;
            switch (depth) {
                case 1 -> require(qName.equals("gridacl"), "root element must be <gridacl>, got <" + qName + ">");
                case 2 -> {
                    require(qName.equals("person") || qName.equals("group"),
                            "expected <person> or <group> inside <gridacl>, got <" + qName + ">");
                    holder = qName;
                    holderLine = line();
                    who = null;
                    level = null;
                }
                case 3 -> {
                    String whoField = holder.equals("person") ? "dn" : "name";
                    require(qName.equals(whoField) || qName.equals("level"),
                            "expected <" + whoField + "> or <level> inside <" + holder + ">, got <" + qName + ">");
                    require(qName.equals("level") ? level == null : who == null, "<" + qName + "> given twice");
                    field = qName;
                    text.setLength(0);
                }
                default -> throw new AclSyntax(line(), "unexpected element <" + qName + "> inside <" + field + ">");
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (depth == 3) {
                text.append(ch, start, length);
            } else if (!new String(ch, start, length).isBlank()) {
                throw new AclSyntax(line(), "unexpected text outside <dn>, <name> or <level>");
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            if (depth == 3) {
                String value = text.toString().strip();
                if (field.equals("level")) {
                    level = value;
                } else {
                    who = value;
                }
            } else if (depth == 2) {
                entries.add(entry());
            }
            depth--;
        }

        private AclEntry entry() throws AclSyntax {
            require(who != null, "<" + holder + "> without <" + (holder.equals("person") ? "dn" : "name") + ">");
            require(level != null, "<" + holder + "> without <level>");
            try {
                AccessLevel parsedLevel = AclTextParser.level(level);
                AclPrincipal principal;
                if (holder.equals("group")) {
                    require(AclPrincipal.isGroupName(who), "bad group name '" + who + "'");
                    principal = new AclPrincipal(AclPrincipal.Kind.GROUP, who);
                } else {
                    principal = AclPrincipal.of(who);
                }
                return new AclEntry(parsedLevel, principal, holderLine);
            } catch (IllegalArgumentException e) {
                throw new AclSyntax(holderLine, e.getMessage());
            }
        }

        private void require(boolean ok, String message) throws AclSyntax {
            if (!ok) {
                throw new AclSyntax(line(), message);
            }
        }
    }
}
