package dev.wharf.server.dcap;

import dev.wharf.server.fs.FileEntry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The body of an {@code opendir} data connection, as dCache's directory lookup service writes it and
 * libdcap's {@code dc_readdir} reads it: one line per entry, {@code <id>:<d|f>:<size>:<name>\n}.
 * libdcap only uses the type letter and what follows the <em>last</em> colon, and reads each line into
 * a 287-byte stack buffer without a bound check, so a line never exceeds {@link #MAX_LINE} bytes
 * (when id and size would make it longer they are written as 0). Names containing a line break
 * cannot be listed and are left out. A pure function.
 */
final class DirectoryListing {

    /** libdcap's CHAINSIZE (287) less the terminating NUL. */
    static final int MAX_LINE = 286;

    private DirectoryListing() {}

    static byte[] render(List<FileEntry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (FileEntry e : entries) {
            if (e.name().indexOf('\n') >= 0 || e.name().indexOf('\r') >= 0) {
                continue;
            }
            String type = e.isDirectory() ? "d" : "f";
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            byte[] head = (e.inode() + ":" + type + ":" + e.size() + ":").getBytes(StandardCharsets.US_ASCII);
            if (head.length + name.length > MAX_LINE) {
                head = ("0:" + type + ":0:").getBytes(StandardCharsets.US_ASCII);
            }
            if (head.length + name.length > MAX_LINE) {
                continue;
            }
            out.writeBytes(head);
            out.writeBytes(name);
            out.write('\n');
        }
        return out.toByteArray();
    }
}
