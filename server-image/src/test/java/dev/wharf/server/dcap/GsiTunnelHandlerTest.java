package dev.wharf.server.dcap;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

class GsiTunnelHandlerTest {

    @Test
    void aPlainLineOnTheTunnelDoorClosesTheConnection() {
        EmbeddedChannel ch = new EmbeddedChannel(new GsiTunnelHandler(null, Runnable::run, "gsidcap"));
        ch.writeInbound("0 0 client hello 0 0 2 47 14 \"\"");
        assertFalse(ch.isActive());
    }

    @Test
    void badBase64ClosesTheConnection() {
        EmbeddedChannel ch = new EmbeddedChannel(new GsiTunnelHandler(null, Runnable::run, "gsidcap"));
        ch.writeInbound("enc ***not base64***");
        assertFalse(ch.isActive());
    }
}
