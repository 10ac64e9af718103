package dev.wharf.server.auth;

import static dev.wharf.server.auth.PasswordHashTest.SHA512;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.wharf.server.auth.LoginService.LoginOutcome;
import dev.wharf.server.auth.LoginService.UserPrompt;
import dev.wharf.server.config.ConfigException;
import dev.wharf.server.config.ConfigFile;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class PasswordFileLoginServiceTest {

    static final InetAddress CLIENT = InetAddress.getLoopbackAddress();

    @TempDir
    Path dir;
    Path passwd;
    Path aliceHome;
    Path pub;
    final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void setUp() throws Exception {
        aliceHome = Files.createDirectory(dir.resolve("alice"));
        pub = Files.createDirectory(dir.resolve("pub"));
        passwd = Files.writeString(dir.resolve("passwd"), String.join("\n",
                "alice:" + SHA512 + ":1000:1000:Alice:" + aliceHome + ":/bin/bash",
                "anonymous:" + SHA512 + ":1001:1001:real user named anonymous:" + aliceHome + ":/bin/sh",
                "nohome:" + SHA512 + ":1002:1002::" + dir.resolve("missing") + ":/bin/sh",
                "homeless:" + SHA512 + ":1003:1003:::/bin/sh",
                "locked:!" + SHA512 + ":1004:1004::" + aliceHome + ":/bin/sh", ""));
        log.start();
        ((Logger) LoggerFactory.getLogger(PasswordFileLoginService.class)).addAppender(log);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(PasswordFileLoginService.class)).detachAppender(log);
    }

    private PasswordFileLoginService service(String... keyValues) {
        Map<String, String> config = new HashMap<>();
        config.put("auth.password-file", passwd.toString());
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put(keyValues[i], keyValues[i + 1]);
        }
        return PasswordFileLoginService.fromConfig(ConfigFile.of(config));
    }

    private List<String> loginLines() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.startsWith("login ")).toList();
    }

    @Test
    void passwordUserIsJailedInTheHomeOfTheirLineWithoutStorageRoot() {
        LoginService logins = service();
        UserPrompt prompt = logins.user("alice");
        assertTrue(prompt.acceptable());
        assertFalse(prompt.anonymous());
        LoginOutcome outcome = logins.login("alice", "correct horse", CLIENT);
        assertTrue(outcome.success());
        assertEquals("alice", outcome.identity().principal());
        assertEquals(Identity.Method.PASSWORD, outcome.identity().method());
        assertEquals(aliceHome, outcome.root());
        assertEquals("/", outcome.home());
        assertFalse(outcome.readOnly());
        assertEquals(List.of("login user=alice client=127.0.0.1 method=password result=success root=" + aliceHome),
                loginLines());
    }

    @Test
    void storageRootWinsOverHomeDirectories() {
        LoginOutcome outcome = service("storage.root", dir.toString()).login("homeless", "correct horse", CLIENT);
        assertTrue(outcome.success());
        assertEquals(dir, outcome.root());
    }

    @Test
    void missingOrAbsentHomeWithoutStorageRootFailsTheLogin() {
        LoginService logins = service();
        LoginOutcome missing = logins.login("nohome", "correct horse", CLIENT);
        assertFalse(missing.success());
        assertEquals("Login failed: home directory not available", missing.message());
        assertFalse(logins.login("homeless", "correct horse", CLIENT).success());
        assertTrue(loginLines().get(0).contains("reason=home directory " + dir.resolve("missing") + " does not exist"));
    }

    @Test
    void wrongPasswordsUnknownUsersAndLockedAccountsGetTheSameAnswerAndOneLogLineEach() {
        LoginService logins = service();
        assertEquals(logins.user("alice").message().replace("alice", "X"), logins.user("mallory").message().replace("mallory", "X"));
        LoginOutcome wrong = logins.login("alice", "wrong", CLIENT);
        LoginOutcome unknown = logins.login("mallory", "correct horse", CLIENT);
        LoginOutcome locked = logins.login("locked", "correct horse", CLIENT);
        for (LoginOutcome o : List.of(wrong, unknown, locked)) {
            assertFalse(o.success());
            assertNull(o.identity());
            assertEquals("Login incorrect.", o.message());
        }
        assertEquals(List.of(
                "login user=alice client=127.0.0.1 result=failure reason=wrong password",
                "login user=mallory client=127.0.0.1 result=failure reason=unknown user",
                "login user=locked client=127.0.0.1 result=failure reason=account locked"), loginLines());
    }

    @Test
    void logLinesCannotBeForgedThroughTheUserName() {
        service().login("eve\r\nlogin user=admin result=success", "x", CLIENT);
        assertEquals(1, loginLines().size());
        assertFalse(loginLines().get(0).contains("\n"));
    }

    @Test
    void anonymousIsOffByDefaultSoAnonymousIsAnOrdinaryPasswordUser() {
        LoginService logins = service();
        UserPrompt prompt = logins.user("anonymous");
        assertFalse(prompt.anonymous());
        assertFalse(logins.login("anonymous", "guest@example.org", CLIENT).success());
        LoginOutcome real = logins.login("anonymous", "correct horse", CLIENT);
        assertTrue(real.success());
        assertEquals(Identity.Method.PASSWORD, real.identity().method());
    }

    @Test
    void enabledAnonymousShadowsTheRealUserAndIsReadOnlyInItsOwnRoot() {
        LoginService logins = service("anonymous.enabled", "true", "anonymous.root", pub.toString());
        UserPrompt prompt = logins.user("anonymous");
        assertTrue(prompt.acceptable());
        assertTrue(prompt.anonymous());
        assertEquals("Guest login ok, send your email address as password.", prompt.message());
        LoginOutcome outcome = logins.login("anonymous", "correct horse", CLIENT);
        assertTrue(outcome.success());
        assertTrue(outcome.identity().isAnonymous());
        assertEquals("anonymous", outcome.identity().principal());
        assertEquals(pub, outcome.root());
        assertTrue(outcome.readOnly());
        assertTrue(logins.login("alice", "correct horse", CLIENT).success(), "real users still log in");
    }

    @Test
    void theAnonymousNameIsConfigurable() {
        LoginService logins = service("anonymous.enabled", "true", "anonymous.root", pub.toString(), "anonymous.user", "ftp");
        assertTrue(logins.user("ftp").anonymous());
        assertTrue(logins.login("ftp", "x", CLIENT).identity().isAnonymous());
        assertFalse(logins.user("anonymous").anonymous());
        assertTrue(logins.login("anonymous", "correct horse", CLIENT).success(), "no longer shadowed");
    }

    @Test
    void emailPasswordRequirementRefusesDummyButAcceptsClientDefaults() {
        LoginService logins = service("anonymous.enabled", "true", "anonymous.root", pub.toString(),
                "anonymous.require-email-password", "true");
        LoginOutcome dummy = logins.login("anonymous", "dummy", CLIENT);
        assertFalse(dummy.success());
        assertEquals("Login failed: email address is not valid", dummy.message());
        assertFalse(logins.login("anonymous", "", CLIENT).success());
        assertFalse(logins.login("anonymous", "a b@c", CLIENT).success());
        assertTrue(logins.login("anonymous", "lftp@", CLIENT).success());
        assertTrue(logins.login("anonymous", "ftp@example.com", CLIENT).success());
    }

    @Test
    void usernamePasswordOffRefusesEveryoneButTheGuestAtUser() {
        LoginService logins = service("auth.username-password", "false",
                "anonymous.enabled", "true", "anonymous.root", pub.toString());
        UserPrompt prompt = logins.user("alice");
        assertFalse(prompt.acceptable());
        assertEquals("Login with user \"anonymous\" for anonymous access", prompt.message());
        assertFalse(logins.login("alice", "correct horse", CLIENT).success());
        assertTrue(logins.user("anonymous").acceptable());
        assertEquals("USER not supported", service("auth.username-password", "false").user("alice").message());
    }

    @Test
    void anonymousNeedsAnExistingRoot() {
        ConfigException none = assertThrows(ConfigException.class, () -> service("anonymous.enabled", "true"));
        assertTrue(none.getMessage().contains("needs anonymous.root"), none.getMessage());
        ConfigException missing = assertThrows(ConfigException.class,
                () -> service("anonymous.enabled", "true", "anonymous.root", dir.resolve("nope").toString()));
        assertTrue(missing.getMessage().contains("is not a directory"), missing.getMessage());
    }

    @Test
    void aChangedPasswordFileIsReloadedAndABadEditKeepsTheLastGoodOne() throws Exception {
        LoginService logins = service();
        assertFalse(logins.login("carol", "s3cret", CLIENT).success());

        Path next = dir.resolve("passwd.new");
        Files.writeString(next, Files.readString(passwd) + "carol:" + PasswordHash.sha512Crypt("s3cret") + ":1:1::"
                + aliceHome + ":/bin/sh\n");
        Files.move(next, passwd, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertTrue(logins.login("carol", "s3cret", CLIENT).success());

        Files.writeString(next, "broken line\n");
        Files.move(next, passwd, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertTrue(logins.login("carol", "s3cret", CLIENT).success(), "last good version stays");
        assertTrue(logins.login("alice", "correct horse", CLIENT).success());
    }

    @Test
    void aBadPasswordFileStopsTheStart() throws Exception {
        Files.writeString(passwd, "alice:$1$x$y:1:1::/:/bin/sh\n");
        ConfigException e = assertThrows(ConfigException.class, this::service);
        assertTrue(e.getMessage().contains(":1: user 'alice': MD5 crypt"), e.getMessage());
    }
}
