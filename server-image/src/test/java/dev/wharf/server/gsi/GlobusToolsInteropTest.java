package dev.wharf.server.gsi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.gsi.CertificateRejectedException.Reason;
import dev.wharf.server.gsi.TestPki.Credential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Our validator, DN rendering and hash against grid-proxy-init, grid-cert-info and openssl on the test PKI. */
@Tag("interop")
class GlobusToolsInteropTest {

    @TempDir
    static Path tmp;
    static TestPki pki;
    static Map<String, String> env;
    /** A user certificate without keyUsage: OpenSSL 3 treats legacy proxies as issued certificates and then
     * demands keyCertSign of any key usage the user certificate lists, so grid-proxy-init -old needs this. */
    static Map<String, String> bareEnv;
    static final String BARE_DN = "/C=XX/O=Wharf Test/OU=People/CN=Legacy Lee";

    @BeforeAll
    static void pki() throws Exception {
        pki = TestPki.create(tmp.resolve("certificates"));
        TestPki.writePem(pki.user(), tmp.resolve("usercert.pem"), tmp.resolve("userkey.pem"));
        env = Map.of("X509_USER_CERT", tmp.resolve("usercert.pem").toString(),
                "X509_USER_KEY", tmp.resolve("userkey.pem").toString(),
                "X509_CERT_DIR", pki.certDir().toString());
        Credential bare = TestPki.issue(pki.ca(), BARE_DN, TestPki.newKeyPair(), Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofDays(1)), false, 0);
        TestPki.writePem(bare, tmp.resolve("barecert.pem"), tmp.resolve("barekey.pem"));
        bareEnv = Map.of("X509_USER_CERT", tmp.resolve("barecert.pem").toString(),
                "X509_USER_KEY", tmp.resolve("barekey.pem").toString(),
                "X509_CERT_DIR", pki.certDir().toString());
    }

    private static PemCredential gridProxyInit(String name, String... options) throws Exception {
        return gridProxyInit(env, name, options);
    }

    private static PemCredential gridProxyInit(Map<String, String> env, String name, String... options)
            throws Exception {
        Path out = tmp.resolve(name);
        List<String> command = new ArrayList<>(List.of("grid-proxy-init", "-verify", "-debug", "-out", out.toString()));
        command.addAll(List.of(options));
        ExternalProgram.run(env, tmp, command.toArray(new String[0])).requireSuccess("grid-proxy-init " + List.of(options));
        return PemCredential.loadProxyFile(out);
    }

    private static ChainValidator validator() {
        return new ChainValidator(new TrustAnchorDirectory(pki.certDir()));
    }

    @ParameterizedTest(name = "grid-proxy-init {0}")
    @CsvSource({
        "'', RFC_IMPERSONATION, false, false",
        "-rfc, RFC_IMPERSONATION, false, false",
        "-limited, RFC_LIMITED, true, false",
        "-old, LEGACY, false, true",
        "-old -limited, LEGACY_LIMITED, true, true",
        "-path-length 0 -bits 2048, RFC_IMPERSONATION, false, false"})
    void proxiesMadeByGridProxyInitAreAcceptedWithTheUserAsPrincipal(String options, ProxyType type, boolean limited,
            boolean bareUser) throws Exception {
        String[] args = options.isBlank() ? new String[0] : options.split(" ");
        PemCredential proxy = gridProxyInit(bareUser ? bareEnv : env, "proxy-" + options.replace(' ', '_'), args);
        ValidatedChain v = validator().validate(proxy.chainArray());
        assertEquals(bareUser ? BARE_DN : TestPki.USER_DN, v.principal());
        assertEquals(type, v.leafType());
        assertEquals(limited, v.limited());
        assertTrue(PemCredential.matches(proxy.key(), proxy.certificate()));
    }

    @Test
    void independentAndDraftProxiesAreRefusedAsUnsupported() throws Exception {
        for (String option : List.of("-independent", "-draft")) {
            PemCredential proxy = gridProxyInit("proxy" + option, option);
            CertificateRejectedException e = assertThrows(CertificateRejectedException.class,
                    () -> validator().validate(proxy.chainArray()));
            assertEquals(Reason.UNSUPPORTED_PROXY, e.reason(), e.toString());
        }
    }

    @Test
    void aProxyOfAProxyStillMapsToTheUser() throws Exception {
        PemCredential first = gridProxyInit("first");
        Path firstFile = tmp.resolve("first");
        Path out = tmp.resolve("second");
        ExternalProgram.run(Map.of("X509_USER_CERT", firstFile.toString(), "X509_USER_KEY", firstFile.toString(),
                "X509_CERT_DIR", pki.certDir().toString()), tmp,
                "grid-proxy-init", "-out", out.toString()).requireSuccess("grid-proxy-init from a proxy");
        PemCredential second = PemCredential.loadProxyFile(out);
        assertEquals(first.chain().size() + 1, second.chain().size());
        assertEquals(TestPki.USER_DN, validator().validate(second.chainArray()).principal());
    }

    @Test
    void opensslAgreesWithOurSubjectHashAndDnRendering() throws Exception {
        Credential utf8 = pki.issueUser("/C=XX/O=Wharf Test/OU=  Mixed   CASE /CN=J\\xC3\\xBCrgen M\\xC3\\xBCller"
                + "/emailAddress=J@Example.ORG", Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(1)));
        for (Credential c : List.of(pki.ca(), pki.host(), pki.user(), utf8)) {
            Path file = Files.createTempFile(tmp, "cert", ".pem");
            Files.writeString(file, TestPki.pem(c.cert()));
            String[] out = ExternalProgram.run(Map.of(), tmp, "openssl", "x509", "-noout", "-in", file.toString(),
                    "-subject_hash", "-subject", "-nameopt", "compat").requireSuccess("openssl x509").stdout().split("\n");
            assertEquals(OpenSslHash.subjectHash(c.cert().getSubjectX500Principal()), out[0]);
            assertEquals("subject=" + c.dn(), out[1]);
        }
        assertTrue(Files.exists(pki.certDir().resolve(pki.caHash() + ".0")));
    }

    @Test
    void gridCertInfoPrintsTheSamePrincipal() throws Exception {
        String subject = ExternalProgram.run(env, tmp, "grid-cert-info", "-file", tmp.resolve("usercert.pem").toString(),
                "-subject").requireSuccess("grid-cert-info").stdout().strip();
        assertEquals(TestPki.USER_DN, subject);
        String issuer = ExternalProgram.run(env, tmp, "grid-cert-info", "-file", tmp.resolve("usercert.pem").toString(),
                "-issuer").requireSuccess("grid-cert-info").stdout().strip();
        assertEquals(TestPki.CA_DN, issuer);
        assertFalse(subject.contains(","));
    }
}
