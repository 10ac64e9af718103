package dev.wharf.server.gsi;

import dev.wharf.server.config.ConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the Globus EACL signing-policy format. Per CA a block of three statements:
 * <pre>
 * access_id_CA   X509    '/C=UK/O=eScience/CN=UK e-Science CA'
 * pos_rights     globus  CA:sign
 * cond_subjects  globus  '"/C=UK/O=eScience/*" "/C=UK/O=Other/*"'
 * </pre>
 * {@code #} starts a comment. Any other statement, a missing quote or a block without its rights is an
 * error naming the line; a pure function of the text.
 */
public final class SigningPolicyParser {

    private SigningPolicyParser() {
    }

    public static SigningPolicy parse(List<String> lines, String source) {
        Map<String, List<String>> subjects = new LinkedHashMap<>();
        String currentCa = null;
        boolean signRight = false;
        int caLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = stripComment(lines.get(i)).strip();
            if (line.isEmpty()) {
                continue;
            }
            int lineNo = i + 1;
            String[] keywordRest = line.split("\\s+", 2);
            String keyword = keywordRest[0];
            String rest = keywordRest.length > 1 ? keywordRest[1].strip() : "";
            switch (keyword) {
                case "access_id_CA" -> {
                    requireType(rest, "X509", source, lineNo);
                    currentCa = singleQuoted(rest.substring(4).strip(), source, lineNo);
                    signRight = false;
                    caLine = lineNo;
                }
                case "pos_rights" -> {
                    requireCa(currentCa, keyword, source, lineNo);
                    requireType(rest, "globus", source, lineNo);
                    signRight |= List.of(rest.substring(6).strip().split("\\s+")).contains("CA:sign");
                }
                case "cond_subjects" -> {
                    requireCa(currentCa, keyword, source, lineNo);
                    requireType(rest, "globus", source, lineNo);
                    if (!signRight) {
                        throw error(source, lineNo, "cond_subjects for '" + currentCa
                                + "' without a preceding 'pos_rights globus CA:sign' (block starts on line " + caLine + ")");
                    }
                    List<String> patterns = patterns(singleQuoted(rest.substring(6).strip(), source, lineNo), source, lineNo);
                    subjects.computeIfAbsent(currentCa, k -> new ArrayList<>()).addAll(patterns);
                }
                case "neg_rights" -> throw error(source, lineNo, "neg_rights is not supported");
                default -> throw error(source, lineNo, "unknown statement '" + keyword + "'");
            }
        }
        if (subjects.isEmpty()) {
            throw error(source, lines.size(), "no access_id_CA block with cond_subjects");
        }
        return new SigningPolicy(subjects);
    }

    /** A {@code #} outside single quotes starts a comment. */
    private static String stripComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == '#' && !quoted) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static void requireType(String rest, String type, String source, int lineNo) {
        if (!rest.startsWith(type) || (rest.length() > type.length() && !Character.isWhitespace(rest.charAt(type.length())))) {
            throw error(source, lineNo, "expected '" + type + "' after the statement name");
        }
    }

    private static void requireCa(String currentCa, String keyword, String source, int lineNo) {
        if (currentCa == null) {
            throw error(source, lineNo, keyword + " before any access_id_CA");
        }
    }

    private static String singleQuoted(String text, String source, int lineNo) {
        if (text.length() < 2 || text.charAt(0) != '\'' || text.indexOf('\'', 1) != text.length() - 1) {
            throw error(source, lineNo, "expected one value in single quotes, got: " + text);
        }
        return text.substring(1, text.length() - 1);
    }

    /** {@code "a" "b"} (the usual form) or bare whitespace-separated patterns. */
    private static List<String> patterns(String text, String source, int lineNo) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int end = text.indexOf('"', i + 1);
                if (end < 0) {
                    throw error(source, lineNo, "unterminated \" in cond_subjects");
                }
                out.add(text.substring(i + 1, end));
                i = end + 1;
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                out.add(text.substring(i, end));
                i = end;
            }
        }
        if (out.isEmpty()) {
            throw error(source, lineNo, "cond_subjects lists no subjects");
        }
        return out;
    }

    private static ConfigException error(String source, int lineNo, String message) {
        return new ConfigException(source + ":" + lineNo + ": " + message);
    }
}
