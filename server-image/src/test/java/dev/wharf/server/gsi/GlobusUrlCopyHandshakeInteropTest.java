package dev.wharf.server.gsi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real Globus GSS initiator (globus-url-copy with a grid-proxy-init proxy) against {@link GsiAcceptor}:
 * handshake, limited delegation, a wrapped command and a wrapped reply.
 */
@Tag("interop")
class GlobusUrlCopyHandshakeInteropTest {

    @TempDir
    static Path tmp;
    static TestPki pki;
    static Map<String, String> clientEnv;

    @BeforeAll
    static void setUp() throws Exception {
        pki = TestPki.create(tmp.resolve("certificates"));
        TestPki.writePem(pki.user(), tmp.resolve("usercert.pem"), tmp.resolve("userkey.pem"));
        Path proxy = tmp.resolve("x509up");
        ExternalProgram.run(Map.of("X509_USER_CERT", tmp.resolve("usercert.pem").toString(),
                "X509_USER_KEY", tmp.resolve("userkey.pem").toString(), "X509_CERT_DIR", pki.certDir().toString()),
                tmp, "grid-proxy-init", "-out", proxy.toString()).requireSuccess("grid-proxy-init");
        clientEnv = Map.of("X509_CERT_DIR", pki.certDir().toString(), "X509_USER_PROXY", proxy.toString(),
                "HOME", tmp.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void globusUrlCopyAuthenticatesDelegatesAndExchangesWrappedMessages(String protocol) throws Exception {
        GsiService service = GsiService.start(pki.settings(tmp, List.of(protocol)));
        try (GsiControlHarness harness = new GsiControlHarness(service)) {
            ExternalProgram client = ExternalProgram.run(clientEnv, tmp, "globus-url-copy", "-dbg",
                    "gsiftp://127.0.0.1:" + harness.port() + "/tmp/nothing", "file://" + tmp.resolve("dest"));
            harness.join();
            String diagnostics = String.join("\n", harness.conversation) + "\n--- client:\n" + client.stderr()
                    + client.stdout();
            assertNull(harness.failure.get(), () -> harness.failure.get() + "\n" + diagnostics);
            GsiAcceptor acceptor = harness.acceptor.get();
            assertTrue(acceptor.isEstablished(), diagnostics);
            assertEquals(protocol, acceptor.protocol());
            assertEquals(TestPki.USER_DN, acceptor.principal());
            DelegatedCredential delegated = acceptor.delegatedCredential().orElseThrow(() -> new AssertionError(diagnostics));
            assertTrue(delegated.limited(), "globus-url-copy delegates a limited proxy");
            assertEquals(TestPki.USER_DN, delegated.validated().principal());
            assertEquals(List.of("USER :globus-mapping:"), harness.unwrappedCommands, diagnostics);
            assertTrue(client.exitCode() != 0 && (client.stderr() + client.stdout()).contains("Wharf GSI harness stops here"),
                    "the client unwrapped our 632 reply:\n" + diagnostics);
        }
    }

    @Test
    void untrustedAndRevokedClientsAreRefusedWith535() throws Exception {
        TestPki.Credential rogueUser = TestPki.issue(TestPki.untrustedCa(), TestPki.USER_DN, TestPki.newKeyPair(),
                Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(5)), false, TestPki.EE_USAGE);
        assertRefused(rogueUser, CertificateRejectedException.Reason.UNTRUSTED_CA);
        TestPki.Credential revoked = pki.issueUser("/C=XX/O=Wharf Test/OU=People/CN=Revoked Rita",
                Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(5)));
        pki.revoke(revoked.cert());
        try {
            assertRefused(revoked, CertificateRejectedException.Reason.REVOKED);
        } finally {
            Files.delete(pki.certDir().resolve(pki.caHash() + ".r0"));
        }
    }

    private static void assertRefused(TestPki.Credential user, CertificateRejectedException.Reason reason)
            throws Exception {
        Path proxyFile = tmp.resolve("refused-proxy");
        TestPki.writeProxyFile(TestPki.proxy(user, TestPki.ProxyKind.RFC_IMPERSONATION, Duration.ofHours(1)), proxyFile);
        GsiService service = GsiService.start(pki.settings(tmp, List.of("TLSv1.2", "TLSv1.3")));
        try (GsiControlHarness harness = new GsiControlHarness(service)) {
            ExternalProgram client = ExternalProgram.run(Map.of("X509_CERT_DIR", pki.certDir().toString(),
                    "X509_USER_PROXY", proxyFile.toString(), "HOME", tmp.toString()), tmp, "globus-url-copy",
                    "gsiftp://127.0.0.1:" + harness.port() + "/tmp/nothing", "file://" + tmp.resolve("dest"));
            harness.join();
            String diagnostics = String.join("\n", harness.conversation) + "\n--- client:\n" + client.stderr();
            GsiAuthenticationException failure = (GsiAuthenticationException) harness.failure.get();
            assertEquals(reason, failure.rejection().orElseThrow().reason(), diagnostics);
            assertFalse(harness.acceptor.get().isEstablished());
            assertTrue(client.exitCode() != 0 && client.stderr().contains("535"), diagnostics);
        }
    }
}
