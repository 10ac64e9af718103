package dev.wharf.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.core.ConsoleAppender;
import dev.wharf.server.auth.PasswordFileLoginService;
import dev.wharf.server.config.ConfigException;
import dev.wharf.server.config.ConfigFile;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class LoggingSetupTest {

    @TempDir
    Path dir;

    @AfterEach
    void restoreTestLogging() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource("/logback-test.xml"));
    }

    @Test
    void logFileGetsWharfLinesAtTheChosenLevelAndLibrariesAtWarn() throws Exception {
        Path log = dir.resolve("logs/wharf.log");
        LoggingSetup.apply(ConfigFile.of(Map.of("log.file", log.toString(), "log.level", "debug")));
        LoggerFactory.getLogger("dev.wharf.server.Example").debug("wharf debug line");
        LoggerFactory.getLogger("io.netty.Example").info("netty info line");
        LoggerFactory.getLogger("io.netty.Example").warn("netty warn line");
        String text = Files.readString(log);
        assertTrue(text.contains("DEBUG") && text.contains("wharf debug line"), text);
        assertFalse(text.contains("netty info line"), text);
        assertTrue(text.contains("netty warn line"), text);
    }

    @Test
    void clientTextCannotForgeALogLineInTheConfiguredLog() throws Exception {
        Path log = dir.resolve("wharf.log");
        LoggingSetup.apply(ConfigFile.of(Map.of("log.file", log.toString())));
        assertOneEscapedLine(log);
    }

    @Test
    void clientTextCannotForgeALogLineWithTheBundledConfiguration() throws Exception {
        Path log = dir.resolve("bundled.log");
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource("/logback.xml"));
        ConsoleAppender<?> stderr = (ConsoleAppender<?>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
        stderr.setOutputStream(Files.newOutputStream(log));
        assertOneEscapedLine(log);
    }

    /** A user name as an attacker sends it, through the real login service and the real layout. */
    private static void assertOneEscapedLine(Path log) throws Exception {
        String forged = "eve\u0085login user=root\u2028x\u2029y\r\nz\u001b[2J";
        PasswordFileLoginService.fromConfig(ConfigFile.of(Map.of())).login(forged, "pw", InetAddress.getLoopbackAddress());
        LoggerFactory.getLogger("dev.wharf.server.Example").warn("refused path {}", "/a\u2028b");
        LoggerFactory.getLogger("dev.wharf.server.Example").warn("command failed",
                new IllegalStateException("bad \n2026-01-01 INFO forged", new RuntimeException("cause\u0085forged")));
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(1, text.lines().filter(line -> line.contains("login user=")).count(), text);
        assertFalse(text.chars().anyMatch(c -> c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0x1b), text);
        assertTrue(text.contains("user=eve\\u0085login user=root\\u2028x\\u2029y\\u000D\\u000Az\\u001B[2J"), text);
        assertTrue(text.contains("refused path /a\\u2028b"), text);
        assertTrue(text.contains("IllegalStateException: bad \\u000A2026-01-01 INFO forged"), text);
        assertTrue(text.contains("RuntimeException: cause\\u0085forged"), text);
        assertFalse(text.lines().anyMatch(line -> line.startsWith("2026-01-01")), text);
    }

    @Test
    void levelsAreTheMdtmFtpNames() {
        assertEquals(Level.INFO, LoggingSetup.level(ConfigFile.empty()));
        assertEquals(Level.ERROR, LoggingSetup.level(ConfigFile.of(java.util.Map.of("log.level", "error"))));
        assertEquals(Level.WARN, LoggingSetup.level(ConfigFile.of(java.util.Map.of("log.level", "WARN"))));
        assertEquals(Level.TRACE, LoggingSetup.level(ConfigFile.of(java.util.Map.of("log.level", "trace"))));
        assertEquals(Level.ALL, LoggingSetup.level(ConfigFile.of(java.util.Map.of("log.level", "all"))));
        for (String word : dev.wharf.config.ServerConfSchema.require("log.level").values().choices()) {
            LoggingSetup.level(ConfigFile.of(java.util.Map.of("log.level", word))); // every declared word has a level
        }
        assertEquals("map: log.level must be one of error, warn, info, debug, trace, all; got 'verbose'",
                assertThrows(ConfigException.class, () -> LoggingSetup.level(ConfigFile.of(java.util.Map.of("log.level", "verbose"))))
                        .getMessage());
    }

    @Test
    void errorLevelSilencesInfo() throws Exception {
        Path log = dir.resolve("wharf.log");
        LoggingSetup.apply(ConfigFile.of(Map.of("log.file", log.toString(), "log.level", "error")));
        LoggerFactory.getLogger("dev.wharf.X").info("quiet please");
        LoggerFactory.getLogger("dev.wharf.X").error("loud");
        String text = Files.readString(log);
        assertFalse(text.contains("quiet please"));
        assertTrue(text.contains("loud"));
    }

    @Test
    void anUnwritableLogFileIsAConfigError() throws Exception {
        Path blocker = Files.writeString(dir.resolve("file"), "x");
        ConfigException e = assertThrows(ConfigException.class,
                () -> LoggingSetup.apply(ConfigFile.of(Map.of("log.file", blocker.resolve("wharf.log").toString()))));
        assertTrue(e.getMessage().startsWith("log.file (-l) "), e.getMessage());
    }
}
