package dev.wharf.server.krbftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.data.DataAuthenticationException;
import dev.wharf.server.krb.KrbAcceptor;
import dev.wharf.server.krb.KrbInitiator;
import dev.wharf.server.krb.KrbService;
import dev.wharf.server.krb.KrbSettings;
import dev.wharf.server.krb.TestKdc;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * PROT S/P data blocks ({@link WrappedBlocks}) on an EmbeddedChannel, with a real Kerberos context pair: the
 * server's acceptor (keytab from a real MIT KDC) and the JDK's initiator for alice. What must fail the transfer:
 * a changed block, a replayed one, an integrity-only block under PROT P, a length beyond PBSZ, a stream ending
 * inside a block. What a sending channel ends with: the wrap of no bytes, which RFC 2228 clients read as the end of
 * the file.
 */
@Tag("interop")
class WrappedBlocksInteropTest {

    static final int PBSZ = 65536;

    @TempDir
    static Path dir;
    @RegisterExtension
    @Order(1)
    static final TestKdc kdc = new TestKdc(() -> dir);

    KrbAcceptor server;
    KrbInitiator alice;

    @BeforeEach
    void context() throws Exception {
        KrbService service = KrbService.start(new KrbSettings(kdc.keytab(), Optional.of(TestKdc.FTP_PRINCIPAL),
                Optional.empty(), Optional.of(kdc.krb5Conf())));
        Path cache = dir.resolve("alice-" + System.nanoTime() + ".cc");
        kdc.kinit(TestKdc.ALICE, TestKdc.ALICE_PASSWORD, cache);
        server = service.newAcceptor(TestKdc.FTP_PRINCIPAL);
        alice = KrbInitiator.of(TestKdc.ALICE + "@" + TestKdc.REALM, cache, "ftp");
        byte[] token = alice.initToken(new byte[0]);
        while (!server.isEstablished() || !alice.isEstablished()) {
            byte[] back = server.accept(token);
            if (!alice.isEstablished()) {
                token = alice.initToken(back);
            }
        }
    }

    static ByteBuf block(byte[] token) {
        return Unpooled.buffer().writeInt(token.length).writeBytes(token);
    }

    static void assertRefused(EmbeddedChannel ch, ByteBuf input, String why) {
        Exception e = assertThrows(Exception.class, () -> ch.writeInbound(input));
        Throwable found = DataAuthenticationException.find(e);
        assertTrue(found != null && found.getMessage().contains(why), String.valueOf(e));
    }

    @Test
    void blocksRoundTripBothWaysWithinPbsz() throws Exception {
        EmbeddedChannel ch = new EmbeddedChannel(new WrappedBlocks(server, true, PBSZ));
        byte[] up = new byte[100_000];
        ThreadLocalRandom.current().nextBytes(up);
        ch.writeInbound(block(alice.wrap(up)));
        ByteBuf in = ch.readInbound();
        byte[] got = new byte[in.readableBytes()];
        in.readBytes(got).release();
        assertArrayEquals(up, got);

        byte[] down = new byte[300_000];
        ThreadLocalRandom.current().nextBytes(down);
        ch.writeOutbound(Unpooled.wrappedBuffer(down));
        ByteBuf wire = Unpooled.buffer();
        for (ByteBuf b; (b = ch.readOutbound()) != null; ) {
            wire.writeBytes(b);
            b.release();
        }
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        while (wire.isReadable()) {
            int n = wire.readInt();
            assertTrue(n <= PBSZ, "a block of " + n + " bytes beyond PBSZ " + PBSZ);
            byte[] token = new byte[n];
            wire.readBytes(token);
            plain.write(alice.unwrap(token));
        }
        assertArrayEquals(down, plain.toByteArray());
    }

    /** The plain contents of every block {@code ch} sent, in order. */
    List<byte[]> sentBlocks(EmbeddedChannel ch) throws Exception {
        ByteBuf wire = Unpooled.buffer();
        for (ByteBuf b; (b = ch.readOutbound()) != null; ) {
            wire.writeBytes(b);
            b.release();
        }
        List<byte[]> blocks = new ArrayList<>();
        while (wire.isReadable()) {
            byte[] token = new byte[wire.readInt()];
            wire.readBytes(token);
            blocks.add(alice.unwrap(token));
        }
        return blocks;
    }

    @Test
    void aDownloadEndsWithTheWrapOfNothingBeforeTheClose() throws Exception {
        EmbeddedChannel ch = new EmbeddedChannel(new WrappedBlocks(server, true, PBSZ));
        ch.writeOutbound(Unpooled.wrappedBuffer("the last bytes".getBytes()));
        ch.close().sync();
        List<byte[]> blocks = sentBlocks(ch);
        assertEquals(2, blocks.size(), "the data, then the end");
        assertArrayEquals("the last bytes".getBytes(), blocks.get(0));
        assertEquals(0, blocks.get(1).length, "the end of file marker unwraps to nothing");
        ch.close().sync();
        assertNull(ch.readOutbound(), "one marker, however often the channel is closed");
    }

