package dev.wharf.server.gridftp.modee;

import dev.wharf.server.data.DataPipeline;
import dev.wharf.server.data.DataSink;
import dev.wharf.server.data.LargeReads;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * One MODE E data connection of a session, used by one transfer after another (data channel caching).
 * It is the connection's {@link DataSink} for its whole life: while a receiving transfer is attached,
 * bytes go through its {@link BlockParser} to that transfer; after this stream's EOD, or between
 * transfers, what arrives is held and reading stops until the next receiving transfer attaches.
 * Reading state is only changed on the connection's event loop.
 */
final class BlockChannel implements DataSink {

    /** A receiving transfer, called on the connection's event loop. */
    interface Receiver {
        void block(BlockChannel from, BlockHeader header) throws BlockException;

        void payload(BlockChannel from, long offset, ByteBuf payload);

        /** This stream's EOD block has ended: nothing more of this transfer comes on it. */
        void eod(BlockChannel from);

        /** The connection failed or closed, or its stream broke the protocol, before its EOD. */
        void lost(BlockChannel from, IOException cause);
    }

    private final Channel channel;
    private final Consumer<BlockChannel> onClose;
    private final BlockParser parser = new BlockParser();
    private final ArrayDeque<ByteBuf> held = new ArrayDeque<>();
    private boolean started;
    private Receiver receiver;
    private boolean paused;
    private boolean closed;

    BlockChannel(Channel channel, Consumer<BlockChannel> onClose) {
        this.channel = channel;
        this.onClose = onClose;
    }

    Channel channel() {
        return channel;
    }

    /** Protects the connection and takes over its inbound side; only the first transfer using it does this. */
    void startOnce(Consumer<Channel> protect) {
        start(protect, null);
    }

    /** {@code r} is in place before the first byte is handed over (a client may send all and close at once). */
    private synchronized boolean start(Consumer<Channel> protect, Receiver r) {
        if (started) {
            return false;
        }
        started = true;
        receiver = r;
        LargeReads.apply(channel);
        protect.accept(channel);
        DataPipeline.start(channel, this);
        channel.eventLoop().execute(this::applyReading); // DataPipeline.start turned reading on
        return true;
    }

    /** Hands what arrives from now on (and what was held) to {@code r} until this stream's EOD. */
    void receiveFor(Receiver r, Consumer<Channel> protect) {
        if (start(protect, r)) {
            return;
        }
        channel.eventLoop().execute(() -> {
            if (closed) {
                r.lost(this, new IOException("data connection closed"));
                return;
            }
            receiver = r;
            while (receiver != null && !held.isEmpty()) {
                feed(held.poll());
            }
            applyReading();
        });
    }

    /** After {@code r} finished without this stream's EOD (it sent none): hold what comes next. */
    void detach(Receiver r) {
        channel.eventLoop().execute(() -> {
            if (receiver == r) {
                receiver = null;
                applyReading();
            }
        });
    }

    /** Back-pressure from the disk writes: stop or resume reading. Any thread. */
    void pause(boolean value) {
        channel.eventLoop().execute(() -> {
            paused = value;
            applyReading();
        });
    }

    private void applyReading() {
        channel.config().setAutoRead(!closed && receiver != null && !paused);
    }

    @Override
    public void data(Channel ch, ByteBuf buf) {
        if (receiver == null) {
            held.add(buf);
            applyReading();
        } else {
            feed(buf);
        }
    }

    private void feed(ByteBuf buf) {
        Receiver r = receiver;
        BlockParser.Listener listener = new BlockParser.Listener() {
            @Override
            public void block(BlockHeader header) throws BlockException {
                r.block(BlockChannel.this, header);
            }

            @Override
            public void payload(long offset, ByteBuf payload) {
                r.payload(BlockChannel.this, offset, payload);
            }
        };
        try {
            if (parser.feed(buf, listener)) {
                receiver = null;
                if (buf.isReadable()) {
                    held.addFirst(buf); // the next transfer's bytes
                } else {
                    buf.release();
                }
                r.eod(this);
                applyReading();
            } else {
                buf.release();
            }
        } catch (BlockException e) {
            buf.release();
            receiver = null;
            r.lost(this, e);
            channel.close();
        }
    }

    @Override
    public void end(Channel ch) {
        gone(new IOException("data connection closed before the end of the stream (EOD)"));
    }

    @Override
    public void failed(Channel ch, Throwable cause) {
        gone(cause instanceof IOException io ? io : new IOException(cause));
        ch.close();
    }

    private void gone(IOException cause) {
        if (closed) {
            return;
        }
        closed = true;
        ByteBuf b;
        while ((b = held.poll()) != null) {
            b.release();
        }
        onClose.accept(this);
        Receiver r = receiver;
        receiver = null;
        if (r != null) {
            r.lost(this, cause);
        }
    }

    void close() {
        channel.close();
    }
}
