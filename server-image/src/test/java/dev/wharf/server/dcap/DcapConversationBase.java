package dev.wharf.server.dcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.ServerContext;
import dev.wharf.server.TestContexts;
import dev.wharf.server.acl.SlashGridAccessPolicy;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.metrics.ServerMetrics;
import dev.wharf.server.data.PortAllocator;
import dev.wharf.config.PortRange;
import dev.wharf.server.fs.FileChannelOpener;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A raw dCap client against the door in process (client-connects mode), as libdcap speaks it: the
 * control conversation line by line and the binary data channel block by block. Test classes extend
 * it for the door, the hello and the helpers.
 */
abstract class DcapConversationBase {

    @TempDir
    Path root;
    ServerContext context;
    DcapDoor door;
    Socket control;
    BufferedReader in;
    OutputStream out;
    PortRange range;

    /** What the door reports to; a test class may record it. */
    ServerMetrics metrics() {
        return ServerMetrics.NONE;
    }

    /** How the door opens files; a test class may give it a disk that fills up. */
    FileChannelOpener opener() {
        return FileChannelOpener.DEFAULT;
    }

    /** The door's settings; a test class may change them. */
    DcapSettings settings(DcapSettings defaults) {
        return defaults;
    }

    @BeforeEach
    void start() throws Exception {
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxrwxrwx"));
        // the production policy: no .grid-acl files, so the "other" bits decide
        context = TestContexts.builder().access(SlashGridAccessPolicy.fromConfig(ConfigFile.empty(), ServerMetrics.NONE))
                .metrics(metrics()).build();
        int first = 30000 + ThreadLocalRandom.current().nextInt(100) * 100;
        range = new PortRange(first, first + 99);
        DcapSettings settings = settings(DcapSettings.from(ConfigFile.empty()).withPort(0).withRoot(root).withPortRange(range));
        door = new DcapDoor(context, settings, new PortAllocator(range), null, opener());
        door.start();
        control = new Socket(InetAddress.getLoopbackAddress(), door.localAddress().getPort());
        control.setSoTimeout(10_000);
        in = new BufferedReader(new InputStreamReader(control.getInputStream(), StandardCharsets.US_ASCII));
        out = control.getOutputStream();
        assertEquals("0 0 server welcome 2 47", ask("0 0 client hello 0 0 2 47 14 \"\" -uid=1000 -pid=1 -gid=1000"));
    }

    @AfterEach
    void stop() throws Exception {
        control.close();
        door.close();
        TestContexts.close(context);
    }

    void send(String line) throws Exception {
        out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    String ask(String line) throws Exception {
        send(line);
        return in.readLine();
    }

    Path publicFile(String name, byte[] content) throws Exception {
        Path f = root.resolve(name);
        Files.write(f, content);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        return f;
    }

    /** Sends the open, reads the connect reply and connects with the challenge. */
    Socket openPassive(long session, String path, String mode) throws Exception {
        String reply = ask(session + " 0 client open \"dcap://door" + path + "\" " + mode + " -passive -timeout=5");
        String[] t = reply.split(" ");
        assertEquals("connect", t[3], reply);
        int port = Integer.parseInt(t[5]);
        assertTrue(port >= range.first() && port <= range.last(), "data port " + port + " in " + range);
        Socket data = new Socket(InetAddress.getLoopbackAddress(), port);
        data.setSoTimeout(10_000);
        DataOutputStream d = new DataOutputStream(data.getOutputStream());
        byte[] challenge = t[6].getBytes(StandardCharsets.US_ASCII);
        d.writeInt((int) session);
        d.writeInt(challenge.length);
        d.write(challenge);
        d.flush();
        return data;
    }

    /**
     * Uploads {@code blocks} to {@code path}, one WRITE each, then sends CLOSE with {@code adler} as the
     * client's ADLER32 (libdcap's form) and reads its ACK; the control line's verdict is the caller's to read.
     */
    void uploadClosedWithAdler32(long session, String path, int adler, byte[]... blocks) throws Exception {
        try (Socket data = openPassive(session, path, "w -mode=0644 -truncate")) {
            DataOutputStream o = new DataOutputStream(data.getOutputStream());
            DataInputStream i = new DataInputStream(data.getInputStream());
            for (byte[] block : blocks) {
                write(o, i, block);
            }
            o.writeInt(20); o.writeInt(DataRequest.CLOSE); o.writeInt(12); o.writeInt(1); o.writeInt(1); o.writeInt(adler);
            expectStatus(i, DataRequest.ACK, DataRequest.CLOSE);
        }
    }

    /** A WRITE at the current offset that must succeed: {@link #sendWrite} and a FIN without error. */
    static void write(DataOutputStream o, DataInputStream i, byte[]... blocks) throws Exception {
        sendWrite(o, i, blocks);
        expectStatus(i, DataRequest.FIN, DataRequest.WRITE);
    }

    /**
     * A WRITE at the current offset: the request, its ACK, then {@link #sendData}. The FIN is the caller's
     * to read, because a failing write reports its error there.
     */
    static void sendWrite(DataOutputStream o, DataInputStream i, byte[]... blocks) throws Exception {
        o.writeInt(4); o.writeInt(DataRequest.WRITE);
        expectStatus(i, DataRequest.ACK, DataRequest.WRITE);
        sendData(o, blocks);
    }

    /** The DATA header, each block with its length, and the end marker. */
    static void sendData(DataOutputStream o, byte[]... blocks) throws Exception {
        o.writeInt(4); o.writeInt(DataRequest.DATA);
        for (byte[] block : blocks) {
            o.writeInt(block.length); o.write(block);
        }
        o.writeInt(-1);
    }

    static void expectStatus(DataInputStream in, int kind, int command) throws Exception {
        int length = in.readInt();
        assertEquals(kind, in.readInt());
        assertEquals(command, in.readInt());
        int rc = in.readInt();
        if (rc != 0) {
            byte[] msg = new byte[in.readUnsignedShort()];
            in.readFully(msg);
            throw new AssertionError("rc " + rc + ": " + new String(msg, StandardCharsets.US_ASCII));
        }
        assertEquals(12, length);
    }

    /** Reads a WRITE's FIN that carries error {@code rc} (its message is skipped). */
    static void expectFailedFin(DataInputStream in, int rc) throws Exception {
        int length = in.readInt();
        assertEquals(DataRequest.FIN, in.readInt());
        assertEquals(DataRequest.WRITE, in.readInt());
        assertEquals(rc, in.readInt(), "the error code in the FIN of the failing write");
        in.skipBytes(length - 12);
    }

    /** The control line after a CLOSE of an upload whose disk filled up: ENOSPC, and no file or temporary left. */
    void expectNoSpaceAndNothingLeft(long session) throws Exception {
        String reply = in.readLine();
        assertTrue(reply.startsWith(session + " 0 client failed 44 ") && reply.endsWith(" ENOSPC"), reply);
        try (var files = Files.list(root)) {
            assertEquals(0, files.count(), "no file and no temporary left");
        }
    }

    /** Reads DATA header, blocks and the trailer; returns the payload. */
    static byte[] readData(DataInputStream in, boolean trailer, int expected) throws Exception {
        assertEquals(4, in.readInt());
        assertEquals(DataRequest.DATA, in.readInt());
        java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
        while (true) {
            if (!trailer && got.size() == expected) {
                return got.toByteArray();
            }
            int n = in.readInt();
            if (n == -1) {
                return got.toByteArray();
            }
            byte[] block = new byte[n];
            in.readFully(block);
            got.write(block);
        }
    }

}
