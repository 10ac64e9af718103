package dev.wharf.server.gsi;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;

/**
 * Drives an {@link SSLEngine} with opaque tokens instead of a socket, as GSI needs: the TLS records
 * arrive inside ADAT/ENC commands (or any other envelope) and leave the same way. {@link #feed(byte[])}
 * takes whatever bytes arrived (partial records are kept for the next call) and returns every record the
 * engine wants to send in reply; application data that arrives meanwhile is collected for
 * {@link #takeApplicationData()}. Not thread-safe: one session uses it at a time.
 */
final class TlsTokenEngine {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    /** Far more engine steps than any real exchange needs: a guard against an engine that stops moving. */
    private static final int MAX_STEPS = 10_000;

    private final SSLEngine engine;
    private ByteBuffer inbound = ByteBuffer.allocate(0);
    private final ByteArrayOutputStream applicationIn = new ByteArrayOutputStream();
    private boolean handshakeDone;

    TlsTokenEngine(SSLEngine engine) throws SSLException {
        this.engine = engine;
        engine.beginHandshake();
    }

    SSLEngine engine() {
        return engine;
    }

    boolean handshakeDone() {
        return handshakeDone;
    }

    /** Consumes {@code token} and returns the records to send back (possibly none). */
    byte[] feed(byte[] token) throws SSLException {
        append(token);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer appBuffer = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
        ByteBuffer netBuffer = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        for (int steps = 0; ; steps++) {
            if (steps > MAX_STEPS) {
                throw new SSLException("TLS engine makes no progress");
            }
            HandshakeStatus status = engine.getHandshakeStatus();
            if (status == HandshakeStatus.NEED_TASK) {
                for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
                    task.run();
                }
            } else if (status == HandshakeStatus.NEED_WRAP) {
                netBuffer.clear();
                SSLEngineResult r = engine.wrap(EMPTY, netBuffer);
                drain(netBuffer, out);
                noteFinished(r);
                if (r.getStatus() == Status.CLOSED && r.bytesProduced() == 0) {
                    break;
                }
            } else if (inbound.hasRemaining()) {
                appBuffer.clear();
                SSLEngineResult r = engine.unwrap(inbound, appBuffer);
                noteFinished(r);
                appBuffer.flip();
                applicationIn.write(appBuffer.array(), 0, appBuffer.limit());
                if (r.getStatus() == Status.BUFFER_UNDERFLOW) {
                    break;
                }
                if (r.getStatus() == Status.BUFFER_OVERFLOW) {
                    appBuffer = ByteBuffer.allocate(appBuffer.capacity() * 2);
                } else if (r.getStatus() == Status.CLOSED) {
                    throw new SSLException("peer closed the TLS session");
                }
            } else {
                break;
            }
        }
        compact();
        return out.toByteArray();
    }

    /** The records carrying {@code plain} as application data, plus anything the engine still had to send. */
    byte[] wrap(byte[] plain) throws SSLException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer src = ByteBuffer.wrap(plain);
        ByteBuffer netBuffer = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        int steps = 0;
        do {
            if (++steps > MAX_STEPS + plain.length / 1024) {
                throw new SSLException("TLS engine makes no progress");
            }
            netBuffer.clear();
            SSLEngineResult r = engine.wrap(src, netBuffer);
            drain(netBuffer, out);
            if (r.getStatus() != Status.OK) {
                throw new SSLException("cannot wrap: " + r.getStatus());
            }
        } while (src.hasRemaining() || engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP);
        return out.toByteArray();
    }

    /** Application bytes received so far, removed from the buffer. */
    byte[] takeApplicationData() {
        byte[] data = applicationIn.toByteArray();
        applicationIn.reset();
        return data;
    }

    /** Puts application bytes back in front of whatever arrives next (a partly read message). */
    void unread(byte[] data) {
        byte[] rest = applicationIn.toByteArray();
        applicationIn.reset();
        applicationIn.writeBytes(data);
        applicationIn.writeBytes(rest);
    }

    /** Whatever the engine wants to send now (e.g. an alert after a failure); never throws. */
    byte[] pendingOutput() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ByteBuffer netBuffer = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            for (int i = 0; i < 8 && engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP; i++) {
                netBuffer.clear();
                engine.wrap(EMPTY, netBuffer);
                drain(netBuffer, out);
            }
        } catch (SSLException | RuntimeException e) {
            // Nothing more to say to the peer.
        }
        return out.toByteArray();
    }

    private void noteFinished(SSLEngineResult r) {
        if (r.getHandshakeStatus() == HandshakeStatus.FINISHED) {
            handshakeDone = true;
        }
    }

    private static void drain(ByteBuffer netBuffer, ByteArrayOutputStream out) {
        netBuffer.flip();
        out.write(netBuffer.array(), 0, netBuffer.limit());
    }

    private void append(byte[] token) {
        ByteBuffer joined = ByteBuffer.allocate(inbound.remaining() + token.length);
        joined.put(inbound).put(token).flip();
        inbound = joined;
    }

    private void compact() {
        if (!inbound.hasRemaining()) {
            inbound = ByteBuffer.allocate(0);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
