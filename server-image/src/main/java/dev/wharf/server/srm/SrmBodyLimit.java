package dev.wharf.server.srm;

import dev.wharf.server.log.ClientMistakes;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;

/**
 * Netty's aggregator with {@code srm.max-request-bytes} as its limit: an oversized request is answered
 * {@code 413} and its connection closed as soon as its headers or its body pass the limit, before any
 * byte of it is parsed as XML; the door logs it once through its rate-limited mistakes log.
 */
final class SrmBodyLimit extends HttpObjectAggregator {

    private final ClientMistakes mistakes;
    private final String door;

    SrmBodyLimit(int maxBytes, ClientMistakes mistakes, String door) {
        super(maxBytes);
        this.mistakes = mistakes;
        this.door = door;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
        mistakes.report(door + ": " + ctx.channel().remoteAddress() + " sent a request larger than "
                + maxContentLength() + " bytes", null);
        FullHttpResponse tooLarge = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, Unpooled.EMPTY_BUFFER);
        HttpUtil.setContentLength(tooLarge, 0);
        tooLarge.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        // closed whatever the client asked: the rest of the body is not worth reading
        ctx.writeAndFlush(tooLarge).addListener(ChannelFutureListener.CLOSE);
    }
}
