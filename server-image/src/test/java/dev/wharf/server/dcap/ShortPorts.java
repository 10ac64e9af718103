package dev.wharf.server.dcap;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * libdcap keeps a URL's door port in a signed short: a port above 32767 becomes negative and dccp
 * cannot connect. Kernel-chosen ports are above that, so dccp tests pick a free one below.
 */
public final class ShortPorts {

    private ShortPorts() {}

    public static int free() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = 10000 + ThreadLocalRandom.current().nextInt(14000);
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port below 24000");
    }
}
