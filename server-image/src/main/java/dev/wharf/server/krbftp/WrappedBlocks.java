package dev.wharf.server.krbftp;

import dev.wharf.server.data.DataAuthenticationException;
import dev.wharf.server.data.DataProtection;
import dev.wharf.server.gsi.ProtectedMessages;
import dev.wharf.server.gss.SecurityContext;
import dev.wharf.server.krb.KrbAcceptor;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.ByteToMessageCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ietf.jgss.GSSException;

/**
 * RFC 2228 protected data blocks both ways: {@code length(4, big-endian) token}, each token one gss_wrap of a
 * piece of the stream. Outbound pieces are small enough that their token fits the agreed PBSZ; inbound
 * tokens may exceed it by the wrap overhead (curl wraps PBSZ bytes of plain data per block) but no more.
 * A token that fails to unwrap, a replayed one, a clear one under PROT P or a stream that ends inside a
 * block fails the transfer with a {@link DataAuthenticationException}: nothing unverified reaches a file.
 * curl's uploads come as command lines instead of blocks ({@link #curlLineToken}) and are checked the same way.
 *
 * <p>A channel we send on ends with one more block, the wrap of no bytes, before it closes: RFC 2228 clients
 * take the block that unwraps to nothing as the end of the file (MIT ftp's secure_getbyte, curl's sec_recv)
 * and, without it, wait for ever on the closed connection (curl 7.74 spins in its read loop). Like TLS's
 * close_notify it is sent on every close of a channel that did not carry an upload or fail; the control
 * channel's reply still tells a client whether the transfer was complete.
 */
final class WrappedBlocks extends ByteToMessageCodec<ByteBuf> {

    /** Room above PBSZ for the wrap token's header, checksum and padding. */
    static final int TOKEN_OVERHEAD = 64 * 1024;
    /** "ENC " and "MIC " read as a block length: how curl's protected upload lines start ({@link #curlLineToken}). */
    private static final int CURL_ENC = 0x454E4320;
    private static final int CURL_MIC = 0x4D494320;
    /** Plain bytes per outbound block at most: keeps the copies through the heap small. */
    static final int MAX_PLAIN_BLOCK = 256 * 1024;

    private final KrbAcceptor context;
    private final boolean confidential;
    private final int maxInboundToken;
    private final int plainPerBlock;
    private final int maxCurlLine;
    /** The client sent protected data here: an upload, which the client ends; no marker from us. */
    private boolean received;
    private boolean failed;
    private boolean ended;
    /** How much of a curl line has been searched for its end already. */
    private int lineScanned;

    WrappedBlocks(KrbAcceptor context, boolean confidential, int pbsz) {
        this.context = context;
        this.confidential = confidential;
        this.maxInboundToken = pbsz + TOKEN_OVERHEAD;
        this.maxCurlLine = 4 + (maxInboundToken + 2) / 3 * 4 + 2;
        try {
            this.plainPerBlock = Math.max(1, Math.min(MAX_PLAIN_BLOCK, context.wrapSizeLimit(pbsz, confidential)));
        } catch (GSSException e) {
            throw new IllegalStateException("Kerberos context unusable for data: " + e.getMessage(), e);
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        ctx.fireUserEventTriggered(DataProtection.Event.ESTABLISHED);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, ByteBuf msg, ByteBuf out) throws Exception {
        byte[] piece = new byte[Math.min(plainPerBlock, msg.readableBytes())];
        while (msg.isReadable()) {
            int n = Math.min(piece.length, msg.readableBytes());
            msg.readBytes(piece, 0, n);
            byte[] token = context.wrap(piece, 0, n, confidential);
            out.writeInt(token.length);
            out.writeBytes(token);
        }
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) throws Exception {
        if (received || failed || ended || !ctx.channel().isActive()) {
            super.close(ctx, promise);
            return;
        }
        ended = true;
        byte[] end;
        try {
            end = context.wrap(new byte[0], 0, 0, confidential);
        } catch (IOException e) { // the session is gone: nobody is left to read the marker
            super.close(ctx, promise);
            return;
        }
        ctx.writeAndFlush(ctx.alloc().buffer(4 + end.length).writeInt(end.length).writeBytes(end))
                .addListener(written -> ctx.close(promise));
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        received |= in.isReadable();
        while (in.readableBytes() >= 4) {
            int length = in.getInt(in.readerIndex());
            byte[] token;
            if (length == CURL_ENC || length == CURL_MIC) {
                token = curlLineToken(in);
            } else if (length < 0 || length > maxInboundToken) {
                throw refused("protected data block of " + length + " bytes (PBSZ allows " + maxInboundToken + ")",
                        null);
            } else if (in.readableBytes() < 4 + length) {
                return;
            } else {
                in.skipBytes(4);
                token = new byte[length];
                in.readBytes(token);
            }
            if (token == null) {
                return;
            }
            if (token.length > 0) {
                unwrapInto(ctx, token, out);
            }
        }
    }

    /**
     * curl 7.56.1 to 7.87 sends upload data the way it sends commands, {@code ENC <base64 token>\r\n} (PROT P) or
     * {@code MIC ...} (PROT S), each token one gss_wrap of a piece of the file: its command writer leaves the
     * data channel's protection set to "command" (pingpong.c reads the saved level back after overwriting it).
     * The token is checked like any block. Unambiguous: as a block length, "ENC " or "MIC " is over 1 GB, far
     * beyond any PBSZ. Returns the token, or null until the whole line is here.
     */
    private byte[] curlLineToken(ByteBuf in) throws DataAuthenticationException {
        int limit = in.readerIndex() + Math.min(in.readableBytes(), maxCurlLine);
        int end = in.indexOf(in.readerIndex() + lineScanned, limit, (byte) '\n');
        if (end < 0) {
            if (in.readableBytes() >= maxCurlLine) {
                throw refused("protected data line longer than PBSZ allows (" + maxCurlLine + " bytes)", null);
            }
            lineScanned = limit - in.readerIndex(); // a line arrives in many reads: scan each byte once
            return null;
        }
        lineScanned = 0;
        String line = in.toString(in.readerIndex() + 4, end - in.readerIndex() - 4, StandardCharsets.US_ASCII);
        in.readerIndex(end + 1);
        try {
            return ProtectedMessages.decodeToken(line.strip());
        } catch (IllegalArgumentException e) {
            throw refused("protected data line is not base64", e);
        }
    }

    private void unwrapInto(ChannelHandlerContext ctx, byte[] token, List<Object> out) throws DataAuthenticationException {
        SecurityContext.Unwrapped block;
        try {
            block = context.unwrap(token, 0, token.length);
        } catch (IOException e) {
            throw refused("protected data block failed its check: " + e.getMessage(), e);
        }
        if (confidential && !block.confidential()) {
            throw refused("PROT P data block was not encrypted", null);
        }
        if (block.plain().length > 0) {
            out.add(ctx.alloc().buffer(block.plain().length).writeBytes(block.plain()));
        }
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        decode(ctx, in, out);
        if (in.isReadable()) {
            int left = in.readableBytes();
            in.skipBytes(left);
            throw refused("data connection closed inside a protected block (" + left + " bytes of it)", null);
        }
    }

    private DataAuthenticationException refused(String why, Throwable cause) {
        failed = true;
        return new DataAuthenticationException(why, cause);
    }
}
