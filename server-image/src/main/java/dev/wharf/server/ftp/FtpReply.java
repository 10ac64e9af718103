package dev.wharf.server.ftp;

import java.util.ArrayList;
import java.util.List;

/**
 * One FTP reply: a code and one or more lines. Multi-line replies render as {@code ddd-first},
 * middle lines (each starting with a space so none can look like the end line), {@code ddd last}.
 *
 * @param bareLf end lines with LF alone instead of CRLF: curl 7.88 (Debian 12) keeps the CR in the line it
 *               hands its Kerberos code, whose strict base64 decoder then refuses {@code ADAT=} tokens and
 *               {@code 63x} replies; every other client takes a bare LF as the end of a line too
 */
public record FtpReply(int code, List<String> lines, boolean bareLf) implements Outcome {

    public FtpReply {
        if (code < 100 || code > 699 || lines.isEmpty()) {
            throw new IllegalArgumentException("bad reply " + code + " " + lines);
        }
        lines = List.copyOf(lines);
    }

    public FtpReply(int code, List<String> lines) {
        this(code, lines, false);
    }

    /** This reply with lines ending in LF alone (see {@link #bareLf}). */
    public FtpReply withBareLf() {
        return new FtpReply(code, lines, true);
    }

    public static FtpReply of(int code, String text) {
        return new FtpReply(code, List.of(text));
    }

    /** A multi-line reply: {@code first}, the body lines, then {@code last}. */
    public static FtpReply multi(int code, String first, List<String> body, String last) {
        List<String> all = new ArrayList<>(body.size() + 2);
        all.add(first);
        all.addAll(body);
        all.add(last);
        return new FtpReply(code, all);
    }

    public boolean isPreliminary() {
        return code < 200;
    }

    /** The wire form, CRLF after every line. Line breaks inside a text are removed (reply injection). */
    public String render() {
        StringBuilder s = new StringBuilder();
        int last = lines.size() - 1;
        for (int i = 0; i <= last; i++) {
            String text = lines.get(i).replace('\r', ' ').replace('\n', ' ');
            if (i == 0) {
                s.append(code).append(last == 0 ? ' ' : '-').append(text);
            } else if (i == last) {
                s.append(code).append(' ').append(text);
            } else {
                s.append(text.startsWith(" ") ? "" : " ").append(text);
            }
            s.append(bareLf ? "\n" : "\r\n");
        }
        return s.toString();
    }

    @Override
    public FtpReply reply() {
        return this;
    }
}
