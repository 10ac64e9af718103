package dev.wharf.server.dcap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gsidcap door's dCap stages on an EmbeddedChannel: nothing outside the tunnel, nothing in clear. */
class GsiTunnelHandlerTest {

    @TempDir Path root;
    ServerContext context;

    @AfterEach
    void close() {
        if (context != null) {
            TestContexts.close(context);
        }
    }

    /** The door's real dCap stages with a tunnel that has not authenticated anyone yet. */
    EmbeddedChannel gsidcap() {
        context = TestContexts.builder().build();
        DcapSettings settings = DcapSettings.gsi(ConfigFile.empty()).withRoot(root);
        DataChannelFactory data = new DataChannelFactory(context.transport(), context.ioGroup(),
                InetAddress.getLoopbackAddress(), new PortAllocator(new PortRange(31000, 31009)));
        EmbeddedChannel ch = new EmbeddedChannel();
        DcapPipeline.add(ch, () -> new TunnelHandler(new GsiTunnel(null), Runnable::run, "gsidcap"),
                () -> new DcapSessionHandler(context, settings, data, FileChannelOpener.DEFAULT));
        ch.pipeline().fireChannelActive();
        return ch;
    }

    static void send(EmbeddedChannel ch, String text) {
        ch.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1));
    }

    static void assertNothingSent(EmbeddedChannel ch) {
        ByteBuf out = ch.readOutbound();
        assertNull(out, () -> "answered in clear: " + out.toString(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aPlainLineOnTheTunnelDoorClosesTheConnection() {
        EmbeddedChannel ch = gsidcap();
        send(ch, "0 0 client hello 0 0 2 47 14 \"\"\n");
        assertFalse(ch.isActive());
        assertNothingSent(ch);
    }

    @Test
    void badBase64ClosesTheConnection() {
        EmbeddedChannel ch = gsidcap();
        send(ch, "enc ***not base64***\n");
        assertFalse(ch.isActive());
        assertNothingSent(ch);
    }

    @Test
    void anOverlongEncLineClosesWithoutAClearAnswer() {
        EmbeddedChannel ch = gsidcap();
        send(ch, "enc " + "A".repeat(100 * 1024) + "\n");
        assertFalse(ch.isActive(), "an over-long tunnel line must close the connection");
        assertNothingSent(ch);
    }

    @Test
    void aMebibyteWithoutNewlineClosesAsSoonAsItPassesTheLimit() {
        EmbeddedChannel ch = gsidcap();
        String chunk = "A".repeat(16 * 1024);
        send(ch, "enc ");
        int sent = 0;
        while (ch.isActive() && sent < 1024 * 1024) {
            send(ch, chunk);
            sent += chunk.length();
        }
        assertFalse(ch.isActive(), "1 MiB without a newline is still held");
        assertTrue(sent <= DcapPipeline.MAX_TUNNEL_LINE + chunk.length(), "closed only after " + sent + " bytes");
        assertNothingSent(ch);
    }
}
