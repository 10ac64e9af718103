package dev.wharf.server.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.pattern.DynamicConverter;
import dev.wharf.server.config.ConfigException;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.log.EscapedMessageConverter;
import dev.wharf.server.log.EscapedThrowableConverter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code log.level} ({@code -log-level}) and {@code log.file} ({@code -l}): one appender,
 * stderr unless a file is named (appended to, created with its directory). The level applies to
 * Wharf's own loggers; libraries log at WARN unless the level is stricter, or at everything with
 * {@code all}, so {@code -log-level debug} shows the server's decisions without Netty's internals.
 */
public final class LoggingSetup {

    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{20} - %msg%n%ex";
    private static final Map<String, Level> LEVELS = Map.of("error", Level.ERROR, "warn", Level.WARN,
            "info", Level.INFO, "debug", Level.DEBUG, "trace", Level.TRACE, "all", Level.ALL);

    private LoggingSetup() {}

    public static void apply(ConfigFile config) {
        apply(level(config), config.getPath("log.file"));
    }

    /** {@code log.level}, its default and its allowed words the schema's (a word without a level here is a bug). */
    public static Level level(ConfigFile config) {
        String word = config.declaredChoice("log.level");
        Level level = LEVELS.get(word);
        if (level == null) {
            throw new IllegalStateException("log.level '" + word + "' is declared but has no logback level");
        }
        return level;
    }

    static void apply(Level level, Optional<Path> file) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another SLF4J binding: leave its configuration alone
        }
        file.ifPresent(LoggingSetup::prepare);
        context.reset();
        registerEscapedMessage(context);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender;
        if (file.isPresent()) {
            FileAppender<ILoggingEvent> fileAppender = new FileAppender<>();
            fileAppender.setFile(file.get().toString());
            fileAppender.setAppend(true);
            appender = fileAppender;
        } else {
            ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
            console.setTarget("System.err");
            appender = console;
        }
        appender.setContext(context);
        appender.setName("wharf");
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        root.setLevel(level == Level.ALL ? Level.ALL : (level.isGreaterOrEqual(Level.WARN) ? level : Level.WARN));
        context.getLogger("dev.wharf").setLevel(level);
    }

    /** Makes {@code %msg} and {@code %ex} escape client text (log forging) in every layout built in this context. */
    @SuppressWarnings("unchecked")
    static void registerEscapedMessage(LoggerContext context) {
        Map<String, Supplier<DynamicConverter>> rules =
                (Map<String, Supplier<DynamicConverter>>) context.getObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS);
        if (rules == null) {
            rules = new HashMap<>();
            context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);
        }
        rules.put(EscapedMessageConverter.WORD, EscapedMessageConverter::new);
        rules.put(EscapedThrowableConverter.WORD, EscapedThrowableConverter::new);
    }

    private static void prepare(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (Files.exists(file) ? !Files.isWritable(file) : !Files.isWritable(parent)) {
                throw new ConfigException("log.file (-l) " + file + " is not writable");
            }
        } catch (java.io.IOException e) {
            throw new ConfigException("log.file (-l) " + file + ": " + e.getMessage(), e);
        }
    }
}
