package dev.wharf.server.auth;

import java.net.InetAddress;
import java.nio.file.Path;

/**
 * USER/PASS style logins for every door that has them: the password file, anonymous FTP with
 * dCache's semantics, and the switch that turns username/password logins off. Doors keep the
 * USER-then-PASS state machine; this decides.
 */
public interface LoginService {

    /** What to answer to USER before the password is known. */
    UserPrompt user(String name);

    /**
     * Checks a password. Never throws for bad credentials: a failure is an outcome with a message
     * the door sends with 530, and the log line is written here, once.
     */
    LoginOutcome login(String name, String password, InetAddress client);

    /** How doors slow password guessing down; off unless the service is configured with one. */
    default LoginThrottle throttle() {
        return LoginThrottle.OFF;
    }

    /** The reply to USER: 331 with this text, or 530 with this text when refused outright. */
    record UserPrompt(boolean acceptable, boolean anonymous, String message) {}

    /**
     * @param identity the session's identity on success, null on failure
     * @param root the directory (on the host file system) the session is jailed in
     * @param home the start directory inside the jail, "/" unless configured
     * @param readOnly true when the identity may never write (anonymous)
     * @param message the text for the 230 or 530 reply
     */
    record LoginOutcome(Identity identity, Path root, String home, boolean readOnly, String message) {

        public boolean success() {
            return identity != null;
        }

        public static LoginOutcome failed(String message) {
            return new LoginOutcome(null, null, null, true, message);
        }
    }
}
