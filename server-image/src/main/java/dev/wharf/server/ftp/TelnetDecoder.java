package dev.wharf.server.ftp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns a control line into text: drops Telnet IAC sequences (lftp and BSD ftp send IAC IP / IAC DM
 * before ABOR), keeps a doubled IAC as one 0xFF byte, then decodes UTF-8 (RFC 2640).
 */
public final class TelnetDecoder extends MessageToMessageDecoder<ByteBuf> {

    static final int IAC = 0xff;
    private static final int WILL = 0xfb;
    private static final int DONT = 0xfe;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf line, List<Object> out) {
        out.add(strip(line));
    }

    /** Pure: the text of a raw line with IAC sequences removed. */
    public static String strip(ByteBuf line) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(line.readableBytes());
        int i = line.readerIndex();
        int end = line.writerIndex();
        while (i < end) {
            int b = line.getUnsignedByte(i);
            if (b != IAC) {
                bytes.write(b);
                i++;
                continue;
            }
            if (i + 1 >= end) {
                break;
            }
            int command = line.getUnsignedByte(i + 1);
            if (command == IAC) {
                bytes.write(IAC);
                i += 2;
            } else if (command >= WILL && command <= DONT) {
                i += 3; // option negotiation carries one option byte
            } else {
                i += 2; // IP, DM, AO, ...
            }
        }
        line.readerIndex(end);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
