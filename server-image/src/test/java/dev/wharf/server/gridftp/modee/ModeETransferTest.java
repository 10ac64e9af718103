package dev.wharf.server.gridftp.modee;

import static dev.wharf.server.ftp.RawFtp.expect;
import static dev.wharf.server.gridftp.modee.ModeEClient.assemble;
import static dev.wharf.server.gridftp.modee.ModeEClient.block;
import static dev.wharf.server.gridftp.modee.ModeEClient.connect;
import static dev.wharf.server.gridftp.modee.ModeEClient.finalReply;
import static dev.wharf.server.gridftp.modee.ModeEClient.header;
import static dev.wharf.server.gridftp.modee.ModeEClient.pasvPort;
import static dev.wharf.server.gridftp.modee.ModeEClient.portArgument;
import static dev.wharf.server.gridftp.modee.ModeEClient.random;
import static dev.wharf.server.gridftp.modee.ModeEClient.readUntilEod;
import static dev.wharf.server.gridftp.modee.ModeEClient.sendShuffled;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.ftp.RawFtp;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MODE E over the FTP door's table with a hand-made client: blocks sent out of order over several
 * streams, parallel downloads to a PORT address, cached connections reused (125), REST ranges,
 * ERET/ESTO, and the refusals (block beyond ALLO, absurd header, too many streams) leaving no file.
 */
class ModeETransferTest {

    static final int MAX_STREAMS = 4;

    @TempDir
    Path dir;
    ModeEDoor door;
    Path root;
    final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeEach
    void start() throws Exception {
        door = ModeEDoor.start(dir, MAX_STREAMS);
        root = door.root();
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
        door.close();
    }

    private RawFtp modeE() throws IOException {
        return door.modeE();
    }

    private static void expectStart(String reply) {
        assertTrue(reply.startsWith("150") || reply.startsWith("125"), reply);
    }

    @Test
    void outOfOrderBlocksOverThreeStreamsLandInPlaceAndTheStreamsAreReused() throws Exception {
        byte[] content = random(3 * 1024 * 1024 + 999);
        try (RawFtp ftp = modeE()) {
            int port = pasvPort(ftp.command("PASV"));
            Socket early = connect(port); // before STOR: the server holds it until the transfer
            expect(200, ftp.command("ALLO " + content.length));
            expectStart(ftp.command("STOR /up.bin")); // 125 once the early stream has joined
            List<Socket> streams = List.of(early, connect(port), connect(port));
            sendShuffled(content, streams);
            expect(226, finalReply(ftp));
            assertArrayEquals(content, Files.readAllBytes(root.resolve("up.bin")));

            byte[] second = random(200_001);
            String reply = ftp.command("STOR /again.bin");
            assertTrue(reply.startsWith("125"), "cached connections: " + reply);
            sendShuffled(second, streams);
            expect(226, finalReply(ftp));
            assertArrayEquals(second, Files.readAllBytes(root.resolve("again.bin")));
            for (Socket s : streams) {
                s.close();
            }
        }
    }

