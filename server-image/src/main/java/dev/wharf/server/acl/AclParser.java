package dev.wharf.server.acl;

/** Parses either form of a {@code .grid-acl} file: XML when the first non-blank character is {@code <}. */
public final class AclParser {
    private AclParser() {}

    public static AclParse parse(String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        return isXml(text) ? AclXmlParser.parse(text) : AclTextParser.parse(text);
    }

    public static boolean isXml(String content) {
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '<';
            }
        }
        return false;
    }
}
