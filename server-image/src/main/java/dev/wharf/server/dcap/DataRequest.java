package dev.wharf.server.dcap;

import java.util.List;
import java.util.OptionalLong;

/**
 * One client request block on the dCap data channel (docs/dcap.md "Data channel").
 *
 * @param checksum the ADLER32 value a CLOSE carried, if any
 */
public record DataRequest(int opcode, long offset, int whence, long count, List<Range> ranges, OptionalLong checksum) {

    public static final int WRITE = 1;
    public static final int READ = 2;
    public static final int SEEK = 3;
    public static final int CLOSE = 4;
    public static final int ACK = 6;
    public static final int FIN = 7;
    public static final int DATA = 8;
    public static final int LOCATE = 9;
    public static final int SEEK_AND_READ = 11;
    public static final int SEEK_AND_WRITE = 12;
    public static final int READV = 13;

    public static final int SEEK_SET = 0;
    public static final int SEEK_CUR = 1;
    public static final int SEEK_END = 2;

    /** One READV range. */
    public record Range(long offset, int length) {}

    public DataRequest {
        ranges = List.copyOf(ranges);
    }

    static DataRequest simple(int opcode) {
        return new DataRequest(opcode, 0, 0, 0, List.of(), OptionalLong.empty());
    }

    public boolean isWrite() {
        return opcode == WRITE || opcode == SEEK_AND_WRITE;
    }
}
