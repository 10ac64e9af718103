package dev.wharf.server.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.handler.codec.DecoderException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

class ClientMistakesTest {

    final AtomicLong now = new AtomicLong();
    final Logger logger = (Logger) LoggerFactory.getLogger("dev.wharf.test.ClientMistakesTest");
    final ListAppender<ILoggingEvent> log = new ListAppender<>();

    ClientMistakes mistakes(int burst) {
        log.start();
        logger.addAppender(log);
        return new ClientMistakes(logger, Level.WARN, burst, 1000, now::get);
    }

    @Test
    void aBurstIsWrittenTheRestCountedAndReportedInTheNextWindow() {
        ClientMistakes m = mistakes(2);
        for (int i = 0; i < 5; i++) {
            m.report("bad header " + i, null);
        }
        now.set(1000);
        m.report("bad header 5", null);
        assertEquals(3, log.list.size());
        assertEquals("bad header 5 (3 similar lines suppressed)", log.list.get(2).getFormattedMessage());
        logger.detachAppender(log);
    }

    @Test
    void anExceptionIsItsMessagesNeverAStackTrace() {
        ClientMistakes m = mistakes(10);
        m.report("closing", new DecoderException(new IndexOutOfBoundsException("readerIndex(31) + length(200)")));
        assertEquals("closing: java.lang.IndexOutOfBoundsException: readerIndex(31) + length(200)",
                log.list.get(0).getFormattedMessage());
        assertNull(log.list.get(0).getThrowableProxy());
        logger.detachAppender(log);
    }
}
