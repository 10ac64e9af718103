package dev.wharf.server.srm;

import dev.wharf.server.log.ClientMistakes;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;

/**
 * Netty's aggregator with {@code srm.max-request-bytes} as its limit: an oversized request is answered
 * {@code 413} (and its connection closed, unless the client asked {@code 100-continue}) before any byte
 * of it is parsed as XML; the door logs it once through its rate-limited mistakes log.
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
        super.handleOversizedMessage(ctx, oversized);
    }
}
