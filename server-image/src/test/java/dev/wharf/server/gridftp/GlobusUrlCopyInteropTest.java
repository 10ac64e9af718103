package dev.wharf.server.gridftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.gsi.ExternalProgram;
import dev.wharf.server.gsi.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real globus-url-copy (stream mode, one stream, -nodcau) against the gsiftp door: download and
 * upload byte-identical with a grid-proxy-init proxy of the test PKI; a user of an untrusted CA refused.
 */
@Tag("interop")
class GlobusUrlCopyInteropTest {

    @TempDir
    static Path tmp;
    static GridFtpTestServer server;
    static Map<String, String> env;

    @BeforeAll
    static void start() throws Exception {
        server = new GridFtpTestServer(tmp.resolve("server"));
        Path client = Files.createDirectories(tmp.resolve("client"));
        TestPki.writePem(server.pki().user(), client.resolve("usercert.pem"), client.resolve("userkey.pem"));
        Path proxy = client.resolve("x509up");
        ExternalProgram.run(Map.of("X509_USER_CERT", client.resolve("usercert.pem").toString(),
                "X509_USER_KEY", client.resolve("userkey.pem").toString(),
                "X509_CERT_DIR", server.pki().certDir().toString()),
                client, "grid-proxy-init", "-out", proxy.toString()).requireSuccess("grid-proxy-init");
        env = Map.of("X509_CERT_DIR", server.pki().certDir().toString(), "X509_USER_PROXY", proxy.toString(),
                "HOME", client.toString());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ExternalProgram copy(Map<String, String> environment, String from, String to) throws Exception {
        // -dbg: a failure message shows the whole control conversation
        return ExternalProgram.run(environment, tmp, "globus-url-copy", "-dbg", "-nodcau", "-vb", from, to);
    }

    private static String url(String path) {
        return "gsiftp://127.0.0.1:" + server.port() + "/" + path;
    }

    @Test
    void downloadAndUploadAreByteIdentical() throws Exception {
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new Random(11).nextBytes(content);
        Files.write(server.root().resolve("source.bin"), content);

        Path local = tmp.resolve("downloaded.bin");
        copy(env, url("source.bin"), "file://" + local).requireSuccess("globus-url-copy download");
        assertArrayEquals(content, Files.readAllBytes(local));

        copy(env, "file://" + local, url("uploaded.bin")).requireSuccess("globus-url-copy upload");
        assertArrayEquals(content, Files.readAllBytes(server.root().resolve("uploaded.bin")));
    }

    @Test
    void aProxyFromAnUntrustedCaIsRefused() throws Exception {
        Files.writeString(server.root().resolve("secret.txt"), "not for strangers");
        TestPki.Credential stranger = TestPki.issue(TestPki.untrustedCa(), "/C=XX/O=Elsewhere/CN=Mallory",
                TestPki.newKeyPair(), Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(1)),
                false, TestPki.EE_USAGE);
        Path proxy = tmp.resolve("stranger-proxy");
        TestPki.writeProxyFile(TestPki.proxy(stranger, TestPki.ProxyKind.RFC_IMPERSONATION, Duration.ofHours(1)), proxy);
        Map<String, String> strangerEnv = Map.of("X509_CERT_DIR", server.pki().certDir().toString(),
                "X509_USER_PROXY", proxy.toString(), "HOME", tmp.toString());
        Path local = tmp.resolve("stolen.txt");
        ExternalProgram result = copy(strangerEnv, url("secret.txt"), "file://" + local);
        assertNotEquals(0, result.exitCode(), result.stdout() + result.stderr());
        assertTrue(result.stderr().contains("535 Authentication failed: client certificate refused: UNTRUSTED_CA"),
                result.stderr());
        assertFalse(Files.exists(local) && Files.size(local) > 0, "a refused client got data");
    }
}
