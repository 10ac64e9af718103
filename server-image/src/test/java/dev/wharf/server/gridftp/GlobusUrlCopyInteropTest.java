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
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real globus-url-copy (stream mode, one stream, -nodcau) against the gsiftp door: download and
 * upload byte-identical with a grid-proxy-init proxy of the test PKI; a user of an untrusted CA refused.
 */
@Tag("interop")
class GlobusUrlCopyInteropTest {

    @TempDir
    static Path tmp;
    @RegisterExtension
    static final GsiftpDoorWithUserProxy gsiftp = new GsiftpDoorWithUserProxy(() -> tmp);

    private static ExternalProgram copy(Map<String, String> environment, String from, String to) throws Exception {
        return gsiftp.globusUrlCopy(environment, List.of("-nodcau", "-vb", from, to));
    }

    @Test
    void downloadAndUploadAreByteIdentical() throws Exception {
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new Random(11).nextBytes(content);
        Files.write(gsiftp.root().resolve("source.bin"), content);

        Path local = tmp.resolve("downloaded.bin");
        copy(gsiftp.userEnv(), gsiftp.url("source.bin"), "file://" + local).requireSuccess("globus-url-copy download");
        assertArrayEquals(content, Files.readAllBytes(local));

        copy(gsiftp.userEnv(), "file://" + local, gsiftp.url("uploaded.bin")).requireSuccess("globus-url-copy upload");
        assertArrayEquals(content, Files.readAllBytes(gsiftp.root().resolve("uploaded.bin")));
    }

    @Test
    void aProxyFromAnUntrustedCaIsRefused() throws Exception {
        Files.writeString(gsiftp.root().resolve("secret.txt"), "not for strangers");
        TestPki.Credential stranger = TestPki.issue(TestPki.untrustedCa(), "/C=XX/O=Elsewhere/CN=Mallory",
                TestPki.newKeyPair(), Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(1)),
                false, TestPki.EE_USAGE);
        Path proxy = tmp.resolve("stranger-proxy");
        TestPki.writeProxyFile(TestPki.proxy(stranger, TestPki.ProxyKind.RFC_IMPERSONATION, Duration.ofHours(1)), proxy);
        Map<String, String> strangerEnv = Map.of("X509_CERT_DIR", gsiftp.pki().certDir().toString(),
                "X509_USER_PROXY", proxy.toString(), "HOME", tmp.toString());
        Path local = tmp.resolve("stolen.txt");
        ExternalProgram result = copy(strangerEnv, gsiftp.url("secret.txt"), "file://" + local);
        assertNotEquals(0, result.exitCode(), result.stdout() + result.stderr());
        assertTrue(result.stderr().contains("535 Authentication failed: client certificate refused: UNTRUSTED_CA"),
                result.stderr());
        assertFalse(Files.exists(local) && Files.size(local) > 0, "a refused client got data");
    }
}
