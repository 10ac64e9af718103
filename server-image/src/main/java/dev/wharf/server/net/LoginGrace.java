package dev.wharf.server.net;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code limits.login-grace}: a connection that has not logged in within the grace time is closed,
 * whatever it sends meanwhile (traffic resets the idle timer, not this one). Until then it holds one of
 * the slots not reserved for logged-in sessions. The door's session calls {@link #authenticated} once
 * the login succeeded.
 */
public final class LoginGrace {

    private static final Logger LOG = LoggerFactory.getLogger(LoginGrace.class);
    private static final AttributeKey<LoginGrace> KEY = AttributeKey.valueOf("wharf.net.login-grace");

    private static final long FAREWELL_SECONDS = 1;

    private final DoorFront front;
    private final Channel channel;
    private final AtomicBoolean pending = new AtomicBoolean(true);
    private volatile ScheduledFuture<?> timer;

    LoginGrace(DoorFront front, Channel channel) {
        this.front = front;
        this.channel = channel;
        channel.attr(KEY).set(this);
    }

    /** The session on {@code channel} logged in: it no longer counts against the unreserved slots. */
    public static void authenticated(Channel channel) {
        LoginGrace grace = channel.attr(KEY).get();
        if (grace != null) {
            grace.settle();
        }
    }

    Channel channel() {
        return channel;
    }

    void start(InetSocketAddress client) {
        long millis = front.settings().loginGrace().toMillis();
        timer = channel.eventLoop().schedule(() -> expire(client), millis, TimeUnit.MILLISECONDS);
    }

    private void expire(InetSocketAddress client) {
        if (!pending.get() || !channel.isActive()) {
            return;
        }
        LOG.info("{}: {} not logged in within {} s; closing", front.door(), client, front.settings().loginGrace().toSeconds());
        front.counted(Refusal.LOGIN_GRACE);
        String words = front.words().refusal(Refusal.LOGIN_GRACE);
        if (words == null) {
            channel.close();
        } else {
            // From the tail: through the door's TLS when the session has it. A TLS handshake that never
            // finished holds the write back, so the connection closes a second later whatever happened.
            channel.writeAndFlush(Unpooled.copiedBuffer(words, StandardCharsets.US_ASCII))
                    .addListener(ChannelFutureListener.CLOSE);
            channel.eventLoop().schedule(() -> channel.close(), FAREWELL_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Leaves the unauthenticated count exactly once: at login or at close, whichever comes first. */
    boolean settle() {
        if (!pending.compareAndSet(true, false)) {
            return false;
        }
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
        }
        front.counts().unauthenticatedClosed();
        return true;
    }
}
