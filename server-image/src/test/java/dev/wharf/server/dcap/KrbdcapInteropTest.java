package dev.wharf.server.dcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.wharf.server.gsi.ExternalProgram;
import dev.wharf.server.krb.KerberizedServer;
import dev.wharf.server.krb.TestKdc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * dccp through libdcap's Kerberos tunnel ({@code gssdcap://} URLs load libgssTunnel.so from dcap-tunnel-krb, MIT
 * GSS-API) against
 * the krbdcap door and a real MIT KDC: read and write compared byte for byte (the files cmp equal), the
 * principal as the session's identity, and a client without a ticket refused.
 */
@Tag("interop")
class KrbdcapInteropTest {

    @TempDir
    static Path dir;
    @RegisterExtension
    @Order(1)
    static final TestKdc kdc = new TestKdc(() -> dir);
    @RegisterExtension
    @Order(2)
    static final KerberizedServer server = new KerberizedServer(() -> dir, () -> kdc, Map.of("krbdcap.port", freeShortPort()));

    static Path alice;

    static String freeShortPort() {
        try {
            return String.valueOf(ShortPorts.free());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void login() throws Exception {
        alice = dir.resolve("alice.cc");
        kdc.kinit(TestKdc.ALICE, TestKdc.ALICE_PASSWORD, alice);
    }

    static ExternalProgram dccp(Path ccache, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("dccp", "-A"));
        command.addAll(Arrays.asList(args));
        return ExternalProgram.run(kdc.clientEnv(ccache), dir, Duration.ofSeconds(60), command.toArray(String[]::new));
    }

    @Test
    void readAndWriteThroughTheKerberosTunnel() throws Exception {
        byte[] payload = new byte[2_000_000 + ThreadLocalRandom.current().nextInt(1000)];
        ThreadLocalRandom.current().nextBytes(payload);
        Files.write(server.root().resolve("krb.bin"), payload);

        Path down = dir.resolve("krb.down");
        dccp(alice, server.dcapUrl("/krb.bin"), down.toString()).requireSuccess("dccp read through libgssTunnel");
        assertArrayEquals(payload, Files.readAllBytes(down), "read");

        dccp(alice, down.toString(), server.dcapUrl("/krb.up")).requireSuccess("dccp write through libgssTunnel");
        assertArrayEquals(payload, Files.readAllBytes(server.root().resolve("krb.up")), "written");
    }

    @Test
    void aClientWithoutATicketIsRefusedAndTheNextIsServed() throws Exception {
        Files.writeString(server.root().resolve("secret.txt"), "for ticket holders\n");
        ExternalProgram refused = dccp(dir.resolve("nobody.cc"), server.dcapUrl("/secret.txt"),
                dir.resolve("stolen.txt").toString());
        assertNotEquals(0, refused.exitCode(), refused.stdout() + refused.stderr());
        assertFalse(Files.exists(dir.resolve("stolen.txt")) && Files.size(dir.resolve("stolen.txt")) > 0, "nothing read");

        Path ok = dir.resolve("served.txt");
        dccp(alice, server.dcapUrl("/secret.txt"), ok.toString()).requireSuccess("the next client");
        assertArrayEquals(Files.readAllBytes(server.root().resolve("secret.txt")), Files.readAllBytes(ok));
    }
}
