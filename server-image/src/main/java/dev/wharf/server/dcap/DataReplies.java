package dev.wharf.server.dcap;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;

/** Renders the server's blocks on the dCap data channel: ACK, FIN, the DATA header and block framing. */
public final class DataReplies {

    /** dCache's error codes in ACK/FIN blocks. */
    public static final int ERROR_SEEK = 6;
    public static final int ERROR_PROTOCOL = 44;
    public static final int ERROR_IO_DISK = 204;
    public static final int ERROR_RESOURCE = 10017;

    private DataReplies() {}

    public static ByteBuf ack(ByteBufAllocator alloc, int command) {
        return status(alloc, DataRequest.ACK, command);
    }

    public static ByteBuf fin(ByteBufAllocator alloc, int command) {
        return status(alloc, DataRequest.FIN, command);
    }

    private static ByteBuf status(ByteBufAllocator alloc, int kind, int command) {
        return alloc.buffer(16).writeInt(12).writeInt(kind).writeInt(command).writeInt(0);
    }

    public static ByteBuf ackSeek(ByteBufAllocator alloc, int command, long position) {
        return alloc.buffer(24).writeInt(20).writeInt(DataRequest.ACK).writeInt(command).writeInt(0).writeLong(position);
    }

    public static ByteBuf ackLocate(ByteBufAllocator alloc, long size, long position) {
        return alloc.buffer(32).writeInt(28).writeInt(DataRequest.ACK).writeInt(DataRequest.LOCATE).writeInt(0)
                .writeLong(size).writeLong(position);
    }

    /** An ACK ({@code fin} false) or FIN carrying an error code and a message the client logs. */
    public static ByteBuf error(ByteBufAllocator alloc, boolean fin, int command, int code, String message) {
        byte[] text = DcapReplies.clean(message).getBytes(StandardCharsets.US_ASCII);
        return alloc.buffer(18 + text.length).writeInt(14 + text.length).writeInt(fin ? DataRequest.FIN : DataRequest.ACK)
                .writeInt(command).writeInt(code).writeShort(text.length).writeBytes(text);
    }

    public static ByteBuf dataHeader(ByteBufAllocator alloc) {
        return alloc.buffer(8).writeInt(4).writeInt(DataRequest.DATA);
    }

    public static ByteBuf blockLength(ByteBufAllocator alloc, int length) {
        return alloc.buffer(4).writeInt(length);
    }

    public static ByteBuf trailer(ByteBufAllocator alloc) {
        return alloc.buffer(4).writeInt(-1);
    }

    /** What the server sends first when it connected to the client's callback port (legacy mode). */
    public static ByteBuf callbackGreeting(ByteBufAllocator alloc, long sessionId) {
        return alloc.buffer(8).writeInt((int) sessionId).writeInt(0);
    }
}
