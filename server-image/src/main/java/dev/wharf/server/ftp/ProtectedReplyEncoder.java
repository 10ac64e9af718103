package dev.wharf.server.ftp;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Wraps replies once the control channel is protected ({@link ControlProtection}); passes them on to
 * the plain {@link ReplyEncoder} before that. Runs on the event loop, so wrapped records leave in the
 * order their sequence numbers were taken.
 */
final class ProtectedReplyEncoder extends MessageToMessageEncoder<FtpReply> {

    private ControlProtection protection;

    /** Called on the event loop right after the last clear reply was written. */
    void protect(ControlProtection protection) {
        this.protection = protection;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, FtpReply reply, List<Object> out) {
        if (protection == null) {
            out.add(reply);
        } else {
            out.add(ByteBufUtil.encodeString(ctx.alloc(), java.nio.CharBuffer.wrap(protection.wrap(reply)),
                    StandardCharsets.UTF_8));
        }
    }
}