    @Test
    void anEmptyDownloadIsTheMarkerAlone() throws Exception {
        EmbeddedChannel ch = new EmbeddedChannel(new WrappedBlocks(server, false, PBSZ));
        ch.close().sync();
        List<byte[]> blocks = sentBlocks(ch);
        assertEquals(1, blocks.size());
        assertEquals(0, blocks.get(0).length);
    }

    @Test
    void anUploadChannelClosesWithoutAMarker() throws Exception {
        EmbeddedChannel ch = new EmbeddedChannel(new WrappedBlocks(server, true, PBSZ));
        ch.writeInbound(block(alice.wrap("uploaded".getBytes())));
        ((ByteBuf) ch.readInbound()).release();
        ch.close().sync();
        assertNull(ch.readOutbound(), "the client ends an upload, not the server");
    }

    /** An upload piece as curl 7.56.1-7.87 sends it: a command line on the data channel. */
    static ByteBuf curlLine(String verb, byte[] token) {
        return Unpooled.copiedBuffer(verb + " " + java.util.Base64.getEncoder().encodeToString(token) + "\r\n",
                java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Test
    void curlsEncLinesAreCheckedAndUnwrappedEvenInPieces() throws Exception {
        EmbeddedChannel ch = new EmbeddedChannel(new WrappedBlocks(server, true, PBSZ));
        byte[] up = new byte[50_000];
        ThreadLocalRandom.current().nextBytes(up);
        ByteBuf line = curlLine("ENC", alice.wrap(up));
        ch.writeInbound(line.readRetainedSlice(line.readableBytes() / 2));
        assertNull(ch.readInbound(), "half a line: nothing yet");
        ch.writeInbound(line);
        ByteBuf in = ch.readInbound();
        byte[] got = new byte[in.readableBytes()];
        in.readBytes(got).release();
        assertArrayEquals(up, got);
    }

    @Test
    void aMicLineUnderProtPFailsTheTransfer() throws Exception {
        assertRefused(new EmbeddedChannel(new WrappedBlocks(server, true, PBSZ)),
                curlLine("MIC", alice.wrap("x".getBytes(), false)), "was not encrypted");
    }

    @Test
    void aChangedEncLineFailsTheTransfer() throws Exception {
        byte[] token = alice.wrap("payload".getBytes());
        token[token.length - 3] ^= 1;
        assertRefused(new EmbeddedChannel(new WrappedBlocks(server, true, PBSZ)), curlLine("ENC", token),
                "failed its check");
    }

    @Test
    void anEncLineWithoutItsEndWithinPbszFailsTheTransfer() {
        ByteBuf endless = Unpooled.buffer().writeBytes("ENC ".getBytes());
        endless.writeBytes("A".repeat(PBSZ * 4).getBytes()); // the base64 of a token beyond PBSZ and its overhead
        assertRefused(new EmbeddedChannel(new WrappedBlocks(server, true, PBSZ)), endless, "longer than PBSZ allows");
    }

    @Test
    void aChangedBlockFailsTheTransfer() throws Exception {
        byte[] token = alice.wrap("payload".getBytes());
        token[token.length - 3] ^= 1;
        assertRefused(new EmbeddedChannel(new WrappedBlocks(server, true, PBSZ)), block(token), "failed its check");
    }

    @Test
    void aReplayedBlockFailsTheTransfer() throws Exception {
        EmbeddedChannel ch = new EmbeddedChannel(new WrappedBlocks(server, true, PBSZ));
        byte[] token = alice.wrap("once".getBytes());
        ch.writeInbound(block(token));
        ((ByteBuf) ch.readInbound()).release();
        assertRefused(ch, block(token), "failed its check");
    }

    @Test
    void anIntegrityOnlyBlockUnderProtPFailsTheTransfer() throws Exception {
        assertRefused(new EmbeddedChannel(new WrappedBlocks(server, true, PBSZ)), block(alice.wrap("x".getBytes(), false)),
                "was not encrypted");
    }

    @Test
    void aLengthBeyondPbszFailsBeforeAnythingIsBuffered() {
        assertRefused(new EmbeddedChannel(new WrappedBlocks(server, false, PBSZ)),
                Unpooled.buffer().writeInt(PBSZ + WrappedBlocks.TOKEN_OVERHEAD + 1), "PBSZ allows");
    }

    @Test
    void aStreamEndingInsideABlockFailsTheTransfer() throws Exception {
        EmbeddedChannel ch = new EmbeddedChannel(new WrappedBlocks(server, false, PBSZ));
        byte[] token = alice.wrap("cut short".getBytes(), false);
        ch.writeInbound(block(token).writerIndex(4 + token.length / 2));
        Exception e = assertThrows(Exception.class, ch::finish);
        assertTrue(DataAuthenticationException.find(e) != null && e.toString().contains("inside a protected block"),
                String.valueOf(e));
    }
}
