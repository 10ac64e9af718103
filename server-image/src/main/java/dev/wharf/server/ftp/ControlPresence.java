package dev.wharf.server.ftp;

import io.netty.channel.Channel;
import io.netty.channel.epoll.EpollSocketChannel;

/**
 * Whether the client is still there to read a reply on its control connection. Netty learns of the
 * client's close only when the control loop gets to read it, which may be after the data connection's
 * end was handled on another loop (a client killed with {@code kill -9} closes both at once); the
 * kernel knows earlier, so on epoll the TCP state decides: anything but ESTABLISHED means the peer's
 * FIN or RST has arrived.
 */
final class ControlPresence {

    /** Linux {@code TCP_ESTABLISHED} (include/net/tcp_states.h). */
    static final int TCP_ESTABLISHED = 1;

    private ControlPresence() {}

    static boolean connected(Channel control) {
        if (!control.isActive()) {
            return false;
        }
        if (control instanceof EpollSocketChannel epoll) {
            return epoll.tcpInfo().state() == TCP_ESTABLISHED;
        }
        return true;
    }
}
