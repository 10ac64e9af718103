package dev.wharf.server.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import dev.wharf.server.fs.Upload;
import dev.wharf.server.fs.UploadMode;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The splice thread's descriptor guard, made deterministic: while the thread waits, the channel is closed
 * (as ABOR closes it) and, in the same event-loop task, another pipe is put at exactly the socket's old
 * descriptor number with dup2(2), as the kernel would hand it to the next open() anywhere in the server.
 * The upload must end with only the client's bytes in the file and the intruder left alone. Without the
 * duplicates the thread either splices the intruder's bytes into the file or closes the intruder.
 */
class SpliceDescriptorReuseTest {

    interface C extends Library {
        C LIB = Native.load("c", C.class);

        int pipe(int[] fds) throws LastErrorException;

        int dup2(int from, int to) throws LastErrorException;

        long write(int fd, byte[] bytes, long count) throws LastErrorException;

        long read(int fd, byte[] bytes, long count) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    @TempDir Path tmp;

    @Test
    void aReusedDescriptorNumberIsNeverTouched() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        CompletableFuture<Channel> accepted = new CompletableFuture<>();
        Path target = tmp.resolve("upload.bin");
        try (FileChannel file = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileChannel alias = FileChannel.open(Path.of("/proc/self/fd/" + openFd(target)), StandardOpenOption.WRITE)) {
            Channel server = new ServerBootstrap().group(group).channel(EpollServerSocketChannel.class)
                    .childOption(ChannelOption.AUTO_READ, false)
                    .childHandler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            DataPipeline.hold(ch);
                            accepted.complete(ch);
                        }
                    }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
            byte[] sent = new byte[3 * 1024 * 1024 / 2];
            new Random(5).nextBytes(sent);
            try (Socket client = new Socket()) {
                client.connect(server.localAddress(), 5000);
                EpollSocketChannel channel = (EpollSocketChannel) accepted.get(5, TimeUnit.SECONDS);
                int number = channel.fd().intValue();
                CompletableFuture<Long> done = new SpliceReceiver(new FdUpload(alias, lastFd))
                        .run(channel, new AtomicLong());
                OutputStream out = client.getOutputStream();
                out.write(sent);
                out.flush();
                awaitSpliceThread();
                Thread.sleep(300); // everything sent is in the file; the thread waits in poll(2)

                int[] intruder = new int[2];
                C.LIB.pipe(intruder);
                byte[] marker = "INTRUDER".getBytes();
                C.LIB.write(intruder[1], marker, marker.length);
                channel.eventLoop().submit(() -> {
                    channel.close().syncUninterruptibly();
                    C.LIB.dup2(intruder[0], number); // what the next open() in the server may get
                }).get(5, TimeUnit.SECONDS);

                done.handle((n, e) -> null).get(5, TimeUnit.SECONDS);
                assertArrayEquals(sent, Files.readAllBytes(target), "the file holds other bytes than the client's");
                byte[] back = new byte[marker.length];
                assertEquals(marker.length, C.LIB.read(number, back, back.length), "the intruder lost its bytes");
                assertArrayEquals(marker, back);
                C.LIB.close(number);
                C.LIB.close(intruder[0]);
                C.LIB.close(intruder[1]);
            } finally {
                server.close().sync();
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    private int lastFd;

    /** A descriptor of {@code path} of this test's own (the upload's file descriptor). */
    private int openFd(Path path) throws Exception {
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            for (Path p : (Iterable<Path>) s::iterator) {
                try {
                    if (Files.readSymbolicLink(p).equals(path)) {
                        lastFd = Integer.parseInt(p.getFileName().toString());
                        return lastFd;
                    }
                } catch (java.io.IOException gone) {
                    // the listing's own descriptor
                }
            }
        }
        throw new AssertionError("no descriptor of " + path);
    }

    private static void awaitSpliceThread() throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("splice-upload"))) {
            assertTrue(System.nanoTime() < deadline, "the upload never reached the splice thread");
            Thread.sleep(5);
        }
    }

    /** An upload writing from offset 0 through {@code fd}, committed by nobody (the test reads the file). */
    private record FdUpload(FileChannel channel, int descriptor) implements Upload {
        @Override public long start() { return 0; }
        @Override public String path() { return "/upload.bin"; }
        @Override public UploadMode mode() { return UploadMode.REPLACE; }
        @Override public boolean replacesExisting() { return false; }
        @Override public void commit(long bytesWritten) {}
        @Override public void abort() {}
    }
}
