package dev.wharf.server.cli;

import dev.wharf.server.config.ConfigException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a configuration problem into one clear line on stderr and exit code 2 (like a usage error);
 * a start-up failure (port in use) is one line and exit code 1; anything else is a bug: its stack trace
 * is printed and the exit code is 1.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    static final int CONFIG_ERROR = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine line, ParseResult parsed) {
        if (e instanceof ConfigException) {
            line.getErr().println("wharf-server: " + e.getMessage());
            line.getErr().flush();
            return CONFIG_ERROR;
        }
        if (e instanceof IllegalStateException) {
            // start-up failures such as a port in use: one line, the detail at debug level
            line.getErr().println("wharf-server: " + e.getMessage());
            line.getErr().flush();
            LoggerFactory.getLogger(ErrorHandler.class).debug("start-up failed", e);
            return 1;
        }
        line.getErr().println("wharf-server: " + e);
        e.printStackTrace(line.getErr());
        line.getErr().flush();
        return 1;
    }
}
