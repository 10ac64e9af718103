package dev.wharf.server.ftp;

import dev.wharf.server.fs.FileEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * {@code ftp.list-format = legacy}: dCache's LegacyListPrinter layout (PROTOCOLS.md §1.5). The mode
 * column shows what the logged-in user may do, not the Unix bits; owner and group show the user's
 * name; the link count is always 1.
 */
public final class LegacyPrinter {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM ppd", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter YEAR = DateTimeFormatter.ofPattern("yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private LegacyPrinter() {}

    /** What the user may do with one entry. */
    public record Rights(boolean read, boolean write, boolean list) {}

    public static String render(List<FileEntry> entries, List<Rights> rights, String user, Instant now) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < entries.size(); i++) {
            FileEntry e = entries.get(i);
            Rights r = rights.get(i);
            String mode = e.isDirectory()
                    ? "d" + (r.list() ? 'r' : '-') + (r.write() ? 'w' : '-') + (r.list() || r.write() ? 'x' : '-') + "------"
                    : "-" + (r.read() ? 'r' : '-') + "--------";
            boolean old = e.modified().isBefore(now.minus(Duration.ofDays(182)));
            String when = String.format(Locale.ROOT, "%5s", (old ? YEAR : TIME).format(e.modified()));
            out.append(String.format(Locale.ROOT, "%s  1 %-10s %-10s %12d %s %s %s\r\n",
                    mode, user, user, e.size(), DAY.format(e.modified()), when, e.name()));
        }
        return out.toString();
    }
}
