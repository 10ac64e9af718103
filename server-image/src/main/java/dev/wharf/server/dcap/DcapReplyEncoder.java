package dev.wharf.server.dcap;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/**
 * {@link DcapReply} → the line libdcap reads ({@code \n}-terminated text); on gsidcap the tunnel stage
 * in front wraps it.
 */
@ChannelHandler.Sharable
final class DcapReplyEncoder extends MessageToMessageEncoder<DcapReply> {

    static final DcapReplyEncoder INSTANCE = new DcapReplyEncoder();

    private DcapReplyEncoder() {
        super(DcapReply.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, DcapReply reply, List<Object> out) {
        out.add(reply.line() + "\n");
    }
}
