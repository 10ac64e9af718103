package dev.wharf.server.gridftp.modee;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EodCounterTest {

    @Test
    void completeOnlyWhenTheEofHasComeAndAllItsEods() throws Exception {
        EodCounter c = new EodCounter(10);
        c.eod();
        c.eod();
        assertFalse(c.complete(), "two EODs but no EOF yet: more streams may be connecting");
        c.eof(4);
        c.eod();
        assertFalse(c.complete());
        c.eod();
        assertTrue(c.complete());
    }

    @Test
    void eofFirstThenEods() throws Exception {
        EodCounter c = new EodCounter(10);
        c.eof(1);
        assertFalse(c.complete());
        c.eod();
        assertTrue(c.complete());
    }

    @Test
    void badAccountingIsRefused() throws Exception {
        EodCounter twice = new EodCounter(10);
        twice.eof(2);
        assertThrows(BlockException.class, () -> twice.eof(2));

        EodCounter tooMany = new EodCounter(10);
        tooMany.eof(1);
        tooMany.eod();
        assertThrows(BlockException.class, tooMany::eod);

        EodCounter late = new EodCounter(10);
        late.eod();
        late.eod();
        assertThrows(BlockException.class, () -> late.eof(1), "EOF announcing fewer streams than already ended");

        assertThrows(BlockException.class, () -> new EodCounter(4).eof(5), "more streams than allowed");
        assertThrows(BlockException.class, () -> new EodCounter(4).eof(0));
        assertThrows(BlockException.class, () -> new EodCounter(4).eof(Long.MAX_VALUE));
    }
}
