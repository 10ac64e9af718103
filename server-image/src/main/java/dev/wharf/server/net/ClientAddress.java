package dev.wharf.server.net;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * The real client of a connection: the source address of its PROXY header when the door is behind a
 * proxy, else the TCP peer. Every rule about "the client" (subnets, per-address limits, the address a
 * data connection must come from) asks here, never {@code channel.remoteAddress()}.
 */
public final class ClientAddress {

    static final AttributeKey<InetSocketAddress> KEY = AttributeKey.valueOf("wharf.net.client");

    private ClientAddress() {}

    public static InetSocketAddress of(Channel channel) {
        InetSocketAddress proxied = channel.attr(KEY).get();
        return proxied != null ? proxied : peer(channel);
    }

    /** The TCP peer; an in-memory test channel gets 127.0.0.1:0. */
    public static InetSocketAddress peer(Channel channel) {
        return inet(channel.remoteAddress());
    }

    public static InetSocketAddress inet(SocketAddress address) {
        return address instanceof InetSocketAddress a ? a : new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    static void set(Channel channel, InetSocketAddress client) {
        channel.attr(KEY).set(client);
    }
}
