package dev.wharf.server.gridftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.gsi.ExternalProgram;
import dev.wharf.server.gsi.GlobusClient;
import dev.wharf.server.gsi.TestPki;
import dev.wharf.server.gsi.TestPki.Credential;
import dev.wharf.server.gsi.TestPki.ProxyKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real globus-url-copy refused by the gsiftp door: an expired proxy, a revoked certificate (CRL in
 * the trust directory), a DN the grid-mapfile does not list, a CA the door does not trust. Each gets
 * the door's reply naming the reason, no byte of the file, and the next (good) client is served.
 */
@Tag("interop")
class GlobusRefusalInteropTest {

    static final String REVOKED_DN = "/C=XX/O=Wharf Test/OU=People/CN=Eve Revoked";
    static final String UNMAPPED_DN = "/C=XX/O=Wharf Test/OU=People/CN=Bob Unmapped";

    @TempDir
    static Path tmp;
    static GridFtpTestServer server;
    static Credential revoked;
    static Map<String, String> goodEnv;
    static byte[] secret = new byte[200_000];

    @BeforeAll
    static void start() throws Exception {
        Path gridmap = Files.createDirectories(tmp.resolve("server")).resolve("grid-mapfile");
        Files.writeString(gridmap, "\"" + TestPki.USER_DN + "\" jane\n\"" + REVOKED_DN + "\" eve\n");
        server = new GridFtpTestServer(tmp.resolve("server"), pki -> {
            revoked = pki.issueUser(REVOKED_DN, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(1)));
            pki.revoke(revoked.cert());
        }, gridmap, Map.of());
        new Random(3).nextBytes(secret);
        Files.write(server.root().resolve("secret.bin"), secret);
        goodEnv = clientEnv(gridProxyInit(server.pki().user(), "jane"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** After every refusal: a good client still gets the file, byte-identical. */
    @AfterEach
    void theNextClientIsServed() throws Exception {
        Path local = tmp.resolve("good-" + System.nanoTime() + ".bin");
        copy(goodEnv, local).requireSuccess("globus-url-copy by a mapped, valid user after a refusal");
        assertArrayEquals(secret, Files.readAllBytes(local));
    }

    /** A real proxy of {@code user} made by grid-proxy-init (RFC 3820, 12 h). */
    static Path gridProxyInit(Credential user, String name) throws Exception {
        return GlobusClient.gridProxyInit(server.pki(), user, tmp.resolve("client-" + name)).proxy();
    }

    static Map<String, String> clientEnv(Path proxy) {
        return GlobusClient.withProxy(server.pki(), proxy).env();
    }

    static ExternalProgram copy(Map<String, String> env, Path local, String... prefix) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(prefix));
        command.addAll(java.util.List.of("globus-url-copy", "-nodcau",
                "gsiftp://127.0.0.1:" + server.port() + "/secret.bin", "file://" + local));
        return ExternalProgram.run(env, tmp, command.toArray(String[]::new));
    }

    /**
     * Runs a copy (behind {@code prefix}, e.g. faketime) that must fail with {@code expected} in its error
     * output and leave no data behind.
     */
    static void refused(Map<String, String> env, String expected, String... prefix) throws Exception {
        Path local = tmp.resolve("refused-" + System.nanoTime() + ".bin");
        ExternalProgram result = copy(env, local, prefix);
        assertNotEquals(0, result.exitCode(), result.stdout() + result.stderr());
        assertTrue(result.stderr().contains(expected), "expected '" + expected + "' in:\n" + result.stderr());
        assertFalse(Files.exists(local) && Files.size(local) > 0, "a refused client got data");
    }

    static Path proxyFile(Credential proxy, String name) throws Exception {
        Path file = Files.createDirectories(tmp.resolve("client-" + name)).resolve("x509up");
        TestPki.writeProxyFile(proxy, file);
        return file;
    }

    @Test
    void anExpiredProxyIsRefused() throws Exception {
        // grid-proxy-init cannot make one (-valid 0:0 is refused), so Bouncy Castle signs it
        Credential user = server.pki().user();
        java.security.KeyPair keys = TestPki.newKeyPair();
        Credential expired = new Credential(keys.getPrivate(), java.util.stream.Stream.concat(
                java.util.stream.Stream.of(TestPki.signProxy(user, keys.getPublic(), ProxyKind.RFC_IMPERSONATION, -1,
                        Instant.now().minus(Duration.ofHours(3)), Instant.now().minus(Duration.ofMinutes(3)))),
                user.chain().stream()).toList());
        Map<String, String> env = clientEnv(proxyFile(expired, "expired"));
        // globus-url-copy checks its own proxy first and stops before connecting ...
        refused(env, "expired 3 minutes ago");
        // ... so to reach the door it runs five minutes in the past (libfaketime), where the proxy is still
        // valid (and the CRL of this trust directory, issued ten minutes ago, already is)
        refused(env, "535 Authentication failed: client certificate refused: EXPIRED", "faketime", "-f", "-5m");
    }

    @Test
    void aRevokedCertificateIsRefused() throws Exception {
        refused(clientEnv(proxyFile(TestPki.proxy(revoked, ProxyKind.RFC_IMPERSONATION, Duration.ofHours(1)), "revoked")),
                "535 Authentication failed: client certificate refused: REVOKED");
    }

    @Test
    void aDnNotInTheGridMapfileIsRefused() throws Exception {
        Credential bob = server.pki().issueUser(UNMAPPED_DN, Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(1)));
        refused(clientEnv(gridProxyInit(bob, "bob")), "530 Login refused for " + UNMAPPED_DN);
    }

    @Test
    void aProxyFromAnUntrustedCaIsRefused() throws Exception {
        Credential stranger = TestPki.issue(TestPki.untrustedCa(), "/C=XX/O=Elsewhere/CN=Mallory", TestPki.newKeyPair(),
                Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(1)), false, TestPki.EE_USAGE);
        refused(clientEnv(proxyFile(TestPki.proxy(stranger, ProxyKind.RFC_IMPERSONATION, Duration.ofHours(1)), "mallory")),
                "535 Authentication failed: client certificate refused: UNTRUSTED_CA");
    }
}
