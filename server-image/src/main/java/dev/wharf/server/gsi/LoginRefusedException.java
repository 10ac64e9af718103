package dev.wharf.server.gsi;

/** A validated GSI identity may not log in as the requested account; the message is the log line. */
public final class LoginRefusedException extends Exception {
    public LoginRefusedException(String message) {
        super(message);
    }
}
