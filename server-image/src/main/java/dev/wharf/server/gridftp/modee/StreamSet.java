package dev.wharf.server.gridftp.modee;

import dev.wharf.server.data.DataChannelFactory;
import dev.wharf.server.data.DataEndpoint;
import dev.wharf.server.data.PassiveListener;
import io.netty.channel.Channel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MODE E data connections of a session, kept open from one transfer to the next (data channel
 * caching, which globus-url-copy's pipelined copies rely on). It is the session's data endpoint, so a
 * new PASV/PORT/SPAS/SPOR, MODE S or the end of the session closes it like any endpoint. Passive: the
 * listener stays open and every connection from the client joins (up to the stream limit); active:
 * connections to the PORT/SPOR addresses are opened as a sending transfer needs them.
 */
final class StreamSet implements DataEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(StreamSet.class);

    private final DataChannelFactory factory;
    private final PassiveListener listener;
    private final List<InetSocketAddress> targets;
    private final int maxStreams;
    private final int socketBuffer;
    private final List<BlockChannel> channels = new ArrayList<>();
    private Consumer<BlockChannel> arrivals;
    private Runnable onClose;
    private boolean closed;

    private StreamSet(DataChannelFactory factory, PassiveListener listener, List<InetSocketAddress> targets, int maxStreams,
                      int socketBuffer) {
        this.factory = factory;
        this.listener = listener;
        this.targets = targets;
        this.maxStreams = maxStreams;
        this.socketBuffer = socketBuffer;
    }

    /** Call before the client learns the port: every connection to it joins the set. */
    static StreamSet passive(PassiveListener listener, int maxStreams) {
        StreamSet set = new StreamSet(null, listener, List.of(), maxStreams, 0);
        listener.acceptEvery(set::accepted);
        return set;
    }

    /** Streams are spread over {@code targets} in turn (SPOR may name several); SBUF's socket buffer (0: the kernel's). */
    static StreamSet active(DataChannelFactory factory, List<InetSocketAddress> targets, int maxStreams, int socketBuffer) {
        return new StreamSet(factory, null, List.copyOf(targets), maxStreams, socketBuffer);
    }

    boolean passive() {
        return listener != null;
    }

    int maxStreams() {
        return maxStreams;
    }

    private void accepted(Channel ch) {
        BlockChannel joined = join(ch);
        if (joined == null) {
            return;
        }
        Consumer<BlockChannel> to;
        synchronized (this) {
            to = arrivals;
        }
        if (to != null) {
            to.accept(joined);
        }
    }

    /** Adds a connection, or closes it when the set is closed or full. */
    private BlockChannel join(Channel ch) {
        BlockChannel joined = new BlockChannel(ch, this::remove);
        synchronized (this) {
            if (closed || channels.size() >= maxStreams) {
                if (!closed) {
                    LOG.warn("refused data connection from {}: already {} streams (limits.streams-per-client)",
                            ch.remoteAddress(), maxStreams);
                }
                ch.close();
                return null;
            }
            channels.add(joined);
        }
        // no removal on close here: a connection nobody read yet may hold a whole stream (data, EOD,
        // close); it leaves the set when a transfer has read its end (BlockChannel calls remove)
        return joined;
    }

    private synchronized void remove(BlockChannel gone) {
        channels.remove(gone);
    }

    synchronized List<BlockChannel> open() {
        return List.copyOf(channels);
    }

    /** Receiving: the connections open now; later ones go to {@code arrivals} until {@link #stopArrivals()}. */
    synchronized List<BlockChannel> receiveInto(Consumer<BlockChannel> newArrivals) {
        arrivals = newArrivals;
        return List.copyOf(channels);
    }

    synchronized void stopArrivals() {
        arrivals = null;
    }

    /**
     * The connections a transfer runs on: active, the cached ones plus new ones up to {@code streams};
     * passive, the ones the client opened (at least the first one to come).
     */
    CompletableFuture<List<BlockChannel>> connections(int streams) {
        synchronized (this) {
            channels.removeIf(bc -> !bc.channel().isActive());
        }
        List<BlockChannel> cached = open();
        if (passive()) {
            if (!cached.isEmpty()) {
                return CompletableFuture.completedFuture(cached);
            }
            CompletableFuture<List<BlockChannel>> first = new CompletableFuture<>();
            List<BlockChannel> now = receiveInto(bc -> first.complete(List.of(bc)));
            if (!now.isEmpty()) {
                first.complete(now);
            }
            return first.whenComplete((r, e) -> stopArrivals());
        }
        List<CompletableFuture<BlockChannel>> opening = new ArrayList<>();
        for (int i = cached.size(); i < Math.min(streams, maxStreams); i++) {
            InetSocketAddress target = targets.get(i % targets.size());
            opening.add(factory.connectTo(target, socketBuffer).connection().thenApply(ch -> {
                BlockChannel bc = join(ch);
                if (bc == null) {
                    throw new IllegalStateException("data connections closed");
                }
                return bc;
            }));
        }
        return CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<BlockChannel> all = new ArrayList<>(cached);
            opening.forEach(f -> all.add(f.join()));
            return all;
        });
    }

    @Override
    public CompletableFuture<Channel> connection() {
        return CompletableFuture.failedFuture(new IOException("MODE E data connections carry only MODE E transfers"));
    }

    /**
     * What to do if the set is closed while a transfer runs on it (ABOR, the session ending): the
     * transfer must fail at once, also when no stream has connected yet. Null when it has finished.
     */
    void whileRunning(Runnable failTransfer) {
        boolean already;
        synchronized (this) {
            already = closed;
            onClose = failTransfer;
        }
        if (already && failTransfer != null) {
            failTransfer.run();
        }
    }

    @Override
    public void close() {
        List<BlockChannel> all;
        Runnable running;
        synchronized (this) {
            if (closed) {
                return; // also when failing the running transfer closes the set again
            }
            closed = true;
            arrivals = null;
            all = List.copyOf(channels);
            channels.clear();
            running = onClose;
            onClose = null;
        }
        if (running != null) {
            running.run();
        }
        if (listener != null) {
            listener.close();
        }
        all.forEach(BlockChannel::close);
    }

    synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return (passive() ? "passive " + listener.address() : "active " + targets) + " streams=" + open().size();
    }
}
