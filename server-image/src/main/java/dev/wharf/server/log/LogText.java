package dev.wharf.server.log;

/**
 * Makes text a client or a file supplied safe for one log line or one reply line (log forging): every
 * character that can end a line or hide text in a terminal or log viewer is written as {@code \\uXXXX}.
 * That is every control character (C0, DEL and C1, so CR, LF, ESC and NEL U+0085), the line and
 * paragraph separators U+2028/U+2029, format characters (bidi overrides, zero-width characters, BOM) and
 * lone surrogates. Backslashes are kept as they are: DNs print non-ASCII bytes as {@code \xHH}.
 */
public final class LogText {

    /** The bound for names shown in replies and login lines. */
    public static final int SHORT = 64;
    /** The bound for a whole log message: a client cannot make one line megabytes long. */
    public static final int MESSAGE = 4096;

    private LogText() {}

    /** {@link #escape} bounded to {@link #SHORT} characters of input, for user names in replies and logs. */
    public static String clean(String text) {
        return escape(text, SHORT);
    }

    /** The text with every unsafe character escaped; the first {@code max} characters, then "...". */
    public static String escape(String text, int max) {
        if (text == null) {
            return "";
        }
        int end = Math.min(text.length(), max);
        StringBuilder out = null;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            boolean unsafe = unsafe(text, i, c);
            if (unsafe && out == null) {
                out = new StringBuilder(end + 16).append(text, 0, i);
            }
            if (unsafe) {
                out.append(String.format("\\u%04X", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        String body = out != null ? out.toString() : end == text.length() ? text : text.substring(0, end);
        return text.length() > max ? body + "..." : body;
    }

    private static boolean unsafe(String text, int i, char c) {
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.FORMAT;
    }
}
