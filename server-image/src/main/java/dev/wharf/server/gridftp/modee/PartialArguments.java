package dev.wharf.server.gridftp.modee;

import dev.wharf.server.ftp.FtpException;

/** Number arguments of ERET/ESTO. */
final class PartialArguments {

    private PartialArguments() {}

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
