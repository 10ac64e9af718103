package dev.wharf.server.ftp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.nio.charset.StandardCharsets;

/** Writes {@link FtpReply} values as UTF-8 text. */
@ChannelHandler.Sharable
public final class ReplyEncoder extends MessageToByteEncoder<FtpReply> {

    @Override
    protected void encode(ChannelHandlerContext ctx, FtpReply reply, ByteBuf out) {
        out.writeCharSequence(reply.render(), StandardCharsets.UTF_8);
    }
}
