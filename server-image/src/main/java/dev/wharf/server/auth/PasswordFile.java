package dev.wharf.server.auth;

import dev.wharf.server.config.ConfigException;
import dev.wharf.server.config.ConfiguredFile;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A parsed Globus gridftp password file. {@link #parse} is a pure function: blank lines and
 * {@code #} comments are skipped, a trailing CR is tolerated, and every bad line is reported with
 * its number (all of them at once, never echoing a hash) in one {@link ConfigException}.
 */
public final class PasswordFile {

    public static final int MAX_LINE_LENGTH = 4096;
    /** Letters, digits and {@code . _ - @ +}; not starting with {@code -}; what FTP USER can carry safely. */
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@+][A-Za-z0-9._@+-]{0,255}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,10}");

    private final Map<String, PasswordEntry> entries;
    private final String source;

    private PasswordFile(Map<String, PasswordEntry> entries, String source) {
        this.entries = Collections.unmodifiableMap(entries);
        this.source = source;
    }

    public static PasswordFile load(Path file) {
        byte[] bytes = ConfiguredFile.read(file, "auth.password-file", ConfiguredFile.LIST_LIMIT);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException("password file " + file + " is not valid UTF-8");
        }
        return parse(List.of(text.split("\n", -1)), file.toString());
    }

    public static PasswordFile parse(List<String> lines, String source) {
        Map<String, PasswordEntry> entries = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            String where = source + ":" + (i + 1) + ": ";
            try {
                PasswordEntry entry = parseLine(line);
                Integer earlier = lineOf.putIfAbsent(entry.user(), i + 1);
                if (earlier != null) {
                    errors.add(where + "user '" + entry.user() + "' is already defined on line " + earlier);
                } else {
                    entries.put(entry.user(), entry);
                }
            } catch (IllegalArgumentException e) {
                errors.add(where + e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigException("bad password file " + source + ":\n  " + String.join("\n  ", errors));
        }
        return new PasswordFile(entries, source);
    }

    /** One non-comment line; the message of the exception is safe to log (no hash). */
    static PasswordEntry parseLine(String line) {
        if (line.length() > MAX_LINE_LENGTH) {
            throw new IllegalArgumentException("line is longer than " + MAX_LINE_LENGTH + " characters");
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException("control character (code " + (int) c + ") at column " + (i + 1));
            }
        }
        String[] f = line.split(":", -1);
        if (f.length != 7) {
            throw new IllegalArgumentException("expected 7 ':'-separated fields user:hash:uid:gid:gecos:home:shell, found "
                    + f.length);
        }
        if (!USER.matcher(f[0]).matches()) {
            throw new IllegalArgumentException("user name '" + printable(f[0])
                    + "' must be 1-256 of letters, digits and . _ - @ + (not starting with -)");
        }
        PasswordHash hash;
        try {
            hash = PasswordHash.parse(f[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("user '" + f[0] + "': " + e.getMessage(), e);
        }
        long uid = number(f[2], "uid", f[0]);
        long gid = number(f[3], "gid", f[0]);
        String home = f[5];
        if (!home.isEmpty() && !home.startsWith("/")) {
            throw new IllegalArgumentException("user '" + f[0] + "': home '" + home + "' must be an absolute path");
        }
        return new PasswordEntry(f[0], hash, uid, gid, f[4], home, f[6]);
    }

    private static long number(String field, String name, String user) {
        if (!NUMBER.matcher(field).matches() || Long.parseLong(field) > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("user '" + user + "': " + name + " '" + printable(field)
                    + "' must be a number 0..4294967295");
        }
        return Long.parseLong(field);
    }

    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }

    public Optional<PasswordEntry> find(String user) {
        return Optional.ofNullable(entries.get(user));
    }

    public Map<String, PasswordEntry> entries() {
        return entries;
    }

    public String source() {
        return source;
    }
}
