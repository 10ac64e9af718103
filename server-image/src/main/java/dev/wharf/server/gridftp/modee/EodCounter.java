package dev.wharf.server.gridftp.modee;

/**
 * The end of a MODE E transfer as the receiver counts it: exactly one EOF announces how many streams
 * the sender used, each stream ends with an EOD, and the transfer is complete when the EOF has come
 * and that many EODs were seen (waiting for the connections open now is not enough: more may still be
 * connecting). Confined to one thread by its owner.
 */
public final class EodCounter {

    private final int maxStreams;
    private long expected = -1;
    private long seen;

    /** {@code maxStreams}: the most streams an EOF may announce (limits.streams-per-client). */
    public EodCounter(int maxStreams) {
        this.maxStreams = maxStreams;
    }

    public void eof(long eodCount) throws BlockException {
        if (expected >= 0) {
            throw new BlockException("a second EOF in one transfer");
        }
        if (eodCount <= 0 || eodCount > maxStreams) {
            throw new BlockException("EOF announces " + eodCount + " streams; 1 to " + maxStreams + " are allowed");
        }
        if (seen > eodCount) {
            throw new BlockException("EOF announces " + eodCount + " streams but " + seen + " EODs arrived");
        }
        expected = eodCount;
    }

    public void eod() throws BlockException {
        seen++;
        if (expected >= 0 && seen > expected) {
            throw new BlockException("more EODs (" + seen + ") than the EOF announced (" + expected + ")");
        }
        if (seen > maxStreams) {
            throw new BlockException("more than " + maxStreams + " streams ended in one transfer");
        }
    }

    public boolean complete() {
        return expected >= 0 && seen == expected;
    }

    public long seen() {
        return seen;
    }

    public long expected() {
        return expected;
    }
}
