package dev.wharf.server.ftp;

import dev.wharf.server.fs.StorageException;

/** Maps typed storage failures to FTP replies (RFC 959 §4.2: 450/550 file, 452/552 space, 553 names). */
public final class StorageReplies {

    private StorageReplies() {}

    /** @param creating true for commands that create a name (STOR, MKD, RNTO): refusals are 553 */
    public static FtpException toFtp(StorageException e, boolean creating) {
        String text = e.getMessage();
        return switch (e.reason()) {
            case NOT_FOUND -> new FtpException(550, text);
            case EXISTS -> new FtpException(creating ? 553 : 550, text);
            case NOT_DIRECTORY, IS_DIRECTORY, NOT_EMPTY -> new FtpException(550, text);
            case PERMISSION, DENIED, READ_ONLY -> new FtpException(550, text);
            case NO_SPACE -> new FtpException(452, "Insufficient storage space: " + text);
            case REFUSED -> new FtpException(creating ? 553 : 550, text);
            case IO -> new FtpException(451, "Local error: " + text);
        };
    }

    /** A storage call whose typed failure becomes the matching reply. */
    @FunctionalInterface
    public interface StorageCall<T> {
        T call() throws StorageException;
    }

    public static <T> T call(StorageCall<T> call, boolean creating) throws FtpException {
        try {
            return call.call();
        } catch (StorageException e) {
            throw toFtp(e, creating);
        }
    }
}
