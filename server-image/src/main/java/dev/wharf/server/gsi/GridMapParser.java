package dev.wharf.server.gsi;

import dev.wharf.server.config.ConfigException;
import dev.wharf.server.config.ConfiguredFile;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses grid-mapfiles with Globus's grammar: {@code "DN" account[,account...]}, leading whitespace and
 * {@code #} comment lines and blank lines ignored. The DN is double-quoted (a quote preceded by a backslash
 * does not close it) or, without quotes, runs to the next whitespace. Inside the DN a backslash escapes the
 * next character and {@code \xHH} is a byte. Accounts are separated by commas only; whatever follows them
 * after whitespace is ignored (often a trailing comment). A line Globus would skip as malformed is an
 * error here, with its line number, so a typo never silently locks a user out.
 */
public final class GridMapParser {

    private GridMapParser() {
    }

    public static GridMap load(Path file) {
        return parse(ConfiguredFile.lines(file, "gsi.gridmap", ConfiguredFile.LIST_LIMIT), file.toString());
    }

    public static GridMap parse(List<String> lines, String source) {
        List<GridMap.Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            GridMap.Entry entry = parseLine(lines.get(i), i + 1, source);
            if (entry != null) {
                entries.add(entry);
            }
        }
        return new GridMap(entries);
    }

    /** The entry on one line, or null for blank and comment lines. */
    static GridMap.Entry parseLine(String line, int lineNo, String source) {
        int pos = skipSpace(line, 0);
        if (pos == line.length() || line.charAt(pos) == '#') {
            return null;
        }
        int dnEnd;
        int dnStart;
        if (line.charAt(pos) == '"') {
            dnStart = pos + 1;
            dnEnd = dnStart;
            while (true) {
                dnEnd = line.indexOf('"', dnEnd);
                if (dnEnd < 0) {
                    throw error(source, lineNo, "the closing quote of the DN is missing");
                }
                if (line.charAt(dnEnd - 1) != '\\') {
                    break;
                }
                dnEnd++;
            }
        } else {
            dnStart = pos;
            dnEnd = pos;
            while (dnEnd < line.length() && !isSpace(line.charAt(dnEnd))) {
                dnEnd++;
            }
            if (dnEnd == line.length()) {
                throw error(source, lineNo, "no account follows the DN");
            }
        }
        String dn = unescape(line.substring(dnStart, dnEnd));
        if (dn.isEmpty()) {
            throw error(source, lineNo, "empty DN");
        }
        pos = skipSpace(line, dnEnd + 1);
        List<String> accounts = new ArrayList<>();
        while (pos < line.length() && !isSpace(line.charAt(pos))) {
            int end = pos;
            while (end < line.length() && line.charAt(end) != ',' && !isSpace(line.charAt(end))) {
                end++;
            }
            if (end == pos) {
                throw error(source, lineNo, "empty account name in the account list");
            }
            accounts.add(line.substring(pos, end));
            pos = end < line.length() && line.charAt(end) == ',' ? end + 1 : end;
        }
        if (accounts.isEmpty()) {
            throw error(source, lineNo, "no account follows the DN");
        }
        return new GridMap.Entry(dn, accounts, lineNo);
    }

    /**
     * Decodes the escapes, then renders the bytes as OpenSSL prints names (printable ASCII as is, other
     * bytes {@code \xHH}) so that a line written with raw UTF-8 or with escapes matches the principal.
     */
    private static String unescape(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                char next = raw.charAt(++i);
                if (next == 'x' && hex(raw, i + 1) && hex(raw, i + 2)) {
                    bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                    i += 2;
                    continue;
                }
                c = next;
            }
            byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            bytes.write(b, 0, b.length);
        }
        StringBuilder out = new StringBuilder();
        for (byte b : bytes.toByteArray()) {
            int v = b & 0xff;
            out.append(v < ' ' || v > '~' ? String.format("\\x%02X", v) : String.valueOf((char) v));
        }
        return out.toString();
    }

    private static boolean hex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }

    private static int skipSpace(String line, int pos) {
        while (pos < line.length() && isSpace(line.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static ConfigException error(String source, int lineNo, String message) {
        return new ConfigException(source + ":" + lineNo + ": " + message);
    }
}
