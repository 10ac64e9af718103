package dev.wharf.server.auth;

import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.log.LogText;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * USER/PASS logins against the Globus gridftp password file, with dCache's anonymous FTP semantics
 * (docs/configuration.md; ../shared/docs/PROTOCOLS.md §6):
 * <ul>
 * <li>anonymous is off by default; when on, {@code anonymous.user} (default {@code anonymous}) is the
 *     guest account and shadows a password-file user of the same name, is read-only and is jailed in
 *     {@code anonymous.root};</li>
 * <li>{@code anonymous.require-email-password} makes the guest's PASS look like an e-mail address;</li>
 * <li>{@code auth.username-password = false} refuses every other USER with 530.</li>
 * </ul>
 * A password-file user is jailed in {@code storage.root} or, without one, in the home directory of
 * their line. {@link #login} verifies a crypt/bcrypt hash (milliseconds of CPU): doors call it on the
 * blocking executor, never on an event loop. Each login attempt is logged here, once.
 */
public final class PasswordFileLoginService implements LoginService {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordFileLoginService.class);

    static final String GUEST_PROMPT = "Guest login ok, send your email address as password.";
    static final String GUEST_WELCOME = "Guest login ok, access restrictions apply.";
    static final String BAD_EMAIL = "Login failed: email address is not valid";
    static final String INCORRECT = "Login incorrect.";
    /** Accepts lftp's default {@code lftp@} and curl's {@code ftp@example.com}; refuses {@code dummy}. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[A-Za-z0-9.-]*");
    // Verified against when the user does not exist, so a miss costs as much as a wrong password.
    private static final PasswordHash DECOY = PasswordHash.parse(PasswordHash.sha512Crypt("wharf decoy"));

    private final AuthSettings settings;
    private final ReloadingPasswordFile passwords;
    private final LoginThrottle throttle;

    public PasswordFileLoginService(AuthSettings settings, LoginThrottle throttle) {
        this.settings = settings;
        this.throttle = throttle;
        this.passwords = settings.passwordFile().map(ReloadingPasswordFile::new).orElse(null);
        if (passwords == null && settings.usernamePassword() && !settings.anonymousEnabled()) {
            LOG.warn("no auth.password-file and anonymous FTP is off: nobody can log in with USER/PASS");
        }
    }

    public static PasswordFileLoginService fromConfig(ConfigFile config) {
        return new PasswordFileLoginService(AuthSettings.fromConfig(config), LoginThrottle.fromConfig(config));
    }

    @Override
    public LoginThrottle throttle() {
        return throttle;
    }

    @Override
    public UserPrompt user(String name) {
        if (isGuest(name)) {
            return new UserPrompt(true, true, GUEST_PROMPT);
        }
        if (!settings.usernamePassword()) {
            return new UserPrompt(false, false, settings.anonymousEnabled()
                    ? "Login with user \"" + settings.anonymousUser() + "\" for anonymous access"
                    : "USER not supported");
        }
        // Same answer whether the user exists or not: USER must not reveal the account list.
        return new UserPrompt(true, false, "Password required for " + LogText.clean(name) + ".");
    }

    @Override
    public LoginOutcome login(String name, String password, InetAddress client) {
        if (isGuest(name)) {
            return guest(name, password, client);
        }
        if (!settings.usernamePassword()) {
            return refuse(name, client, "username/password logins are disabled", user(name).message());
        }
        PasswordEntry entry = passwords == null ? null : passwords.get().find(name).orElse(null);
        if (entry == null) {
            DECOY.verify(password);
            return refuse(name, client, passwords == null ? "no password file" : "unknown user", INCORRECT);
        }
        if (!entry.hash().verify(password)) {
            return refuse(name, client, entry.hash().scheme() == PasswordHash.Scheme.LOCKED
                    ? "account locked" : "wrong password", INCORRECT);
        }
        Path root = settings.storageRoot().orElse(entry.home().isEmpty() ? null : Path.of(entry.home()));
        if (root == null || !Files.isDirectory(root)) {
            return refuse(name, client, root == null ? "no storage.root and no home directory in the password file"
                    : "home directory " + root + " does not exist", "Login failed: home directory not available");
        }
        LOG.info("login user={} client={} method=password result=success root={}",
                LogText.clean(name), client.getHostAddress(), root);
        return new LoginOutcome(Identity.passwordUser(name, Set.of()), root, "/", false,
                "User " + LogText.clean(name) + " logged in.");
    }

    private LoginOutcome guest(String name, String password, InetAddress client) {
        if (settings.anonymousRequireEmail() && !EMAIL.matcher(password).matches()) {
            return refuse(name, client, "anonymous password is not an e-mail address", BAD_EMAIL);
        }
        Path root = settings.anonymousRoot().orElseThrow();
        LOG.info("login user={} client={} method=anonymous result=success email={} root={}",
                LogText.clean(name), client.getHostAddress(), LogText.clean(password), root);
        return new LoginOutcome(Identity.anonymous(), root, "/", true, GUEST_WELCOME);
    }

    private static LoginOutcome refuse(String name, InetAddress client, String reason, String reply) {
        LOG.info("login user={} client={} result=failure reason={}", LogText.clean(name), client.getHostAddress(), reason);
        return LoginOutcome.failed(reply);
    }

    private boolean isGuest(String name) {
        return settings.anonymousEnabled() && settings.anonymousUser().equals(name);
    }
}
