package dev.wharf.server.dcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.ServerContext;
import dev.wharf.server.TestContexts;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.data.DataChannelFactory;
import dev.wharf.server.data.PortAllocator;
import dev.wharf.config.PortRange;
import dev.wharf.server.fs.FileChannelOpener;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plain door's dCap stages on an EmbeddedChannel, requests run on the calling thread: one
 * conversation per request of the table and per kind of malformed input.
 */
class DcapPipelineTest {

    @TempDir Path root;
    ServerContext base;
    ServerContext context;
    EmbeddedChannel ch;

    @BeforeEach
    void open() throws Exception {
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxrwxrwx"));
        base = TestContexts.builder().build();
        context = TestContexts.direct(base);
        DcapSettings settings = DcapSettings.from(ConfigFile.empty()).withRoot(root);
        DataChannelFactory data = new DataChannelFactory(context.transport(), context.ioGroup(),
                InetAddress.getLoopbackAddress(), new PortAllocator(new PortRange(31100, 31109)));
        ch = new EmbeddedChannel();
        DcapPipeline.add(ch, null, () -> new DcapSessionHandler(context, settings, data, FileChannelOpener.DEFAULT));
        ch.pipeline().fireChannelActive();
    }

    @AfterEach
    void close() {
        ch.finishAndReleaseAll();
        TestContexts.close(base);
    }

    List<String> ask(String text) {
        ch.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1));
        ch.runPendingTasks();
        List<String> out = new ArrayList<>();
        ByteBuf b;
        while ((b = ch.readOutbound()) != null) {
            out.add(b.toString(StandardCharsets.ISO_8859_1));
            b.release();
        }
        return out;
    }

    void hello() {
        assertEquals(List.of("0 0 server welcome 2 47\n"), ask("0 0 client hello 0 0 2 47 14 \"\"\n"));
    }

    @Test
    void anythingBeforeHelloIsRefused() {
        assertEquals(List.of("1 2 client failed 669 \"hello expected first\" EINVAL\n"),
                ask("1 2 client stat \"dcap://door/x\"\n"));
        hello();
    }

    @Test
    void pingAndByebye() {
        hello();
        assertEquals(List.of("3 4 server pong\n"), ask("3 4 client ping\n"));
        assertEquals(List.of("0 0 server byebye\n"), ask("0 0 client byebye\n"));
        assertFalse(ch.isOpen());
    }

    @Test
    void nameSpaceRequests() throws Exception {
        hello();
        assertEquals(List.of("1 1 client ok\n"), ask("1 1 client mkdir \"dcap://door/d\" -mode=493\n"));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("d"))));
        assertEquals(List.of("1 2 client ok\n"), ask("1 2 client chmod \"dcap://door/d\" -mode=448\n"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("d"))));
        assertTrue(ask("1 3 client stat \"dcap://door/d\"\n").get(0).startsWith("1 3 client stat -st_size="));
        assertTrue(ask("1 4 client lstat \"dcap://door/d\"\n").get(0).contains("-st_mode=drwx------"));
        assertEquals(List.of("1 5 client ok\n"), ask("1 5 client rename \"dcap://door/d\" \"/e\"\n"));
        assertEquals(List.of("1 6 client ok\n"), ask("1 6 client check \"dcap://door/e\"\n"));
        assertEquals(List.of("1 7 client ok\n"), ask("1 7 client stage \"dcap://door/e\"\n"));
        assertTrue(ask("1 8 client chown \"dcap://door/e\" -owner=0:0\n").get(0).startsWith("1 8 client failed 19 "));
        assertTrue(ask("1 9 client unlink \"dcap://door/e\"\n").get(0).startsWith("1 9 client failed 17 "));
        assertEquals(List.of("1 10 client ok\n"), ask("1 10 client rmdir \"dcap://door/e\"\n"));
        assertTrue(ask("1 11 client stat \"dcap://door/e\"\n").get(0).startsWith("1 11 client failed 2 "));
        Files.writeString(root.resolve("f"), "x");
        assertEquals(List.of("1 12 client ok\n"), ask("1 12 client unlink \"dcap://door/f\"\n"));
    }

    @Test
    void malformedInputGetsFailuresAndTheConnectionStays() {
        hello();
        assertEquals(List.of("1 1 client failed 669 \"unknown request frob\" EINVAL\n"), ask("1 1 client frob x\n"));
        assertTrue(ask("garbage\n").get(0).startsWith("0 0 client failed 669 "));
        assertTrue(ask("1 2 client mkdir\n").get(0).startsWith("1 2 client failed 669 \"mkdir: missing path\""));
        assertTrue(ask("1 3 client chmod \"dcap://door/\" -mode=nine\n").get(0).startsWith("1 3 client failed 669 "));
        List<String> tooLong = ask("1 4 client stat \"" + "a".repeat(5000));
        assertEquals(1, tooLong.size(), "answered as soon as the line passes the limit: " + tooLong);
        assertTrue(tooLong.get(0).startsWith("0 0 client failed 669 \"control line longer than"), tooLong.get(0));
        assertEquals(List.of(), ask("aaaa\n"), "the rest of the long line is dropped");
        assertEquals(List.of("3 4 server pong\n"), ask("3 4 client ping\n"));
        assertTrue(ch.isOpen());
    }
}
