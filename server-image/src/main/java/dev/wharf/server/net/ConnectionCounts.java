package dev.wharf.server.net;

import io.netty.channel.Channel;
import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One door's open connections per real client address and those not logged in yet. Each count is
 * taken back when the connection closes (or, for the second, when it logs in), refused or not.
 */
final class ConnectionCounts {

    private final ConcurrentHashMap<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();
    private final AtomicInteger unauthenticated = new AtomicInteger();

    /** Counts the connection for its address until it closes; returns the address's count with it. */
    int addressOpened(Channel channel, InetAddress address) {
        int now = perAddress.merge(address, 1, Integer::sum);
        channel.closeFuture().addListener(f -> perAddress.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1));
        return now;
    }

    /** Counts the connection as not logged in until {@code grace} settles; returns the count with it. */
    int unauthenticatedOpened(LoginGrace grace) {
        int now = unauthenticated.incrementAndGet();
        grace.channel().closeFuture().addListener(f -> grace.settle());
        return now;
    }

    void unauthenticatedClosed() {
        unauthenticated.decrementAndGet();
    }

    int unauthenticated() {
        return unauthenticated.get();
    }
}
