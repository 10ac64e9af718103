package dev.wharf.server.gridftp.dcau;

import dev.wharf.server.ftp.FtpException;
import java.util.Locale;

/**
 * A DCAU setting (GFD.20 data channel authentication): {@code N} none, {@code A} the data peer must be the
 * session's own identity ("self"), {@code S <subject>} the data peer must be {@code subject} (an OpenSSL
 * slash-form DN, which may contain spaces).
 */
public record Dcau(Kind kind, String subject) {

    public enum Kind { NONE, SELF, SUBJECT }

    public static final Dcau NONE = new Dcau(Kind.NONE, null);
    public static final Dcau SELF = new Dcau(Kind.SELF, null);

    public boolean authenticates() {
        return kind != Kind.NONE;
    }

    /** The letter FTP uses. */
    public String letter() {
        return switch (kind) {
            case NONE -> "N";
            case SELF -> "A";
            case SUBJECT -> "S";
        };
    }

    /** Parses a DCAU argument: 501 when it is empty or S lacks a subject, 504 for an unknown mode. */
    public static Dcau parse(String argument) throws FtpException {
        String arg = argument == null ? "" : argument.strip();
        if (arg.isEmpty()) {
            throw new FtpException(501, "DCAU needs N, A or S <subject>");
        }
        String mode = arg.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        String rest = arg.substring(arg.split("\\s+", 2)[0].length()).strip();
        switch (mode) {
            case "N", "A" -> {
                if (!rest.isEmpty()) {
                    throw new FtpException(501, "DCAU " + mode + " takes no subject");
                }
                return mode.equals("N") ? NONE : SELF;
            }
            case "S" -> {
                if (rest.isEmpty() || !rest.startsWith("/")) {
                    throw new FtpException(501, "DCAU S needs a subject DN in /C=../CN=.. form");
                }
                return new Dcau(Kind.SUBJECT, rest);
            }
            default -> throw new FtpException(504, "DCAU mode " + mode + " is not supported (N, A or S)");
        }
    }
}
