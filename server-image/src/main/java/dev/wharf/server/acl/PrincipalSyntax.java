package dev.wharf.server.acl;

/**
 * Quoting of principals in ACL and groups files. A principal without whitespace, quotes, commas or
 * backslashes is written bare; otherwise inside double quotes, where {@code \"} stands for a quote
 * and {@code \\} for a backslash (no other escapes exist, so a stray backslash is an error).
 */
public final class PrincipalSyntax {
    private PrincipalSyntax() {}

    /** A principal read from {@code text} starting at {@code start}, and where it ended. */
    public record Token(String value, int end) {}

    /**
     * Reads one principal token at {@code start}: quoted, or bare up to whitespace or one of
     * {@code stopChars}.
     *
     * @throws IllegalArgumentException for an unterminated quote or an unknown escape
     */
    public static Token read(String text, int start, String stopChars) {
        if (start < text.length() && text.charAt(start) == '"') {
            StringBuilder value = new StringBuilder();
            int i = start + 1;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '"') {
                    return new Token(value.toString(), i + 1);
                }
                if (c == '\\') {
                    if (i + 1 >= text.length()) {
                        break;
                    }
                    char next = text.charAt(i + 1);
                    if (next != '"' && next != '\\') {
                        throw new IllegalArgumentException("unknown escape '\\" + next + "' in quoted principal (only \\\" and \\\\)");
                    }
                    value.append(next);
                    i += 2;
                    continue;
                }
                value.append(c);
                i++;
            }
            throw new IllegalArgumentException("unterminated quoted principal");
        }
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || stopChars.indexOf(c) >= 0) {
                break;
            }
            if (c == '"' || c == '\\') {
                throw new IllegalArgumentException("'" + c + "' in an unquoted principal; quote it");
            }
            i++;
        }
        return new Token(text.substring(start, i), i);
    }

    /** The principal as it must be written in a file: bare when it can be, else quoted and escaped. */
    public static String quote(String principal) {
        boolean bare = !principal.isEmpty();
        for (int i = 0; i < principal.length() && bare; i++) {
            char c = principal.charAt(i);
            bare = !Character.isWhitespace(c) && c != '"' && c != '\\' && c != ',' && c != '#';
        }
        if (bare) {
            return principal;
        }
        return '"' + principal.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
