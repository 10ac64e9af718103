package dev.wharf.server.dcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.gsi.ExternalProgram;
import dev.wharf.server.krb.KerberizedServer;
import dev.wharf.server.krb.TestKdc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
 * gfal2's command-line tools over Kerberos dCap: gfal2's dcap plugin goes through libdcap, which loads the tunnel
 * named by {@code DCACHE_IO_TUNNEL} (libgssTunnel.so from dcap-tunnel-krb) for plain {@code dcap://} URLs, the only
 * ones besides {@code gsidcap://} the plugin accepts. gfal-copy up and down compared byte for byte, gfal-ls seeing
 * the file, and a client without a ticket refused with the next one served.
 */
@Tag("interop")
class GfalKrbdcapInteropTest {

    static final String TUNNEL = "/usr/lib/x86_64-linux-gnu/dcap/libgssTunnel.so";

    @TempDir
    static Path dir;
    @RegisterExtension
    @Order(1)
    static final TestKdc kdc = new TestKdc(() -> dir);
    @RegisterExtension
    @Order(2)
    static final KerberizedServer server = new KerberizedServer(() -> dir, () -> kdc,
            Map.of("krbdcap.port", KrbdcapInteropTest.freeShortPort()));

    static Path alice;

    @BeforeAll
    static void login() throws Exception {
        alice = dir.resolve("alice.cc");
        kdc.kinit(TestKdc.ALICE, TestKdc.ALICE_PASSWORD, alice);
    }

    static String url(String path) {
        return "dcap://localhost:" + server.port("krbdcap") + path;
    }

    static ExternalProgram gfal(Path ccache, String tool, String... args) throws Exception {
        Map<String, String> env = new HashMap<>(kdc.clientEnv(ccache));
        env.put("DCACHE_IO_TUNNEL", TUNNEL);
        env.put("GFAL_PYTHONBIN", "/usr/bin/python3"); // docs/testing.md: gfal's scripts need Debian's python3
        List<String> command = new ArrayList<>(List.of("gfal-" + tool));
        command.addAll(Arrays.asList(args));
        return ExternalProgram.run(env, dir, Duration.ofSeconds(120), command.toArray(String[]::new));
    }

    @Test
    void copyUpListAndCopyDownThroughTheKerberosTunnel() throws Exception {
        byte[] payload = new byte[3_000_000 + ThreadLocalRandom.current().nextInt(1000)];
        ThreadLocalRandom.current().nextBytes(payload);
        Path source = Files.write(dir.resolve("gfal.src"), payload);

        gfal(alice, "copy", source.toUri().toString(), url("/gfal.up")).requireSuccess("gfal-copy file:// to dcap://");
        assertEquals(-1, Files.mismatch(source, server.root().resolve("gfal.up")), "uploaded bytes");

        ExternalProgram ls = gfal(alice, "ls", url("/")).requireSuccess("gfal-ls dcap://");
        assertTrue(ls.stdout().lines().anyMatch(l -> l.strip().equals("gfal.up")), ls.stdout());

        Path back = dir.resolve("gfal.back");
        gfal(alice, "copy", url("/gfal.up"), back.toUri().toString()).requireSuccess("gfal-copy dcap:// to file://");
        assertEquals(-1, Files.mismatch(source, back), "downloaded bytes");
    }

    @Test
    void aClientWithoutATicketIsRefusedAndTheNextIsServed() throws Exception {
        Files.writeString(server.root().resolve("secret.txt"), "for ticket holders\n");
        Path stolen = dir.resolve("stolen.txt");
        ExternalProgram refused = gfal(dir.resolve("nobody.cc"), "copy", url("/secret.txt"), stolen.toUri().toString());
        assertNotEquals(0, refused.exitCode(), refused.stdout() + refused.stderr());
        assertFalse(Files.exists(stolen) && Files.size(stolen) > 0, "nothing read");

        Path ok = dir.resolve("served.txt");
        gfal(alice, "copy", url("/secret.txt"), ok.toUri().toString()).requireSuccess("the next client");
        assertEquals(-1, Files.mismatch(server.root().resolve("secret.txt"), ok));
    }
}