    @Test
    void parallelDownloadToAPortAddressThenRestRangesAndEretOnTheSameStreams() throws Exception {
        byte[] content = random(5 * 1024 * 1024 + 77);
        Files.write(root.resolve("down.bin"), content);
        try (RawFtp ftp = modeE(); ServerSocket listener = new ServerSocket(0)) {
            expect(200, ftp.command("OPTS RETR Parallelism=3,3,3;"));
            expect(200, ftp.command("PORT " + portArgument(listener.getLocalPort())));
            expect(150, ftp.command("RETR /down.bin"));
            List<DataInputStream> streams = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Socket s = listener.accept();
                s.setSoTimeout(10_000);
                streams.add(new DataInputStream(s.getInputStream()));
            }
            List<ModeEClient.Stream> got = readAll(streams);
            expect(226, finalReply(ftp));
            assertEquals(1, got.stream().filter(s -> s.eofCount() >= 0).count(), "exactly one EOF");
            assertEquals(3, got.stream().filter(s -> s.eofCount() >= 0).findFirst().orElseThrow().eofCount());
            assertArrayEquals(content, assemble(got, content.length));

            expect(350, ftp.command("REST 0-1000000,2000000-" + content.length));
            expect(125, ftp.command("RETR /down.bin"));
            got = readAll(streams);
            expect(226, finalReply(ftp));
            long sent = got.stream().flatMap(s -> s.blocks().stream()).mapToLong(ModeEClient.Block::count).sum();
            assertEquals(1_000_000, sent, "only the missing range");
            assertTrue(got.stream().flatMap(s -> s.blocks().stream())
                    .allMatch(b -> b.offset() >= 1_000_000 && b.offset() + b.count() <= 2_000_000));
            byte[] partial = assemble(got, content.length);
            assertArrayEquals(java.util.Arrays.copyOfRange(content, 1_000_000, 2_000_000),
                    java.util.Arrays.copyOfRange(partial, 1_000_000, 2_000_000));

            expect(125, ftp.command("ERET P 100 5000 /down.bin"));
            got = readAll(streams);
            expect(226, finalReply(ftp));
            assertArrayEquals(java.util.Arrays.copyOfRange(content, 100, 5100), assemble(got, 5000),
                    "ERET offsets count from its start");
        }
    }

    private List<ModeEClient.Stream> readAll(List<DataInputStream> streams) throws Exception {
        List<Future<ModeEClient.Stream>> reads = new ArrayList<>();
        for (DataInputStream in : streams) {
            reads.add(threads.submit(() -> readUntilEod(in)));
        }
        List<ModeEClient.Stream> got = new ArrayList<>();
        for (Future<ModeEClient.Stream> f : reads) {
            got.add(f.get());
        }
        return got;
    }

    @Test
    void passiveDownloadUsesTheStreamsTheClientOpened() throws Exception {
        byte[] content = random(2 * 1024 * 1024 + 3);
        Files.write(root.resolve("pasv.bin"), content);
        try (RawFtp ftp = modeE()) {
            int port = pasvPort(ftp.command("PASV"));
            try (Socket s = connect(port)) {
                expectStart(ftp.command("RETR /pasv.bin"));
                ModeEClient.Stream got = readUntilEod(new DataInputStream(s.getInputStream()));
                expect(226, finalReply(ftp));
                assertEquals(1, got.eofCount());
                assertArrayEquals(content, assemble(List.of(got), content.length));
            }
        }
    }

    @Test
    void estoWritesAtItsOffsetInPlace() throws Exception {
        byte[] original = random(10_000);
        Files.write(root.resolve("patch.bin"), original);
        byte[] patch = "PATCHED".getBytes();
        try (RawFtp ftp = modeE()) {
            int port = pasvPort(ftp.command("PASV"));
            expect(150, ftp.command("ESTO A 5000 /patch.bin"));
            try (Socket s = connect(port)) {
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                header(out, 0, patch.length, 0);
                out.write(patch);
                header(out, 0x48, 0, 1);
                out.flush();
                expect(226, finalReply(ftp));
            }
        }
        System.arraycopy(patch, 0, original, 5000, patch.length);
        assertArrayEquals(original, Files.readAllBytes(root.resolve("patch.bin")));
    }

    @Test
    void aStreamModeUploadUsesUpItsAlloSoALaterModeEUploadIsNotCappedByIt() throws Exception {
        try (RawFtp ftp = modeE()) {
            expect(200, ftp.command("MODE S"));
            expect(200, ftp.command("ALLO 10"));
            int port = pasvPort(ftp.command("PASV"));
            expectStart(ftp.command("STOR /small.bin"));
            try (Socket s = connect(port)) {
                s.getOutputStream().write(new byte[10]);
            }
            expect(226, finalReply(ftp));

            expect(200, ftp.command("MODE E"));
            byte[] content = random(300_000);
            int modeEPort = pasvPort(ftp.command("PASV"));
            Socket stream = connect(modeEPort);
            expectStart(ftp.command("STOR /big.bin")); // no ALLO of its own: nothing may cap it
            sendShuffled(content, List.of(stream));
            expect(226, finalReply(ftp));
            assertArrayEquals(content, Files.readAllBytes(root.resolve("big.bin")));
            stream.close();
        }
    }

    @Test
    void aBlockBeyondTheAlloSizeIsRefusedAndNoFileStays() throws Exception {
        try (RawFtp ftp = modeE()) {
            int port = pasvPort(ftp.command("PASV"));
            expect(200, ftp.command("ALLO 1000"));
            expect(150, ftp.command("STOR /forged.bin"));
            try (Socket s = connect(port)) {
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                block(out, new byte[100], 0, 100);
                header(out, 0, 10, 5000); // forged offset far beyond the announced size
                out.write(new byte[10]);
                out.flush();
                String reply = finalReply(ftp);
                expect(552, reply);
                assertTrue(reply.contains("ALLO 1000"), reply);
            }
            assertNoUploadLeft("forged.bin");
            // the session goes on with new connections
            expect(227, ftp.command("PASV"));
        }
    }

    @Test
    void anAbsurdHeaderAbortsTheUpload() throws Exception {
        try (RawFtp ftp = modeE()) {
            int port = pasvPort(ftp.command("PASV"));
            expect(150, ftp.command("STOR /absurd.bin"));
            try (Socket s = connect(port)) {
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                header(out, 0, -1L, 0); // 2^64-1 bytes
                out.flush();
                String reply = finalReply(ftp);
                expect(426, reply);
                assertTrue(reply.contains("absurd"), reply);
            }
            assertNoUploadLeft("absurd.bin");
        }
    }

    @Test
    void moreStreamsThanAllowedAreRefused() throws Exception {
        try (RawFtp ftp = modeE()) {
            String refused = ftp.command("OPTS RETR Parallelism=5,5,5;");
            expect(501, refused);
            assertTrue(refused.contains("limits.streams-per-client"), refused);

            int port = pasvPort(ftp.command("PASV"));
            List<Socket> allowed = new ArrayList<>();
            for (int i = 0; i < MAX_STREAMS; i++) {
                allowed.add(connect(port));
            }
            try (Socket extra = connect(port)) {
                assertEquals(-1, extra.getInputStream().read(), "the stream over the limit is closed");
            }
            expectStart(ftp.command("STOR /many.bin"));
            DataOutputStream out = new DataOutputStream(allowed.get(0).getOutputStream());
            header(out, 0x48, 0, MAX_STREAMS + 1); // EOF announcing more streams than allowed
            out.flush();
            String reply = finalReply(ftp);
            expect(426, reply);
            assertTrue(reply.contains("streams"), reply);
            for (Socket s : allowed) {
                s.close();
            }
            assertNoUploadLeft("many.bin");
        }
    }

    @Test
    void aStreamClosedBeforeItsEodAbortsTheUpload() throws Exception {
        try (RawFtp ftp = modeE()) {
            int port = pasvPort(ftp.command("PASV"));
            expect(150, ftp.command("STOR /cut.bin"));
            try (Socket s = connect(port)) {
                block(new DataOutputStream(s.getOutputStream()), new byte[5000], 0, 5000);
            } // closed without EOD or EOF
            String reply = finalReply(ftp);
            expect(426, reply);
            assertNoUploadLeft("cut.bin");
        }
    }

    @Test
    void aStreamSentAndClosedBeforeStorIsStillRead() throws Exception {
        byte[] content = random(70_000);
        try (RawFtp ftp = modeE()) {
            int port = pasvPort(ftp.command("PASV"));
            try (Socket s = connect(port)) {
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                block(out, content, 0, content.length);
                header(out, 0x4c, 0, 1); // EOF|EOD|CLOSE
                out.flush();
            }
            Thread.sleep(200); // the server has seen the close before STOR
            expectStart(ftp.command("STOR /early.bin"));
            expect(226, finalReply(ftp));
        }
        assertArrayEquals(content, Files.readAllBytes(root.resolve("early.bin")));
    }

    @Test
    void storToAPortAddressTheServerOpensTheStreams() throws Exception {
        byte[] content = random(500_000);
        try (RawFtp ftp = modeE(); ServerSocket listener = new ServerSocket(0)) {
            expect(200, ftp.command("OPTS RETR Parallelism=2,2,2;"));
            expect(200, ftp.command("PORT " + portArgument(listener.getLocalPort())));
            expect(150, ftp.command("STOR /active.bin"));
            List<Socket> streams = List.of(listener.accept(), listener.accept());
            sendShuffled(content, streams);
            expect(226, finalReply(ftp));
            for (Socket s : streams) {
                s.close();
            }
        }
        assertArrayEquals(content, Files.readAllBytes(root.resolve("active.bin")));
    }

    @Test
    void aborDuringAParallelUpload() throws Exception {
        try (RawFtp ftp = modeE()) {
            int port = pasvPort(ftp.command("PASV"));
            expect(150, ftp.command("STOR /aborted.bin"));
            try (Socket s = connect(port); Socket t = connect(port)) {
                block(new DataOutputStream(s.getOutputStream()), new byte[5000], 0, 5000);
                ftp.send("ABOR");
                expect(426, finalReply(ftp)); // after any 112 marker
                expect(226, ftp.reply());
            }
            assertNoUploadLeft("aborted.bin");
        }
    }

    @Test
    void modeSStillWorksAfterModeE() throws Exception {
        byte[] content = random(100_000);
        Files.write(root.resolve("s.bin"), content);
        try (RawFtp ftp = modeE()) {
            int port = pasvPort(ftp.command("PASV"));
            try (Socket stream = connect(port)) { // a listing in MODE E comes in blocks (globus-url-copy -fast -r)
                expectStart(ftp.command("MLSD /"));
                ModeEClient.Stream listing = readUntilEod(new DataInputStream(stream.getInputStream()));
                expect(226, finalReply(ftp));
                assertEquals(1, listing.eofCount());
                String text = new String(assemble(List.of(listing), (int) listing.blocks().stream()
                        .mapToLong(b -> b.offset() + b.count()).max().orElse(0)), java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(text.contains("Type=file;Size=100000;") && text.contains(" s.bin\r\n"), text);
            }
            expect(200, ftp.command("MODE S"));
            try (Socket data = ftp.passive()) {
                expect(150, ftp.command("RETR /s.bin"));
                assertArrayEquals(content, data.getInputStream().readAllBytes());
            }
            expect(226, ftp.reply());
        }
    }

    @Test
    void aStreamModeEstoAfterAnAlloOfTheWholeFileKeepsItsRange() throws Exception {
        byte[] original = random(10_000);
        Files.write(root.resolve("range.bin"), original);
        byte[] patch = "PATCHED".getBytes();
        try (RawFtp ftp = modeE()) {
            expect(200, ftp.command("MODE S"));
            expect(200, ftp.command("TYPE I"));
            ftp.command("ALLO 10000"); // globus-url-copy names the whole file; a partial store is not short
            try (Socket s = ftp.passive()) {
                expect(150, ftp.command("ESTO A 5000 /range.bin"));
                s.getOutputStream().write(patch);
                s.shutdownOutput();
                expect(226, ftp.reply());
            }
        }
        byte[] expected = java.util.Arrays.copyOf(original, 5000 + patch.length); // in stream mode, like REST + STOR, the file ends with the data
        System.arraycopy(patch, 0, expected, 5000, patch.length);
        assertArrayEquals(expected, Files.readAllBytes(root.resolve("range.bin")));
    }

    @Test
    void markersDuringASlowUploadAndAFinalRangeMarker() throws Exception {
        byte[] content = random(3000);
        try (RawFtp ftp = modeE()) {
            expect(200, ftp.command("OPTS RETR markers=1;"));
            int port = pasvPort(ftp.command("PASV"));
            expect(150, ftp.command("STOR /slow.bin"));
            try (Socket s = connect(port)) {
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                block(out, content, 0, 1000);
                out.flush();
                List<String> replies = new ArrayList<>();
                String reply;
                long until = System.nanoTime() + 5_000_000_000L;
                do { // markers come while the client pauses
                    reply = ftp.reply();
                    replies.add(reply);
                } while (!reply.startsWith("111") && System.nanoTime() < until);
                assertTrue(replies.stream().anyMatch(r -> r.startsWith("112-Perf Marker")
                        && r.contains("Stripe Bytes Transferred: 1000") && r.endsWith("112 End.")), replies.toString());
                assertEquals("111 Range Marker 0-1000", reply);
                block(out, content, 1000, 2000);
                header(out, 0x48, 0, 1);
                out.flush();
                do {
                    reply = ftp.reply();
                } while (reply.startsWith("112"));
                assertEquals("111 Range Marker 0-3000", reply, "the last range marker precedes 226");
                expect(226, ftp.reply());
            }
        }
        assertArrayEquals(content, Files.readAllBytes(root.resolve("slow.bin")));
    }

    @Test
    void restRangesMakeStorWriteOnlyTheMissingPartInPlace() throws Exception {
        byte[] content = random(300_000);
        byte[] half = java.util.Arrays.copyOf(content, 100_000);
        Files.write(root.resolve("resume.bin"), half);
        try (RawFtp ftp = modeE()) {
            int port = pasvPort(ftp.command("PASV"));
            expect(350, ftp.command("REST 0-100000"));
            expect(150, ftp.command("STOR /resume.bin"));
            try (Socket s = connect(port)) {
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                block(out, content, 200_000, 100_000);
                block(out, content, 100_000, 100_000);
                header(out, 0x48, 0, 1);
                out.flush();
                expect(226, finalReply(ftp));
            }
        }
        assertArrayEquals(content, Files.readAllBytes(root.resolve("resume.bin")));
    }

    @Test
    void spasAndSporCarryModeETransfers() throws Exception {
        byte[] content = random(1_000_000);
        try (RawFtp ftp = modeE(); ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
            String spas = ftp.command("SPAS");
            assertTrue(spas.startsWith("229-Entering Striped Passive Mode\n ") && spas.endsWith("\n229 End"), spas);
            String[] hostPort = spas.split("\n")[1].strip().split(",");
            int port = Integer.parseInt(hostPort[4]) * 256 + Integer.parseInt(hostPort[5]);
            List<Socket> streams = List.of(connect(port), connect(port));
            expectStart(ftp.command("STOR /striped.bin"));
            sendShuffled(content, streams);
            expect(226, finalReply(ftp));
            assertArrayEquals(content, Files.readAllBytes(root.resolve("striped.bin")));

            expect(200, ftp.command("OPTS RETR Parallelism=2,2,2;"));
            expect(200, ftp.command("SPOR " + portArgument(a.getLocalPort()) + " " + portArgument(b.getLocalPort())));
            expect(150, ftp.command("RETR /striped.bin"));
            List<DataInputStream> ins = new ArrayList<>();
            for (ServerSocket listener : List.of(a, b)) { // one stream to each SPOR address
                Socket s = listener.accept();
                s.setSoTimeout(10_000);
                ins.add(new DataInputStream(s.getInputStream()));
            }
            List<ModeEClient.Stream> got = readAll(ins);
            expect(226, finalReply(ftp));
            assertArrayEquals(content, assemble(got, content.length));
            for (Socket s : streams) {
                s.close();
            }
        }
    }

    private void assertNoUploadLeft(String name) throws IOException {
        assertFalse(Files.exists(root.resolve(name)), name + " was kept");
        try (Stream<Path> left = Files.list(root)) {
            assertEquals(List.of(), left.filter(p -> !p.getFileName().toString().endsWith(".bin")).toList(),
                    "a temporary was left behind");
        }
    }
}
