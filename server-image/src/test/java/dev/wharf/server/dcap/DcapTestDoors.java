package dev.wharf.server.dcap;

import dev.wharf.server.ServerContext;
import dev.wharf.server.TestContexts;
import dev.wharf.config.PortRange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the in-process dCap interop tests share: a data-port range, the ctypes libdcap client, tearing a
 * door down.
 */
final class DcapTestDoors {

    private DcapTestDoors() {}

    /** 100 data ports somewhere in {@code [base, base + 3000)}, so parallel runs rarely meet. */
    static PortRange dataPorts(int base) {
        int first = base + ThreadLocalRandom.current().nextInt(30) * 100;
        return new PortRange(first, first + 99);
    }

    /** Closes what {@code @BeforeAll} got to start (either may be null). */
    static void stop(DcapDoor door, ServerContext context) {
        if (door != null) {
            door.close();
        }
        if (context != null) {
            TestContexts.close(context);
        }
    }

    /** {@code dcap/libdcap_client.py} (Debian's libdcap through Python ctypes) copied into {@code dir}. */
    static Path libdcapClient(Path dir) throws IOException {
        Path script = dir.resolve("libdcap_client.py");
        if (!Files.exists(script)) {
            try (InputStream in = DcapTestDoors.class.getResourceAsStream("/dcap/libdcap_client.py")) {
                Files.copy(in, script);
            }
        }
        return script;
    }
}
