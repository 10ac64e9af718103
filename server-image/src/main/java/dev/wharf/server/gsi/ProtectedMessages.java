package dev.wharf.server.gsi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * RFC 2228 message protection over a GSI context, as Globus clients expect it: the argument of
 * {@code ENC}/{@code MIC}/{@code CONF} is base64 (standard alphabet, padded, no line breaks) of wrapped
 * command bytes; replies go back as {@code 63x <base64>} lines. Pure encoding; the FTP door decides
 * which commands need protection. The {@link Transform} forms serve any GSS mechanism (Kerberos too);
 * the {@link GsiContext} forms are the GSI door's.
 */
public final class ProtectedMessages {

    /** Reply code per protection command: MIC → 631, ENC → 632 (what GCT answers), CONF → 633. */
    public enum Protection {
        MIC(631), ENC(632), CONF(633);

        private final int replyCode;

        Protection(int replyCode) {
            this.replyCode = replyCode;
        }

        public int replyCode() {
            return replyCode;
        }

        /** The protection of command verb {@code verb} (case-insensitive), or null when it is not one. */
        public static Protection forVerb(String verb) {
            for (Protection p : values()) {
                if (p.name().equalsIgnoreCase(verb)) {
                    return p;
                }
            }
            return null;
        }
    }

    /** One direction of a security context's message protection: gss_wrap or gss_unwrap of one message. */
    @FunctionalInterface
    public interface Transform {
        byte[] apply(byte[] in) throws IOException;
    }

    /** How a protected reply is cut into tokens. */
    public enum Split {
        /** Whole lines up to one TLS record per token (Globus clients unwrap each token and read on). */
        RECORDS,
        /** One token per line (RFC 2228 clients such as curl take the reply code from the last token alone). */
        LINES
    }

    /** Replies larger than one TLS record are split at line boundaries, one token per part. */
    static final int MAX_PART = 16 * 1024 - 256;

    private ProtectedMessages() {
    }

    /**
     * Decodes a base64 GSS token (ADAT, ENC, MIC, CONF arguments).
     *
     * @throws IllegalArgumentException for empty or malformed base64 (the door answers 501)
     */
    public static byte[] decodeToken(String base64) {
        String trimmed = base64 == null ? "" : base64.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("missing base64 token");
        }
        return Base64.getDecoder().decode(trimmed);
    }

    public static String encodeToken(byte[] token) {
        return Base64.getEncoder().encodeToString(token);
    }

    /**
     * The command inside an {@code ENC}/{@code MIC}/{@code CONF} argument, without its CRLF and without the
     * trailing NUL bytes some C clients append.
     *
     * @throws IllegalArgumentException for malformed base64 (501)
     * @throws SSLException when the token is not a valid record of this context (535)
     */
    public static String unwrapCommand(GsiContext context, String base64) throws SSLException {
        return commandText(context.unwrap(decodeToken(base64)));
    }

    /** The command line in unwrapped bytes, without its CRLF and the trailing NULs some C clients append. */
    public static String commandText(byte[] plain) {
        int end = plain.length;
        while (end > 0 && (plain[end - 1] == 0 || plain[end - 1] == '\r' || plain[end - 1] == '\n')) {
            end--;
        }
        return new String(plain, 0, end, StandardCharsets.UTF_8);
    }

    /**
     * The protected form of {@code reply} (one or more lines, CRLF-separated, final CRLF optional) as the
     * lines to send, each without CRLF: normally one {@code 632 <b64>}; a reply too large for one record is
     * split at line boundaries into {@code 632-<b64>} parts and a final {@code 632 <b64>}.
     */
    public static List<String> wrapReply(GsiContext context, Protection protection, String reply) throws SSLException {
        try {
            return wrapReply(context::wrap, protection, reply, Split.RECORDS);
        } catch (SSLException e) {
            throw e;
        } catch (IOException e) {
            throw new SSLException(e); // GsiContext.wrap throws nothing else
        }
    }

    /** {@link #wrapReply(GsiContext, Protection, String)} for any mechanism, cut as {@code split} says. */
    public static List<String> wrapReply(Transform wrap, Protection protection, String reply, Split split)
            throws IOException {
        String text = reply.endsWith("\r\n") ? reply : reply + "\r\n";
        List<String> parts = split == Split.RECORDS ? splitAtLines(text) : lines(text);
        List<String> out = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            String separator = i + 1 < parts.size() ? "-" : " ";
            byte[] wrapped = wrap.apply(parts.get(i).getBytes(StandardCharsets.UTF_8));
            out.add(protection.replyCode() + separator + encodeToken(wrapped));
        }
        return out;
    }

    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf("\r\n", start);
            end = end < 0 ? text.length() : end + 2;
            lines.add(text.substring(start, end));
            start = end;
        }
        return lines;
    }

    static List<String> splitAtLines(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines(text)) {
            if (current.length() > 0 && utf8Length(current) + utf8Length(line) > MAX_PART) {
                parts.add(current.toString());
                current.setLength(0);
            }
            current.append(line);
        }
        if (current.length() > 0) {
            parts.add(current.toString());
        }
        return parts;
    }

    private static int utf8Length(CharSequence s) {
        return s.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
