package dev.wharf.server.log;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@code %msg}, escaped by {@link LogText}: registered for the word {@code msg} in every
 * layout the server builds (logback.xml, {@code LoggingSetup}), so no call site can forget to escape a
 * user name, a path, a DN or an exception message a client provoked. Server messages never contain
 * line breaks on purpose; stack traces are written by {@code %ex}, not here.
 */
public final class EscapedMessageConverter extends ClassicConverter {

    /** The conversion word this converter replaces. */
    public static final String WORD = "msg";

    @Override
    public String convert(ILoggingEvent event) {
        return LogText.escape(event.getFormattedMessage(), LogText.MESSAGE);
    }
}
