package dev.wharf.server.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;

/**
 * Decides, once the real client address is known (after the PROXY header if any), whether the
 * connection may speak to the door: {@code net.allowed-subnets}, {@code limits.clients-per-address},
 * the slots not reserved for logged-in sessions. An admitted connection starts its
 * {@link LoginGrace}, and this stage leaves the pipeline before the protocol sees
 * {@code channelActive}.
 */
final class AdmissionHandler extends ChannelInboundHandlerAdapter {

    private final DoorFront front;

    AdmissionHandler(DoorFront front) {
        this.front = front;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        InetSocketAddress client = ClientAddress.of(ctx.channel());
        NetSettings net = front.settings();
        if (!net.allowedSubnets().allows(client.getAddress())) {
            front.refuse(ctx, Refusal.SUBNET, client, "not in net.allowed-subnets");
            return;
        }
        int fromAddress = front.counts().addressOpened(ctx.channel(), client.getAddress());
        if (fromAddress > net.maxPerAddress()) {
            front.refuse(ctx, Refusal.PER_ADDRESS, client,
                    net.maxPerAddress() + " concurrent connections per address is the limit");
            return;
        }
        LoginGrace grace = new LoginGrace(front, ctx.channel());
        if (front.counts().unauthenticatedOpened(grace) > net.maxUnauthenticated()) {
            front.refuse(ctx, Refusal.UNAUTHENTICATED, client, net.reservedForAuthenticated()
                    + " of " + net.maxClients() + " slots are reserved for logged-in sessions");
            return;
        }
        grace.start(client);
        front.admitted();
        ctx.pipeline().remove(this);
        ctx.fireChannelActive();
    }

    /** Bytes of a connection that was not admitted never reach the protocol. */
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg);
    }
}
