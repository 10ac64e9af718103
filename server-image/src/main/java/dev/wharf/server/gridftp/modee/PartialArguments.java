package dev.wharf.server.gridftp.modee;

import dev.wharf.server.ftp.FtpException;

/** The arguments of ERET/ESTO: {@code <module> <number>... <path>}. */
final class PartialArguments {

    private PartialArguments() {}

    /**
     * Splits {@code argument} into {@code count} words, the last being the path (which may hold spaces):
     * 504 when the first is not {@code module}, 501 with {@code usage} when words are missing.
     */
    static String[] split(String argument, String verb, String module, int count, String usage) throws FtpException {
        String[] parts = argument.strip().split(" +", count);
        if (!parts[0].equalsIgnoreCase(module)) {
            throw new FtpException(504, verb + " module " + parts[0] + " not supported; use " + module);
        }
        if (parts.length != count) {
            throw new FtpException(501, usage);
        }
        return parts;
    }

    static long number(String text, String what) throws FtpException {
        try {
            long n = Long.parseLong(text);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new FtpException(501, "The " + what + " must be a number >= 0, got '" + text + "'");
        }
    }
}
