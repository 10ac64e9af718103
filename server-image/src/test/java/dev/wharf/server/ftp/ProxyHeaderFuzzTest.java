package dev.wharf.server.ftp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.Unpooled;
import java.util.Map;

/**
 * The PROXY path of a door with net.proxy-protocol on (Netty's HAProxyMessageDecoder, then Wharf's
 * header handler and the session): any bytes a peer sends first are a header, then commands, or a
 * closed connection; replies stay well-formed and no exception leaves the pipeline.
 */
class ProxyHeaderFuzzTest extends ControlFuzzing {

    @Override
    Map<String, String> config() {
        return Map.of("net.proxy-protocol", "true", "net.proxy-trusted", "127.0.0.1/32"); // an in-memory peer is 127.0.0.1
    }

    @FuzzTest(maxDuration = "20s")
    void anyBytesBeforeTheProxyHeaderAreHandled(byte[] input) {
        converse(Unpooled.wrappedBuffer(input));
    }
}
