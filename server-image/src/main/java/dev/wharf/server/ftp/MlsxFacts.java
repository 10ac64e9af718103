package dev.wharf.server.ftp;

import dev.wharf.server.fs.FileEntry;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/**
 * RFC 3659 fact lines for MLST/MLSD (PROTOCOLS.md §1.6), facts capitalised as Globus expects:
 * {@code Type=file;Size=5;Modify=20240101120000;Perm=r; name}.
 */
public final class MlsxFacts {

    public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private MlsxFacts() {}

    /** The entry's facts (only those in {@code enabled}), then one space, then {@code name}. */
    public static String render(FileEntry e, String perm, Set<String> enabled, String name) {
        StringBuilder s = new StringBuilder();
        for (String fact : enabled) {
            String value = switch (fact) {
                case "Type" -> e.isDirectory() ? "dir" : e.type() == FileEntry.Type.SYMLINK ? "OS.unix=slink"
                        : e.isFile() ? "file" : "OS.unix=special";
                case "Size" -> String.valueOf(e.size());
                case "Modify" -> TIMESTAMP.format(e.modified());
                case "Perm" -> perm;
                case "Unique" -> Long.toHexString(e.inode());
                case "UNIX.mode" -> String.format(Locale.ROOT, "0%o", e.mode());
                case "UNIX.owner" -> OwnerText.fact(e.owner());
                case "UNIX.group" -> OwnerText.fact(e.group());
                default -> null;
            };
            if (value != null) {
                s.append(fact).append('=').append(value).append(';');
            }
        }
        return s.append(' ').append(name).toString();
    }

    /** The FEAT line: every supported fact, '*' on the enabled ones. */
    public static String feature(Set<String> enabled) {
        StringBuilder s = new StringBuilder("MLST ");
        for (String fact : FtpSession.MLST_FACTS) {
            s.append(fact).append(enabled.contains(fact) ? "*" : "").append(';');
        }
        return s.toString();
    }
}
