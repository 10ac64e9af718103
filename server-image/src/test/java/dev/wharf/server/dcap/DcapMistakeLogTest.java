package dev.wharf.server.dcap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.wharf.server.log.ClientMistakes;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A dCap client sending garbage lines gets a failure reply to each, but cannot flood the log with them. */
class DcapMistakeLogTest extends DcapConversationBase {

    @Test
    void badControlLinesAreAnsweredAndTheirLogLinesRateLimited() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(DcapSessionHandler.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            for (int i = 0; i < 3 * ClientMistakes.DEFAULT_BURST; i++) {
                String reply = ask("garbage line " + i);
                assertTrue(reply.contains("failed"), reply);
            }
        } finally {
            logger.detachAppender(log);
        }
        long lines = log.list.stream().filter(e -> e.getFormattedMessage().contains("bad control line")).count();
        assertTrue(lines <= ClientMistakes.DEFAULT_BURST, lines + " log lines for " + 3 * ClientMistakes.DEFAULT_BURST + " bad lines");
        assertTrue(log.list.stream().allMatch(e -> e.getThrowableProxy() == null), "no stack trace");
    }
}
