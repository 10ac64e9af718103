package dev.wharf.server.ftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transfers that go wrong: ABOR, a vanishing client, a full disk, overwrite off, port stealing. */
class TransferFailureTest {

    @TempDir Path tmp;

    static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(condition.getAsBoolean());
    }

    @Test
    void aborMidDownloadAnswers426Then226() throws Exception {
        try (FtpTestServer server = FtpTestServer.start(tmp, Map.of()); RawFtp raw = new RawFtp(server.port())) {
            try (RandomAccessFile big = new RandomAccessFile(server.root().resolve("big").toFile(), "rw")) {
                big.setLength(1L << 30); // sparse: the client reads a little, so the sender stalls
            }
            raw.login();
            RawFtp.expect(200, raw.command("TYPE I"));
            try (Socket data = raw.passive()) {
                raw.send("RETR big");
                RawFtp.expect(150, raw.reply());
                data.getInputStream().readNBytes(100_000);
                RawFtp.expect(211, raw.command("STAT"));
                raw.sendRaw(new byte[] {(byte) 0xff, (byte) 0xf4, (byte) 0xff, (byte) 0xf2});
                raw.send("ABOR");
                RawFtp.expect(426, raw.reply());
                RawFtp.expect(226, raw.reply());
            }
            RawFtp.expect(257, raw.command("PWD"));
            waitFor(() -> server.metrics().get("transfer:ftp:OUT:aborted") == 1);
        }
    }

    @Test
    void aborWithoutTransferAnswers226() throws Exception {
        try (FtpTestServer server = FtpTestServer.start(tmp, Map.of()); RawFtp raw = new RawFtp(server.port())) {
            raw.login();
            RawFtp.expect(227, raw.command("PASV"));
            RawFtp.expect(226, raw.command("ABOR"));
            RawFtp.expect(425, raw.command("RETR x"));
        }
    }

    @Test
    void aClientVanishingMidUploadLeavesTheOldFile() throws Exception {
        try (FtpTestServer server = FtpTestServer.start(tmp, Map.of())) {
            Files.writeString(server.root().resolve("target.bin"), "old content");
            RawFtp raw = new RawFtp(server.port());
            raw.login();
            RawFtp.expect(200, raw.command("TYPE I"));
            Socket data = raw.passive();
            raw.send("STOR target.bin");
            RawFtp.expect(150, raw.reply());
            OutputStream out = data.getOutputStream();
            out.write(new byte[1 << 20]);
            out.flush();
            // kill -9 of the client: both connections reset at once
            data.setSoLinger(true, 0);
            raw.socket().setSoLinger(true, 0);
            data.close();
            raw.close();
            waitFor(() -> server.metrics().get("transfer:ftp:IN:aborted") + server.metrics().get("transfer:ftp:IN:failed") == 1);
            assertEquals("old content", Files.readString(server.root().resolve("target.bin")));
            assertEquals(List.of("target.bin"), names(server.root()));
            FtpLimitsTest.stillServes(server);
        }
    }

    @Test
    void aClientClosingDataThenControlCommitsNothingTruncated() throws Exception {
        try (FtpTestServer server = FtpTestServer.start(tmp, Map.of())) {
            RawFtp raw = new RawFtp(server.port());
            raw.login();
            Socket data = raw.passive();
            raw.send("STOR new.bin");
            RawFtp.expect(150, raw.reply());
            data.getOutputStream().write(new byte[100_000]);
            raw.socket().setSoLinger(true, 0);
            raw.close(); // the control connection dies first, then the data connection ends
            Thread.sleep(100);
            data.close();
            waitFor(() -> server.metrics().get("transfer:ftp:IN:aborted") + server.metrics().get("transfer:ftp:IN:failed") == 1);
            assertEquals(List.of(), names(server.root()));
        }
    }

    @Test
    void diskFullAnswers452AndTheSessionCarriesOn() throws Exception {
        try (FtpTestServer server = FtpTestServer.startWithDiskCapacity(tmp, 64 * 1024); RawFtp raw = new RawFtp(server.port())) {
            Files.writeString(server.root().resolve("keep.bin"), "keep");
            raw.login();
            RawFtp.expect(200, raw.command("TYPE I"));
            try (Socket data = raw.passive()) {
                raw.send("STOR keep.bin");
                RawFtp.expect(150, raw.reply());
                try {
                    data.getOutputStream().write(new byte[1 << 20]);
                } catch (java.io.IOException expected) {
                    // the server closed the data connection when the disk filled up
                }
            }
            RawFtp.expect(452, raw.reply());
            assertEquals("keep", Files.readString(server.root().resolve("keep.bin")));
            assertEquals(List.of("keep.bin"), names(server.root()));
            try (Socket data = raw.passive()) {
                raw.send("STOR small.bin");
                RawFtp.expect(150, raw.reply());
                data.getOutputStream().write(new byte[1000]);
            }
            RawFtp.expect(226, raw.reply());
            assertEquals(1000, Files.size(server.root().resolve("small.bin")));
        }
    }

    @Test
    void overwriteOffRefusesExistingTargets() throws Exception {
        try (FtpTestServer server = FtpTestServer.start(tmp, Map.of("transfer.overwrite", "false"));
             RawFtp raw = new RawFtp(server.port())) {
            Files.writeString(server.root().resolve("a"), "A");
            Files.writeString(server.root().resolve("b"), "B");
            raw.login();
            RawFtp.expect(227, raw.command("PASV"));
            RawFtp.expect(553, raw.command("STOR a"));
            RawFtp.expect(553, raw.command("APPE a"));
            RawFtp.expect(350, raw.command("RNFR a"));
            RawFtp.expect(553, raw.command("RNTO b"));
            try (Socket data = raw.passive()) {
                raw.send("STOR c");
                RawFtp.expect(150, raw.reply());
                data.getOutputStream().write("C".getBytes());
            }
            RawFtp.expect(226, raw.reply());
            assertEquals("A", Files.readString(server.root().resolve("a")));
            assertEquals("C", Files.readString(server.root().resolve("c")));
        }
    }

    @Test
    void passiveConnectionsFromAnotherAddressAreRefused() throws Exception {
        try (FtpTestServer server = FtpTestServer.start(tmp, Map.of()); RawFtp raw = new RawFtp(server.port())) {
            Files.writeString(server.root().resolve("f"), "data");
            raw.login();
            String pasv = raw.command("PASV");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+),(\\d+)\\)").matcher(pasv);
            assertTrue(m.find());
            int port = Integer.parseInt(m.group(1)) * 256 + Integer.parseInt(m.group(2));
            try (Socket thief = new Socket()) {
                thief.bind(new InetSocketAddress("127.0.0.2", 0));
                thief.connect(new InetSocketAddress("127.0.0.1", port));
                thief.setSoTimeout(5000);
                assertEquals(-1, thief.getInputStream().read(), "the thief is disconnected");
            }
            try (Socket data = new Socket("127.0.0.1", port)) {
                raw.send("RETR f");
                RawFtp.expect(150, raw.reply());
                assertEquals("data", new String(data.getInputStream().readAllBytes()));
            }
            RawFtp.expect(226, raw.reply());
        }
    }

    @Test
    void epsvIsRefusedWhenTheDataInterfaceDiffers() throws Exception {
        try (FtpTestServer server = FtpTestServer.start(tmp, Map.of("data.interface", "127.0.0.2"));
             RawFtp raw = new RawFtp(server.port())) {
            Files.writeString(server.root().resolve("f"), "data");
            raw.login();
            RawFtp.expect(522, raw.command("EPSV"));
            try (Socket data = raw.passive()) {
                assertEquals("127.0.0.2", data.getInetAddress().getHostAddress(), "PASV advertises data.interface");
                raw.send("RETR f");
                RawFtp.expect(150, raw.reply());
                assertEquals("data", new String(data.getInputStream().readAllBytes()));
            }
            RawFtp.expect(226, raw.reply());
            assertFalse(server.door().settings().dataInterface().equals(server.door().settings().controlInterface()));
        }
    }
}
