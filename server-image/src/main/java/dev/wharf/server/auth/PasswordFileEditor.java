package dev.wharf.server.auth;

import dev.wharf.server.config.ConfigException;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates or updates one user's line of a password file as a pure function over its lines:
 * comments, blank lines and every other line stay as they were; an existing user keeps the fields
 * the change does not set; a new user is appended. The result is checked by {@link PasswordFile#parse}.
 */
public final class PasswordFileEditor {

    /**
     * What to set; null fields keep the existing value (a new user needs {@code home}).
     */
    public record Change(String user, String hash, Long uid, Long gid, String gecos, String home, String shell) {}

    /** The outcome: the new lines and whether the user existed before. */
    public record Result(List<String> lines, boolean created) {}

    private PasswordFileEditor() {}

    public static Result upsert(List<String> lines, Change change, String source) {
        PasswordFile current = PasswordFile.parse(lines, source);
        PasswordEntry existing = current.find(change.user()).orElse(null);
        if (existing == null && change.home() == null) {
            throw new ConfigException("new user '" + change.user() + "' needs a home directory (--home DIR): it is"
                    + " the user's jail when server.conf sets no storage.root");
        }
        PasswordEntry updated = new PasswordEntry(change.user(),
                PasswordHash.parse(change.hash()),
                pick(change.uid(), existing == null ? null : existing.uid(), 0L),
                pick(change.gid(), existing == null ? null : existing.gid(), 0L),
                pick(change.gecos(), existing == null ? null : existing.gecos(), ""),
                pick(change.home(), existing == null ? null : existing.home(), ""),
                pick(change.shell(), existing == null ? null : existing.shell(), "/sbin/nologin"));
        String line = updated.toLine();
        try {
            PasswordFile.parseLine(line); // refuse values that would make the file unreadable (':' in gecos...)
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source + ": refusing to write this entry: " + e.getMessage());
        }

        List<String> out = new ArrayList<>(lines.size() + 1);
        boolean replaced = false;
        for (String l : lines) {
            String bare = l.endsWith("\r") ? l.substring(0, l.length() - 1) : l;
            if (!replaced && existing != null && bare.startsWith(change.user() + ":")) {
                out.add(line);
                replaced = true;
            } else {
                out.add(l);
            }
        }
        if (!replaced) {
            while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
                out.remove(out.size() - 1);
            }
            out.add(line);
        }
        PasswordFile.parse(out, source);
        return new Result(List.copyOf(out), existing == null);
    }

    private static <T> T pick(T wanted, T existing, T fallback) {
        return wanted != null ? wanted : existing != null ? existing : fallback;
    }
}
