package dev.wharf.server.log;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import java.util.Arrays;

/**
 * Logback's {@code %ex} with every exception message in the chain escaped by {@link LogText}: a message
 * may quote what a client sent (a path, a DN, a command), and only the stack trace's own line breaks may
 * start a new log line. Registered for the word {@code ex} next to {@link EscapedMessageConverter}.
 */
public final class EscapedThrowableConverter extends ThrowableProxyConverter {

    /** The conversion word this converter replaces; the server's patterns end with it. */
    public static final String WORD = "ex";

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return super.throwableProxyToString(new Escaped(proxy));
    }

    /** The same throwable with its message, and those of its causes and suppressed ones, escaped. */
    private record Escaped(IThrowableProxy proxy) implements IThrowableProxy {

        @Override
        public String getMessage() {
            return proxy.getMessage() == null ? null : LogText.escape(proxy.getMessage(), LogText.MESSAGE);
        }

        @Override
        public String getClassName() {
            return proxy.getClassName();
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return proxy.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return proxy.getCommonFrames();
        }

        @Override
        public IThrowableProxy getCause() {
            return proxy.getCause() == null ? null : new Escaped(proxy.getCause());
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            IThrowableProxy[] suppressed = proxy.getSuppressed();
            return suppressed == null ? null : Arrays.stream(suppressed).map(Escaped::new).toArray(IThrowableProxy[]::new);
        }

        @Override
        public boolean isCyclic() {
            return proxy.isCyclic();
        }
    }
}
