package dev.wharf.server.gridftp.modee;

import static dev.wharf.server.ftp.RawFtp.expect;
import static dev.wharf.server.gridftp.modee.ModeEClient.block;
import static dev.wharf.server.gridftp.modee.ModeEClient.connect;
import static dev.wharf.server.gridftp.modee.ModeEClient.finalReply;
import static dev.wharf.server.gridftp.modee.ModeEClient.pasvPort;
import static dev.wharf.server.gridftp.modee.ModeEClient.random;
import static dev.wharf.server.gridftp.modee.ModeEClient.sendShuffled;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.ftp.RawFtp;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * APPE and STOU in MODE E, which were refused with 504 while MODE E was a set of command wrappers:
 * blocks out of order over parallel streams, APPE's offsets counting from the file's old end, STOU's
 * name in its 150/125, the kept streams carrying the next one (125), and an append whose stream breaks
 * leaving the file as it was. (globus-url-copy has no append and never sends STOU, so the hand-made
 * MODE E client plays the GridFTP client here.)
 */
class ModeEAppeStouTest extends ModeEDoorTest {

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void appeWritesBlocksAfterTheOldEndAndTheNextAppeReusesTheStreams() throws Exception {
        Path log = door.root().resolve("log.bin");
        byte[] old = random(10_001);
        Files.write(log, old);
        byte[] more = random(700_003);
        byte[] again = random(5_000);
        try (RawFtp ftp = door.modeE()) {
            int port = pasvPort(ftp.command("PASV"));
            List<Socket> streams = List.of(connect(port), connect(port));
            expect(200, ftp.command("ALLO " + more.length)); // what is appended, as for a stream-mode APPE
            String start = ftp.command("APPE /log.bin");
            assertTrue(start.startsWith("150") || start.startsWith("125"), start);
            sendShuffled(more, streams);
            expect(226, finalReply(ftp));
            assertArrayEquals(concat(old, more), Files.readAllBytes(log));

            String reply = ftp.command("APPE /log.bin");
            assertTrue(reply.startsWith("125"), "kept streams: " + reply);
            sendShuffled(again, streams);
            expect(226, finalReply(ftp));
            assertArrayEquals(concat(old, more, again), Files.readAllBytes(log));
            for (Socket s : streams) {
                s.close();
            }
        }
    }

    @Test
    void stouNamesItsNewFileInThePreliminaryReply() throws Exception {
        byte[] taken = random(100);
        Files.write(door.root().resolve("data.bin"), taken);
        byte[] content = random(300_007);
        byte[] second = random(1_000);
        try (RawFtp ftp = door.modeE()) {
            int port = pasvPort(ftp.command("PASV"));
            List<Socket> streams = List.of(connect(port), connect(port), connect(port));
            String start = ftp.command("STOU /data.bin");
            assertTrue(start.matches("1(50|25) FILE: data\\.bin\\.\\d+"), start);
            String name = start.substring(start.indexOf("FILE: ") + 6).strip();
            sendShuffled(content, streams);
            expect(226, finalReply(ftp));
            assertArrayEquals(content, Files.readAllBytes(door.root().resolve(name)));
            assertArrayEquals(taken, Files.readAllBytes(door.root().resolve("data.bin")), "STOU never replaces");

            String next = ftp.command("STOU /data.bin");
            assertTrue(next.matches("125 FILE: data\\.bin\\.\\d+"), "kept streams: " + next);
            String secondName = next.substring(next.indexOf("FILE: ") + 6).strip();
            assertNotEquals(name, secondName);
            sendShuffled(second, streams);
            expect(226, finalReply(ftp));
            assertArrayEquals(second, Files.readAllBytes(door.root().resolve(secondName)));
            for (Socket s : streams) {
                s.close();
            }
        }
    }

    @Test
    void anAppendWhoseStreamBreaksLeavesTheFileAsItWas() throws Exception {
        Path log = door.root().resolve("kept.bin");
        byte[] old = random(20_000);
        Files.write(log, old);
        try (RawFtp ftp = door.modeE()) {
            int port = pasvPort(ftp.command("PASV"));
            expect(150, ftp.command("APPE /kept.bin"));
            try (Socket s = connect(port)) {
                block(new DataOutputStream(s.getOutputStream()), new byte[5000], 0, 5000);
            } // closed without EOD or EOF
            expect(426, finalReply(ftp));
        }
        assertArrayEquals(old, Files.readAllBytes(log));
    }

    @Test
    void inModeEBothNeedTypeIAndADataConnection() throws Exception {
        try (RawFtp ftp = door.modeE()) {
            expect(425, ftp.command("APPE /x.bin"));
            expect(425, ftp.command("STOU"));
            expect(200, ftp.command("TYPE A"));
            pasvPort(ftp.command("PASV"));
            expect(504, ftp.command("APPE /x.bin"));
            expect(504, ftp.command("STOU"));
        }
        assertTrue(Files.notExists(door.root().resolve("x.bin")));
    }
}
