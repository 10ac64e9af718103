package dev.wharf.server.dcap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses dCap control lines as libdcap writes them: whitespace-separated tokens, {@code "…"} groups a
 * token (quotes removed here), tokens starting with {@code -} are options. Only printable ASCII is
 * accepted (libdcap refuses anything else itself), lines are bounded by {@link #MAX_LINE}.
 */
public final class DcapLineParser {

    /** libdcap's own limit for one control line. */
    public static final int MAX_LINE = 4096;

    private DcapLineParser() {}

    public static DcapRequest parse(String line) throws DcapProtocolException {
        if (line.length() > MAX_LINE) {
            throw new DcapProtocolException("line longer than " + MAX_LINE + " bytes");
        }
        List<String> tokens = tokenize(line);
        if (tokens.size() < 4) {
            throw new DcapProtocolException("expected <sessionId> <commandId> <partner> <verb>");
        }
        long session = number(tokens.get(0), "session id");
        long command = number(tokens.get(1), "command id");
        List<String> args = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (String token : tokens.subList(4, tokens.size())) {
            if (token.length() > 1 && token.charAt(0) == '-' && !isNegativeNumber(token)) {
                int eq = token.indexOf('=');
                if (eq < 0) {
                    options.put(token.substring(1), "");
                } else {
                    options.put(token.substring(1, eq), token.substring(eq + 1));
                }
            } else {
                args.add(unquote(token));
            }
        }
        return new DcapRequest(session, command, tokens.get(2), tokens.get(3), args, options);
    }

    /** Splits on blanks; a quoted part keeps its quotes (as libdcap does) and may contain blanks. */
    static List<String> tokenize(String line) throws DcapProtocolException {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = null;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 && c != '\t' || c > 0x7e) {
                throw new DcapProtocolException("control line contains a byte that is not printable ASCII");
            }
            if (!quoted && (c == ' ' || c == '\t')) {
                if (current != null) {
                    tokens.add(current.toString());
                    current = null;
                }
                continue;
            }
            if (current == null) {
                current = new StringBuilder();
            }
            if (c == '"') {
                quoted = !quoted;
            }
            current.append(c);
        }
        if (quoted) {
            throw new DcapProtocolException("unterminated quoted string");
        }
        if (current != null) {
            tokens.add(current.toString());
        }
        return tokens;
    }

    /** Removes the quote characters of a token ({@code "dcap://h/a b"} → {@code dcap://h/a b}). */
    static String unquote(String token) {
        return token.indexOf('"') < 0 ? token : token.replace("\"", "");
    }

    private static boolean isNegativeNumber(String token) {
        for (int i = 1; i < token.length(); i++) {
            if (!Character.isDigit(token.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static long number(String token, String what) throws DcapProtocolException {
        if (token.isEmpty() || token.length() > 18) {
            throw new DcapProtocolException("bad " + what + ": " + shorten(token));
        }
        for (int i = 0; i < token.length(); i++) {
            if (!Character.isDigit(token.charAt(i))) {
                throw new DcapProtocolException("bad " + what + ": " + shorten(token));
            }
        }
        return Long.parseLong(token);
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
