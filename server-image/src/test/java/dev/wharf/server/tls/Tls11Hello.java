package dev.wharf.server.tls;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;

/**
 * Sends a hand-made TLS 1.1 ClientHello (no supported_versions extension, CBC suites, as an old client
 * would) to a server {@link SslHandler} on an {@link EmbeddedChannel} and returns the server's first record.
 * Hand-made because the JDK's own client refuses to offer TLS 1.1 at all, which would prove nothing.
 */
final class Tls11Hello {

    private Tls11Hello() {}

    static byte[] send(SslContext context) {
        EmbeddedChannel channel = new EmbeddedChannel();
        SslHandler handler = context.newHandler(channel.alloc());
        channel.pipeline().addLast(handler);
        try {
            channel.writeInbound(Unpooled.wrappedBuffer(clientHello()));
        } catch (RuntimeException expected) {
            // the handshake failure is also fired as an exception; the alert is what the client sees
        }
        channel.runPendingTasks();
        ByteBuf out = Unpooled.buffer();
        for (Object o = channel.readOutbound(); o != null; o = channel.readOutbound()) {
            ByteBuf b = (ByteBuf) o;
            out.writeBytes(b);
            b.release();
        }
        channel.finishAndReleaseAll();
        if (!handler.handshakeFuture().isDone() || handler.handshakeFuture().isSuccess()) {
            throw new AssertionError("handshake did not fail");
        }
        return ByteBufUtil.getBytes(out);
    }

    private static byte[] clientHello() {
        ByteBuf body = Unpooled.buffer();
        body.writeShort(0x0302);                      // client_version TLS 1.1
        body.writeBytes(new byte[32]);                // random
        body.writeByte(0);                            // session id
        int[] suites = {0xC013, 0xC009, 0x002F, 0x0035};
        body.writeShort(suites.length * 2);
        for (int s : suites) {
            body.writeShort(s);
        }
        body.writeByte(1).writeByte(0);               // compression: null
        ByteBuf ext = Unpooled.buffer();
        ext.writeShort(0x000a).writeShort(4).writeShort(2).writeShort(0x0017);   // supported_groups: secp256r1
        ext.writeShort(0x000b).writeShort(2).writeByte(1).writeByte(0);          // ec_point_formats: uncompressed
        body.writeShort(ext.readableBytes()).writeBytes(ext);

        ByteBuf record = Unpooled.buffer();
        record.writeByte(0x16).writeShort(0x0301).writeShort(body.readableBytes() + 4);
        record.writeByte(0x01).writeMedium(body.readableBytes()).writeBytes(body);
        return ByteBufUtil.getBytes(record);
    }
}
