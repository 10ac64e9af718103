package dev.wharf.server.ftp;

/** The one error path of every command: a reply code and its text. */
public final class FtpException extends Exception {

    private final int code;

    public FtpException(int code, String text) {
        super(text, null, false, false);
        this.code = code;
    }

    public int code() {
        return code;
    }

    public FtpReply reply() {
        return FtpReply.of(code, getMessage());
    }
}
