package dev.wharf.server.ftp;

import dev.wharf.server.fs.FileEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * {@code ftp.list-format = ls-l}: columns aligned over the whole listing like {@code ls -l}
 * (PROTOCOLS.md §1.5): type and rwx bits, links, owner, group, size, date, name. The date shows the
 * year when older than six months or more than an hour in the future. Times are UTC. Owners and
 * groups are written by {@link OwnerText#column} (a DN owner has spaces; columns must not).
 */
public final class LsLongPrinter {

    private static final DateTimeFormatter RECENT = DateTimeFormatter.ofPattern("MMM ppd HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter OLD = DateTimeFormatter.ofPattern("MMM ppd  yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final Duration HALF_YEAR = Duration.ofDays(182);

    private LsLongPrinter() {}

    public static String render(List<FileEntry> entries, Instant now) {
        int links = 1;
        int owner = 1;
        int group = 1;
        int size = 1;
        for (FileEntry e : entries) {
            links = Math.max(links, String.valueOf(e.links()).length());
            owner = Math.max(owner, OwnerText.column(e.owner()).length());
            group = Math.max(group, OwnerText.column(e.group()).length());
            size = Math.max(size, String.valueOf(e.size()).length());
        }
        StringBuilder out = new StringBuilder();
        String format = "%s %" + links + "d %-" + owner + "s %-" + group + "s %" + size + "d %s %s\r\n";
        for (FileEntry e : entries) {
            out.append(String.format(Locale.ROOT, format, modeString(e), e.links(), OwnerText.column(e.owner()),
                    OwnerText.column(e.group()), e.size(), date(e.modified(), now), e.name()));
        }
        return out.toString();
    }

    static String date(Instant modified, Instant now) {
        boolean old = modified.isBefore(now.minus(HALF_YEAR)) || modified.isAfter(now.plus(Duration.ofHours(1)));
        return (old ? OLD : RECENT).format(modified);
    }

    /** "drwxr-xr-x", with setuid/setgid/sticky letters. */
    public static String modeString(FileEntry e) {
        char type = switch (e.type()) {
            case DIRECTORY -> 'd';
            case SYMLINK -> 'l';
            case FILE -> '-';
            case OTHER -> 's';
        };
        int m = e.mode();
        char[] s = new char[10];
        s[0] = type;
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            s[i + 1] = (m & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-';
        }
        if ((m & 04000) != 0) {
            s[3] = s[3] == 'x' ? 's' : 'S';
        }
        if ((m & 02000) != 0) {
            s[6] = s[6] == 'x' ? 's' : 'S';
        }
        if ((m & 01000) != 0) {
            s[9] = s[9] == 'x' ? 't' : 'T';
        }
        return new String(s);
    }
}
