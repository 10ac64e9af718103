package dev.wharf.server.ftp;

import java.nio.charset.StandardCharsets;

/**
 * How an owner (a recorded principal, docs/acl.md "Ownership") is written into listings. A grid DN
 * such as {@code /DC=org/CN=Jane Doe} contains spaces, and both listing forms are split on spaces by
 * clients: LIST lines by column (commons-net, lftp, curl's parsers), MLSx lines at the first space
 * after the facts. So LIST shows a short form without whitespace, and MLSx facts carry the full
 * principal percent-encoded.
 */
public final class OwnerText {

    private OwnerText() {}

    /**
     * The LIST owner column: a DN (slash form) shortens to the value of its last component, the
     * holder's common name ({@code Jane Doe} of {@code /O=Grid/CN=Jane Doe}); any whitespace or
     * control character becomes {@code _}. User names pass unchanged. Never empty.
     */
    public static String column(String owner) {
        if (!owner.startsWith("/") && !owner.isEmpty() && owner.chars().noneMatch(OwnerText::blank)) {
            return owner;
        }
        String text = owner;
        int slash = owner.lastIndexOf('/');
        if (owner.startsWith("/") && slash >= 0) {
            String last = owner.substring(slash + 1);
            int equals = last.indexOf('=');
            String value = equals >= 0 ? last.substring(equals + 1) : last;
            if (!value.isBlank()) {
                text = value;
            }
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean lastWasBlank = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean blank = blank(c);
            if (blank) {
                if (!lastWasBlank) {
                    out.append('_');
                }
            } else {
                out.append(c);
            }
            lastWasBlank = blank;
        }
        return out.isEmpty() ? "?" : out.toString();
    }

    private static boolean blank(int c) {
        return Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c);
    }

    /**
     * An MLSx fact value (RFC 3659 §7): no space, no {@code ;}, printable ASCII only. Every other
     * byte of the UTF-8 form, {@code %} itself and {@code =} are written {@code %XX} (as Globus
     * writes {@code UNIX.slink}), so {@code /O=Grid/CN=Jane Doe} becomes
     * {@code /O%3DGrid/CN%3DJane%20Doe}. RFC 3659 allows {@code =} in a value, but parsers split each
     * fact at every {@code =} (commons-net's MLSxEntryParser drops the whole entry otherwise).
     */
    public static String fact(String value) {
        StringBuilder out = null;
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean plain = b > 0x20 && b < 0x7f && b != ';' && b != '%' && b != '=';
            if (plain && out == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(bytes.length + 8).append(new String(bytes, 0, i, StandardCharsets.US_ASCII));
            }
            if (plain) {
                out.append((char) b);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out == null ? value : out.toString();
    }
}
