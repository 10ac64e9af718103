package dev.wharf.server.ftp;

import dev.wharf.server.auth.Identity;
import dev.wharf.server.auth.LoginService;
import dev.wharf.server.auth.LoginThrottle;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A LoginService double until core's PasswordFileLoginService is used: fixed users with a root and
 * home each, and anonymous FTP (read-only, any password) when an anonymous root is given.
 */
public final class TestLogins implements LoginService {

    record Account(String password, Path root, String home) {}

    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Path anonymousRoot;
    private LoginThrottle throttle = LoginThrottle.OFF;

    public TestLogins(Path anonymousRoot) {
        this.anonymousRoot = anonymousRoot;
    }

    public TestLogins add(String user, String password, Path root, String home) {
        accounts.put(user, new Account(password, root, home));
        return this;
    }

    public TestLogins throttle(LoginThrottle throttle) {
        this.throttle = throttle;
        return this;
    }

    @Override
    public LoginThrottle throttle() {
        return throttle;
    }

    @Override
    public UserPrompt user(String name) {
        if (name.equals("anonymous") && anonymousRoot != null) {
            return new UserPrompt(true, true, "Guest login ok, send your email address as password.");
        }
        return new UserPrompt(true, false, "Password required for " + name);
    }

    @Override
    public LoginOutcome login(String name, String password, InetAddress client) {
        if (name.equals("anonymous") && anonymousRoot != null) {
            return new LoginOutcome(Identity.anonymous(), anonymousRoot, "/", true, "Anonymous access granted");
        }
        Account a = accounts.get(name);
        if (a == null || !a.password().equals(password)) {
            return LoginOutcome.failed("Login incorrect");
        }
        return new LoginOutcome(Identity.passwordUser(name, Set.of()), a.root(), a.home(), false, "User " + name + " logged in");
    }
}
