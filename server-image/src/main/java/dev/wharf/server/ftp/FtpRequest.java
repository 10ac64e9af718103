package dev.wharf.server.ftp;

import java.util.Locale;

/** A parsed control line: the upper-cased verb and everything after the first space. */
public record FtpRequest(String verb, String argument) {

    public static FtpRequest parse(String line) {
        String trimmed = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        trimmed = trimmed.stripLeading();
        int space = trimmed.indexOf(' ');
        String verb = space < 0 ? trimmed : trimmed.substring(0, space);
        String argument = space < 0 ? "" : trimmed.substring(space + 1);
        return new FtpRequest(verb.toUpperCase(Locale.ROOT), argument);
    }

    /** For logs: never shows a password. */
    @Override
    public String toString() {
        return verb.equals("PASS") ? "PASS ****" : argument.isEmpty() ? verb : verb + " " + argument;
    }
}
