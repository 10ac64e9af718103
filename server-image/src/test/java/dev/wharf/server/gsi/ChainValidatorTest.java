package dev.wharf.server.gsi;

import static dev.wharf.server.gsi.CertificateRejectedException.Reason.CRL_INVALID;
import static dev.wharf.server.gsi.CertificateRejectedException.Reason.EXPIRED;
import static dev.wharf.server.gsi.CertificateRejectedException.Reason.KEY_USAGE;
import static dev.wharf.server.gsi.CertificateRejectedException.Reason.MALFORMED_CHAIN;
import static dev.wharf.server.gsi.CertificateRejectedException.Reason.MALFORMED_PROXY;
import static dev.wharf.server.gsi.CertificateRejectedException.Reason.NOT_YET_VALID;
import static dev.wharf.server.gsi.CertificateRejectedException.Reason.REVOKED;
import static dev.wharf.server.gsi.CertificateRejectedException.Reason.SIGNING_POLICY;
import static dev.wharf.server.gsi.CertificateRejectedException.Reason.UNSUPPORTED_PROXY;
import static dev.wharf.server.gsi.CertificateRejectedException.Reason.UNTRUSTED_CA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.gsi.CertificateRejectedException.Reason;
import dev.wharf.server.gsi.TestPki.Credential;
import dev.wharf.server.gsi.TestPki.ProxyKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainValidatorTest {

    @TempDir
    static Path tmp;
    static TestPki pki;

    @BeforeAll
    static void pki() {
        pki = TestPki.create(tmp.resolve("certs"));
    }

    private static ChainValidator validator() {
        return new ChainValidator(new TrustAnchorDirectory(pki.certDir()));
    }

    private static ValidatedChain accept(Credential c) throws CertificateRejectedException {
        return validator().validate(c.chainArray());
    }

    private static CertificateRejectedException refuse(Reason reason, X509Certificate... chain) {
        CertificateRejectedException e = assertThrows(CertificateRejectedException.class,
                () -> validator().validate(chain));
        assertEquals(reason, e.reason(), e.toString());
        return e;
    }

    private static Duration hours(int h) {
        return Duration.ofHours(h);
    }

    @Test
    void endEntityAuthenticatesAsItself() throws Exception {
        ValidatedChain v = accept(pki.user());
        assertEquals(TestPki.USER_DN, v.principal());
        assertEquals(ProxyType.NONE, v.leafType());
        assertFalse(v.isProxy());
    }

    @Test
    void rfcProxyChainsMapToTheEndEntity() throws Exception {
        Credential p1 = TestPki.proxy(pki.user(), ProxyKind.RFC_IMPERSONATION, hours(12));
        Credential p2 = TestPki.proxy(p1, ProxyKind.RFC_IMPERSONATION, hours(1));
        ValidatedChain v = accept(p2);
        assertEquals(TestPki.USER_DN, v.principal());
        assertEquals(ProxyType.RFC_IMPERSONATION, v.leafType());
        assertFalse(v.limited());
        assertEquals(p2.cert().getNotAfter().toInstant(), v.notAfter());
        assertTrue(p2.dn().startsWith(TestPki.USER_DN + "/CN="));
    }

    @Test
    void limitedAndLegacyProxiesAreAccepted() throws Exception {
        ValidatedChain limited = accept(TestPki.proxy(pki.user(), ProxyKind.RFC_LIMITED, hours(1)));
        assertTrue(limited.limited());
        assertEquals(ProxyType.RFC_LIMITED, limited.leafType());
        Credential legacy = TestPki.proxy(pki.user(), ProxyKind.LEGACY, hours(1));
        assertEquals(TestPki.USER_DN + "/CN=proxy", legacy.dn());
        assertEquals(TestPki.USER_DN, accept(legacy).principal());
        ValidatedChain legacyLimited = accept(TestPki.proxy(legacy, ProxyKind.LEGACY_LIMITED, hours(1)));
        assertTrue(legacyLimited.limited());
        assertEquals(TestPki.USER_DN, legacyLimited.principal());
    }

    @Test
    void expiredOrNotYetValidCertificatesAnywhereInThePath() {
        Credential expiredProxy = new Credential(pki.user().key(), List.of(TestPki.signProxy(pki.user(),
                pki.user().cert().getPublicKey(), ProxyKind.RFC_IMPERSONATION, -1, Instant.now().minus(hours(3)),
                Instant.now().minus(hours(1))), pki.user().cert()));
        assertTrue(refuse(EXPIRED, expiredProxy.chainArray()).getMessage().contains("/CN=Jane Doe/CN="));
        Credential expiredUser = pki.issueUser("/C=XX/O=Wharf Test/CN=Old", Instant.now().minus(Duration.ofDays(9)),
                Instant.now().minus(Duration.ofDays(1)));
        refuse(EXPIRED, TestPki.proxy(expiredUser, ProxyKind.RFC_IMPERSONATION, hours(1)).chainArray());
        Credential future = pki.issueUser("/C=XX/O=Wharf Test/CN=Future", Instant.now().plus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(9)));
        refuse(NOT_YET_VALID, future.chainArray());
    }

    @Test
    void untrustedCaAndForgedSignatures() {
        Credential rogue = TestPki.untrustedCa();
        Credential rogueUser = TestPki.issue(rogue, TestPki.USER_DN, TestPki.newKeyPair(), Instant.now().minus(hours(1)),
                Instant.now().plus(hours(5)), false, TestPki.EE_USAGE);
        assertEquals("no trusted CA /C=XX/O=Rogue/CN=Rogue CA issued " + TestPki.USER_DN,
                refuse(UNTRUSTED_CA, rogueUser.chainArray()).getMessage());
        refuse(UNTRUSTED_CA, rogueUser.cert(), rogue.cert());
        // A proxy "signed" by someone else's key for the user's name: the link checks the signature.
        Credential forger = TestPki.issue(rogue, "/C=XX/O=Rogue/CN=Forger", TestPki.newKeyPair(),
                Instant.now().minus(hours(1)), Instant.now().plus(hours(5)), false, TestPki.EE_USAGE);
        X509Certificate forged = TestPki.signProxy(new Credential(forger.key(), pki.user().chain()),
                forger.cert().getPublicKey(), ProxyKind.RFC_IMPERSONATION, -1, Instant.now().minus(hours(1)),
                Instant.now().plus(hours(1)));
        refuse(UNTRUSTED_CA, forged, pki.user().cert());
    }

    @Test
    void revokedCertificatesAndBadCrls() throws Exception {
        Credential victim = pki.issueUser("/C=XX/O=Wharf Test/CN=Revoked", Instant.now().minus(hours(1)),
                Instant.now().plus(hours(5)));
        pki.revoke(victim.cert());
        try {
            refuse(REVOKED, TestPki.proxy(victim, ProxyKind.RFC_IMPERSONATION, hours(1)).chainArray());
            accept(pki.user());
            pki.writeCrl(Instant.now().minus(hours(1)));
            assertTrue(refuse(CRL_INVALID, pki.user().chainArray()).getMessage().contains("expired"));
        } finally {
            Files.delete(pki.certDir().resolve(pki.caHash() + ".r0"));
        }
    }

    @Test
    void signingPolicyIsEnforcedAndRequired() throws Exception {
        Credential outside = pki.issueUser("/C=XX/O=Elsewhere/CN=Outsider", Instant.now().minus(hours(1)),
                Instant.now().plus(hours(5)));
        assertEquals("signing policy of CA " + TestPki.CA_DN + " does not allow subject /C=XX/O=Elsewhere/CN=Outsider",
                refuse(SIGNING_POLICY, outside.chainArray()).getMessage());
        Path policy = pki.certDir().resolve(pki.caHash() + ".signing_policy");
        Path aside = tmp.resolve("policy");
        Files.move(policy, aside);
        try {
            assertTrue(refuse(SIGNING_POLICY, pki.user().chainArray()).getMessage().startsWith("no signing policy"));
        } finally {
            Files.move(aside, policy);
        }
    }

    @Test
    void proxyRulesRefuseMalformedProxies() {
        Credential user = pki.user();
        // Path length 0 on the first proxy forbids a second proxy below it.
        X509Certificate p1 = TestPki.signProxy(user, user.cert().getPublicKey(), ProxyKind.RFC_IMPERSONATION, 0,
                Instant.now().minus(hours(1)), Instant.now().plus(hours(2)));
        Credential p1c = new Credential(user.key(), List.of(p1, user.cert()));
        accept0(p1c);
        Credential p2 = TestPki.proxy(p1c, ProxyKind.RFC_IMPERSONATION, hours(1));
        assertTrue(refuse(MALFORMED_PROXY, p2.chainArray()).getMessage().contains("allows 0 further proxies"));
        // A limited proxy cannot sign a full one.
        Credential limited = TestPki.proxy(user, ProxyKind.RFC_LIMITED, hours(2));
        refuse(MALFORMED_PROXY, TestPki.proxy(limited, ProxyKind.RFC_IMPERSONATION, hours(1)).chainArray());
        // Generations do not mix.
        Credential legacy = TestPki.proxy(user, ProxyKind.LEGACY, hours(2));
        refuse(MALFORMED_PROXY, TestPki.proxy(legacy, ProxyKind.RFC_IMPERSONATION, hours(1)).chainArray());
        // Independent proxies are not accepted.
        refuse(UNSUPPORTED_PROXY, TestPki.proxy(user, ProxyKind.RFC_INDEPENDENT, hours(1)).chainArray());
    }

    @Test
    void proxySubjectMustExtendTheIssuerByOneCn() {
        Credential user = pki.user();
        Credential other = pki.issueUser("/C=XX/O=Wharf Test/CN=Other", Instant.now().minus(hours(1)),
                Instant.now().plus(hours(5)));
        // Other's proxy presented as if issued by Jane: the chain does not link.
        X509Certificate otherProxy = TestPki.proxy(other, ProxyKind.RFC_IMPERSONATION, hours(1)).cert();
        refuse(MALFORMED_CHAIN, otherProxy, user.cert());
        // An end-entity certificate signing another certificate is not a CA.
        X509Certificate fake = TestPki.issue(user, "/C=XX/O=Wharf Test/CN=Sub", TestPki.newKeyPair(),
                Instant.now().minus(hours(1)), Instant.now().plus(hours(1)), false, TestPki.EE_USAGE).cert();
        assertTrue(refuse(KEY_USAGE, fake, user.cert()).getMessage().contains("is not a CA"));
    }

    @Test
    void issuerWithoutDigitalSignatureCannotSignProxies() {
        Credential bare = TestPki.issue(pki.ca(), "/C=XX/O=Wharf Test/CN=Bare", TestPki.newKeyPair(),
                Instant.now().minus(hours(1)), Instant.now().plus(hours(5)), false, 0);
        accept0(TestPki.proxy(bare, ProxyKind.RFC_IMPERSONATION, hours(1)));
        Credential noDs = TestPki.issue(pki.ca(), "/C=XX/O=Wharf Test/CN=NoDS", TestPki.newKeyPair(),
                Instant.now().minus(hours(1)), Instant.now().plus(hours(5)), false,
                org.bouncycastle.asn1.x509.KeyUsage.keyEncipherment);
        assertTrue(refuse(KEY_USAGE, TestPki.proxy(noDs, ProxyKind.RFC_IMPERSONATION, hours(1)).chainArray())
                .getMessage().contains("lacks the digitalSignature key usage"));
    }

    @Test
    void emptyChainAndSelfPresentedUntrustedRoot() {
        refuse(MALFORMED_CHAIN);
        Credential rogue = TestPki.untrustedCa();
        refuse(UNTRUSTED_CA, rogue.cert());
    }

    @Test
    void caCertificateCannotAuthenticate() {
        assertEquals("no end-entity certificate in the chain", refuse(MALFORMED_CHAIN, pki.ca().cert()).getMessage());
    }

    private static void accept0(Credential c) {
        try {
            accept(c);
        } catch (CertificateRejectedException e) {
            throw new AssertionError(e.toString(), e);
        }
    }

    @Test
    void intermediateCasFromTheTrustDirectoryOrFromTheClient() throws Exception {
        Credential installed = pki.subCa("/C=XX/O=Wharf Test/CN=Installed Sub CA", true);
        Credential viaInstalled = TestPki.issue(installed, "/C=XX/O=Wharf Test/CN=Sub User", TestPki.newKeyPair(),
                Instant.now().minus(hours(1)), Instant.now().plus(hours(5)), false, TestPki.EE_USAGE);
        // The client sends only its own certificate; the intermediate comes from the directory.
        assertEquals("/C=XX/O=Wharf Test/CN=Sub User", validator().validate(new X509Certificate[] {viaInstalled.cert()})
                .principal());
        Credential sent = pki.subCa("/C=XX/O=Wharf Test/CN=Sent Sub CA", false);
        Credential viaSent = TestPki.issue(sent, "/C=XX/O=Wharf Test/CN=Other Sub User", TestPki.newKeyPair(),
                Instant.now().minus(hours(1)), Instant.now().plus(hours(5)), false, TestPki.EE_USAGE);
        assertEquals(2, viaSent.chain().size());
        ValidatedChain v = accept(TestPki.proxy(viaSent, ProxyKind.RFC_IMPERSONATION, hours(1)));
        assertEquals("/C=XX/O=Wharf Test/CN=Other Sub User", v.principal());
        refuse(UNTRUSTED_CA, viaSent.cert());
        Files.delete(pki.certDir().resolve(OpenSslHash.subjectHash(sent.cert().getSubjectX500Principal())
                + ".signing_policy"));
        assertTrue(refuse(SIGNING_POLICY, viaSent.chainArray()).getMessage()
                .startsWith("no signing policy for CA /C=XX/O=Wharf Test/CN=Sent Sub CA"));
    }

    @Test
    void aRevokedIntermediateTakesItsUsersDown() throws Exception {
        Credential sub = pki.subCa("/C=XX/O=Wharf Test/CN=Doomed Sub CA", false);
        Credential user = TestPki.issue(sub, "/C=XX/O=Wharf Test/CN=Doomed User", TestPki.newKeyPair(),
                Instant.now().minus(hours(1)), Instant.now().plus(hours(5)), false, TestPki.EE_USAGE);
        accept0(user);
        pki.revoke(sub.cert());
        try {
            assertTrue(refuse(REVOKED, user.chainArray()).getMessage().contains("Doomed Sub CA"));
        } finally {
            Files.delete(pki.certDir().resolve(pki.caHash() + ".r0"));
        }
    }

    @Test
    void anIntermediateWithPathLengthZeroCannotSignAnotherCa() throws Exception {
        Credential sub = pki.subCa("/C=XX/O=Wharf Test/CN=Leaf-only Sub CA", false);
        Instant now = Instant.now();
        java.security.KeyPair deepKeys = TestPki.newKeyPair();
        var b = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(sub.cert(), TestPki.serial(),
                java.util.Date.from(now.minus(hours(1))), java.util.Date.from(now.plus(hours(5))),
                OpenSslDn.parse("/C=XX/O=Wharf Test/CN=Too Deep CA"), deepKeys.getPublic());
        b.addExtension(org.bouncycastle.asn1.x509.Extension.basicConstraints, true,
                new org.bouncycastle.asn1.x509.BasicConstraints(true));
        Credential deepCa = new Credential(deepKeys.getPrivate(), List.of(TestPki.sign(b, sub.key()), sub.cert()));
        pki.writeSigningPolicy(deepCa, "/C=XX/O=Wharf Test/*");
        Credential user = TestPki.issue(deepCa, "/C=XX/O=Wharf Test/CN=Deep User", TestPki.newKeyPair(),
                now.minus(hours(1)), now.plus(hours(5)), false, TestPki.EE_USAGE);
        assertTrue(refuse(KEY_USAGE, user.chainArray()).getMessage().contains("path length 0 exceeded"));
    }
}
