package dev.wharf.server.dcap;

import dev.wharf.server.fs.FileEntry;

/**
 * Renders the control-line replies libdcap understands (without the trailing newline). Messages are
 * made safe for a quoted token: quotes, control and non-ASCII characters are replaced.
 */
public final class DcapReplies {

    /** The version the welcome announces (libdcap accepts any welcome line). */
    static final String WELCOME = "0 0 server welcome 2 47";

    private DcapReplies() {}

    public static String welcome() {
        return WELCOME;
    }

    public static String ok(DcapRequest r) {
        return head(r) + " ok";
    }

    public static String failed(DcapRequest r, DcapFailure failure) {
        return failed(r.sessionId(), r.commandId(), failure);
    }

    public static String failed(long sessionId, long commandId, DcapFailure failure) {
        return sessionId + " " + commandId + " client failed " + failure.code() + " \"" + clean(failure.message())
                + "\" " + failure.errno();
    }

    public static String pong(DcapRequest r) {
        return r.sessionId() + " " + r.commandId() + " server pong";
    }

    public static String byebye() {
        return "0 0 server byebye";
    }

    public static String connect(DcapRequest r, String host, int port, String challenge) {
        return head(r) + " connect " + host + " " + port + " " + challenge;
    }

    /** The stat reply libdcap's string2stat parses; the mode as a 10-character ls string. */
    public static String stat(DcapRequest r, FileEntry e) {
        long seconds = e.modified().getEpochSecond();
        return head(r) + " stat -st_size=" + e.size() + " -st_uid=" + e.uid() + " -st_gid=" + e.gid()
                + " -st_atime=" + seconds + " -st_mtime=" + seconds + " -st_ctime=" + seconds
                + " -st_mode=" + modeString(e) + " -st_ino=" + e.inode() + " -st_nlink=" + e.links();
    }

    static String modeString(FileEntry e) {
        char type = switch (e.type()) {
            case DIRECTORY -> 'd';
            case SYMLINK -> 'l';
            case FILE -> '-';
            case OTHER -> 'p';
        };
        StringBuilder s = new StringBuilder(10).append(type);
        String letters = "rwxrwxrwx";
        for (int bit = 8; bit >= 0; bit--) {
            s.append((e.mode() & (1 << bit)) != 0 ? letters.charAt(8 - bit) : '-');
        }
        return s.toString();
    }

    private static String head(DcapRequest r) {
        return r.sessionId() + " " + r.commandId() + " client";
    }

    static String clean(String message) {
        StringBuilder s = new StringBuilder(Math.min(message.length(), 512));
        for (int i = 0; i < message.length() && s.length() < 512; i++) {
            char c = message.charAt(i);
            s.append(c == '"' ? '\'' : c < 0x20 || c > 0x7e ? '?' : c);
        }
        return s.toString();
    }
}
