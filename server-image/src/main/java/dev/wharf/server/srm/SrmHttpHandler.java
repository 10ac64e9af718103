package dev.wharf.server.srm;

import dev.wharf.server.Drain;
import dev.wharf.server.log.ClientMistakes;
import dev.wharf.server.net.SerialExecutor;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;

/**
 * One SOAP call per HTTP request: {@code POST /srm/managerv2} with the envelope as body (the
 * aggregator in front has bounded it). Calls run on the blocking executor one after another per
 * connection, and answers are written in order on the event loop. A connection whose login was refused
 * gets its calls answered with the refusal's status, then is closed; a malformed request, another path or
 * method get a plain HTTP error. On drain the connection closes once no call is running.
 */
final class SrmHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private final SrmDispatcher dispatcher;
    private final SerialExecutor calls;
    private final ClientMistakes mistakes;
    private final String door;
    private int inFlight;
    private boolean draining;

    SrmHttpHandler(SrmDispatcher dispatcher, Executor blocking, ClientMistakes mistakes, String door) {
        this.dispatcher = dispatcher;
        this.calls = new SerialExecutor(blocking);
        this.mistakes = mistakes;
        this.door = door;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            mistakes.report(door + ": " + ctx.channel().remoteAddress() + " sent a malformed HTTP request: "
                    + request.decoderResult().cause(), null);
            plain(ctx, HttpResponseStatus.BAD_REQUEST, "malformed HTTP request", false);
            return;
        }
        if (!HttpMethod.POST.equals(request.method())) {
            plain(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, "SRM takes SOAP calls by POST", HttpUtil.isKeepAlive(request));
            return;
        }
        String path = new QueryStringDecoder(request.uri()).path();
        if (!path.equals(SrmSettings.ENDPOINT) && !path.equals(SrmSettings.ENDPOINT + "/")) {
            plain(ctx, HttpResponseStatus.NOT_FOUND, "the SRM endpoint is " + SrmSettings.ENDPOINT, HttpUtil.isKeepAlive(request));
            return;
        }
        byte[] body = ByteBufUtil.getBytes(request.content());
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        inFlight++;
        calls.execute(() -> {
            SrmSession session = ctx.channel().attr(SrmLogin.SESSION).get();
            SrmDispatcher.Answer answer;
            boolean close = !keepAlive;
            if (session != null) {
                answer = dispatcher.dispatch(body, session);
            } else {
                SrmLogin.Refusal refusal = ctx.channel().attr(SrmLogin.REFUSAL).get();
                answer = refusal == null
                        ? dispatcher.refuse(body, dev.wharf.server.srm.v22.TStatusCode.SRM_AUTHENTICATION_FAILURE, "not authenticated")
                        : dispatcher.refuse(body, refusal.code(), refusal.why());
                close = true;
            }
            boolean closeAfter = close;
            ctx.executor().execute(() -> answer(ctx, answer, closeAfter));
        });
    }

    private void answer(ChannelHandlerContext ctx, SrmDispatcher.Answer answer, boolean close) {
        inFlight--;
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.httpStatus()), Unpooled.wrappedBuffer(answer.body()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/xml; charset=utf-8");
        send(ctx, response, close || draining && inFlight == 0);
    }

    private static void plain(ChannelHandlerContext ctx, HttpResponseStatus status, String text, boolean keepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(text + "\n", StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        send(ctx, response, !keepAlive);
    }

    private static void send(ChannelHandlerContext ctx, FullHttpResponse response, boolean close) {
        HttpUtil.setContentLength(response, response.content().readableBytes());
        if (close) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt == Drain.REQUESTED) {
            draining = true;
            if (inFlight == 0) {
                ctx.close();
            }
            return;
        }
        if (evt instanceof io.netty.handler.timeout.IdleStateEvent) {
            ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }
}
