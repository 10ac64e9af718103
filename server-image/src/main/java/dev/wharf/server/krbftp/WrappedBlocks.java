package dev.wharf.server.krbftp;

import dev.wharf.server.data.DataAuthenticationException;
import dev.wharf.server.data.DataProtection;
import dev.wharf.server.gss.SecurityContext;
import dev.wharf.server.krb.KrbAcceptor;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageCodec;
import java.io.IOException;
import java.util.List;
import org.ietf.jgss.GSSException;

/**
 * RFC 2228 protected data blocks both ways: {@code length(4, big-endian) token}, each token one gss_wrap of a
 * piece of the stream. Outbound pieces are small enough that their token fits the agreed PBSZ; inbound
 * tokens may exceed it by the wrap overhead (curl wraps PBSZ bytes of plain data per block) but no more.
 * A token that fails to unwrap, a replayed one, a clear one under PROT P or a stream that ends inside a
 * block fails the transfer with a {@link DataAuthenticationException}: nothing unverified reaches a file.
 */
final class WrappedBlocks extends ByteToMessageCodec<ByteBuf> {

    /** Room above PBSZ for the wrap token's header, checksum and padding. */
    static final int TOKEN_OVERHEAD = 64 * 1024;
    /** Plain bytes per outbound block at most: keeps the copies through the heap small. */
    static final int MAX_PLAIN_BLOCK = 256 * 1024;

    private final KrbAcceptor context;
    private final boolean confidential;
    private final int maxInboundToken;
    private final int plainPerBlock;

    WrappedBlocks(KrbAcceptor context, boolean confidential, int pbsz) {
        this.context = context;
        this.confidential = confidential;
        this.maxInboundToken = pbsz + TOKEN_OVERHEAD;
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
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        while (in.readableBytes() >= 4) {
            int length = in.getInt(in.readerIndex());
            if (length < 0 || length > maxInboundToken) {
                throw new DataAuthenticationException("protected data block of " + length + " bytes (PBSZ allows "
                        + maxInboundToken + ")", null);
            }
            if (in.readableBytes() < 4 + length) {
                return;
            }
            in.skipBytes(4);
            byte[] token = new byte[length];
            in.readBytes(token);
            if (length == 0) {
                continue;
            }
            SecurityContext.Unwrapped block;
            try {
                block = context.unwrap(token, 0, length);
            } catch (IOException e) {
                throw new DataAuthenticationException("protected data block failed its check: " + e.getMessage(), e);
            }
            if (confidential && !block.confidential()) {
                throw new DataAuthenticationException("PROT P data block was not encrypted", null);
            }
            if (block.plain().length > 0) {
                out.add(ctx.alloc().buffer(block.plain().length).writeBytes(block.plain()));
            }
        }
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        decode(ctx, in, out);
        if (in.isReadable()) {
            int left = in.readableBytes();
            in.skipBytes(left);
            throw new DataAuthenticationException("data connection closed inside a protected block (" + left
                    + " bytes of it)", null);
        }
    }
}
