package dev.wharf.server.data;

import dev.wharf.config.PortRange;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.ServerContext;
import dev.wharf.server.TestContexts;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A passive listener asked for on the control connection's own event loop (PASV run inline) is bound
 * before the call returns, and its data connection lands on that loop; asked for elsewhere, the same.
 */
class PassiveListenerOnItsLoopTest {

    private ServerContext context;
    private DataChannelFactory data;

    @BeforeEach
    void start() {
        context = TestContexts.create();
        int first = 46000 + new Random().nextInt(900);
        data = new DataChannelFactory(context.transport(), context.ioGroup(), InetAddress.getLoopbackAddress(),
                new PortAllocator(new PortRange(first, first + 99)));
    }

    @AfterEach
    void stop() {
        TestContexts.close(context);
    }

    @Test
    void calledOnItsOwnLoopItBindsThereAtOnce() throws Exception {
        EventLoop home = context.ioGroup().next();
        CompletableFuture<PassiveListener> made = new CompletableFuture<>();
        home.execute(() -> {
            try {
                made.complete(data.listen(InetAddress.getLoopbackAddress(), 0, home));
            } catch (Exception e) {
                made.completeExceptionally(e);
            }
        });
        assertAcceptsOn(made.get(5, TimeUnit.SECONDS), home);
    }

    @Test
    void calledFromAnotherThreadItBindsOnTheLoopItIsGiven() throws Exception {
        EventLoop home = context.ioGroup().next();
        assertAcceptsOn(data.listen(InetAddress.getLoopbackAddress(), 0, home), home);
    }

    private static void assertAcceptsOn(PassiveListener listener, EventLoop home) throws Exception {
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.address().getPort())) {
            Channel accepted = listener.connection().get(5, TimeUnit.SECONDS);
            assertSame(home, accepted.eventLoop(), "the data connection is on the control connection's loop");
            assertTrue(accepted.isActive());
        } finally {
            listener.close();
        }
    }
}
