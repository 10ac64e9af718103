package dev.wharf.server.gsi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.gsi.CertificateRejectedException.Reason;
import dev.wharf.server.gsi.TestPki.Credential;
import dev.wharf.server.gsi.TestPki.ProxyKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The acceptor against a Java GSS initiator, token by token, as AUTH GSSAPI / ADAT carries them. */
class GsiAcceptorTest {

    @TempDir
    static Path tmp;
    static TestPki pki;
    static GsiService service;

    @BeforeAll
    static void start() throws Exception {
        pki = TestPki.create(tmp.resolve("certificates"));
        service = GsiService.start(pki.settings(tmp, List.of("TLSv1.2", "TLSv1.3")));
    }

    /** Runs the exchange like a door: each initiator token is one ADAT; returns the number of ADATs. */
    static int exchange(GsiAcceptor acceptor, GsiInitiator initiator) throws Exception {
        byte[] token = initiator.initToken(new byte[0]);
        for (int adats = 1; adats <= 10; adats++) {
            byte[] reply = acceptor.accept(token);
            if (acceptor.isEstablished()) {
                if (reply.length > 0 && !initiator.isEstablished()) {
                    initiator.initToken(reply);
                } else if (reply.length > 0) {
                    // Post-handshake records (TLS 1.3 session tickets) after an SSL-compatible handshake.
                    assertArrayEquals(new byte[0], initiator.unwrap(reply));
                }
                assertTrue(initiator.isEstablished(), "acceptor finished before the initiator");
                return adats;
            }
            token = initiator.initToken(reply);
        }
        throw new AssertionError("no context after 10 ADAT round trips");
    }

    private static GsiInitiator initiator(Credential c, String protocol, ProxyKind delegation) throws Exception {
        return initiator(c, protocol, delegation, service.validator(), GsiAcceptor.Mode.GSI);
    }

    /** A Java GSS initiator with {@code c}; with {@code delegation} it signs proxies of that kind on request. */
    static GsiInitiator initiator(Credential c, String protocol, ProxyKind delegation, ChainValidator validator,
            GsiAcceptor.Mode mode) throws Exception {
        GsiInitiator.ProxySigner signer = delegation == null ? null : key -> TestPki.signProxy(c, key, delegation, -1,
                Instant.now().minus(Duration.ofMinutes(5)), Instant.now().plus(Duration.ofHours(1)));
        return new GsiInitiator(GsiTls.clientEngine(GsiTls.context(c.key(), c.chain(), new GsiTrustManager(validator)),
                List.of(protocol)), validator, mode, signer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void limitedDelegationFromAnRfcProxyAsGlobusUrlCopyDoes(String protocol) throws Exception {
        Credential proxy = TestPki.proxy(pki.user(), ProxyKind.RFC_IMPERSONATION, Duration.ofHours(12));
        GsiAcceptor acceptor = service.newAcceptor();
        GsiInitiator initiator = initiator(proxy, protocol, ProxyKind.RFC_LIMITED);
        int adats = exchange(acceptor, initiator);
        if (protocol.equals("TLSv1.2")) {
            assertEquals(4, adats, "ClientHello, client flight, 'D', proxy certificate");
        }
        assertEquals(protocol, acceptor.protocol());
        assertEquals(TestPki.USER_DN, acceptor.principal());
        assertEquals(ProxyType.RFC_IMPERSONATION, acceptor.peer().leafType());
        DelegatedCredential delegated = acceptor.delegatedCredential().orElseThrow();
        assertTrue(delegated.limited());
        assertEquals(TestPki.USER_DN, delegated.validated().principal());
        assertEquals(proxy.chain().size() + 1, delegated.chain().size());
        assertTrue(delegated.certificate().getSubjectX500Principal().getName().contains("Jane Doe"));
        assertTrue(PemCredential.matches(delegated.key(), delegated.certificate()));
        assertFalse(delegated.toString().contains("PRIVATE"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void noDelegationWithTheEndEntityCertificate(String protocol) throws Exception {
        GsiAcceptor acceptor = service.newAcceptor();
        exchange(acceptor, initiator(pki.user(), protocol, null));
        assertEquals(TestPki.USER_DN, acceptor.principal());
        assertEquals(Optional.empty(), acceptor.delegatedCredential());
        assertFalse(acceptor.peer().isProxy());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void wrapAndUnwrapBothWaysIncludingLargeAndSplitMessages(String protocol) throws Exception {
        GsiAcceptor acceptor = service.newAcceptor();
        GsiInitiator initiator = initiator(TestPki.proxy(pki.user(), ProxyKind.LEGACY, Duration.ofHours(1)),
                protocol, ProxyKind.LEGACY_LIMITED);
        exchange(acceptor, initiator);
        assertTrue(acceptor.delegatedCredential().orElseThrow().limited());

        byte[] command = "USER :globus-mapping:\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] wrapped = initiator.wrap(command);
        assertFalse(Arrays.equals(command, Arrays.copyOfRange(wrapped, 5, wrapped.length)), "wrapped must not be clear");
        assertArrayEquals(command, acceptor.unwrap(wrapped));

        byte[] reply = "230 User logged in.\r\n\0".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(reply, initiator.unwrap(acceptor.wrap(reply)));

        byte[] large = new byte[100_000];
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) (i * 31);
        }
        byte[] bigToken = acceptor.wrap(large);
        assertArrayEquals(large, initiator.unwrap(bigToken));

        byte[] split = initiator.wrap(command);
        assertArrayEquals(new byte[0], acceptor.unwrap(Arrays.copyOf(split, 7)));
        assertArrayEquals(command, acceptor.unwrap(Arrays.copyOfRange(split, 7, split.length)));
    }

    @Test
    void sslCompatibleModeHasNoFlagByte() throws Exception {
        GsiAcceptor acceptor = service.newAcceptor(GsiAcceptor.Mode.SSL_COMPATIBLE);
        SslClient client = new SslClient(pki.user());
        byte[] token = client.feed(new byte[0]);
        while (!acceptor.isEstablished()) {
            token = client.feed(acceptor.accept(token));
        }
        assertEquals(TestPki.USER_DN, acceptor.principal());
        assertArrayEquals("data".getBytes(), client.unwrap(acceptor.wrap("data".getBytes())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void dataChannelBetweenTwoSessionsUsesTheDelegatedCredentialOnBothSides(String protocol) throws Exception {
        GsiAcceptor control = service.newAcceptor();
        exchange(control, initiator(TestPki.proxy(pki.user(), ProxyKind.RFC_IMPERSONATION, Duration.ofHours(2)),
                protocol, ProxyKind.RFC_LIMITED));
        DelegatedCredential delegated = control.delegatedCredential().orElseThrow();
        for (GsiAcceptor.Mode mode : GsiAcceptor.Mode.values()) {
            GsiAcceptor passive = service.newAcceptor(delegated, mode);
            GsiInitiator active = service.newInitiator(delegated, mode);
            exchange(passive, active);
            assertEquals(TestPki.USER_DN, passive.principal(), "DCAU A: the peer is the logged-in user");
            assertEquals(TestPki.USER_DN, active.peer().orElseThrow().principal());
            assertTrue(passive.peer().limited());
            assertArrayEquals("block".getBytes(), passive.unwrap(active.wrap("block".getBytes())));
        }
    }

    private static GsiAuthenticationException refused(Credential client) throws Exception {
        GsiAcceptor acceptor = service.newAcceptor();
        GsiInitiator initiator = initiator(client, "TLSv1.2", null);
        GsiAuthenticationException e = assertThrows(GsiAuthenticationException.class, () -> exchange(acceptor, initiator));
        assertFalse(acceptor.isEstablished());
        assertThrows(GsiAuthenticationException.class, () -> acceptor.accept(new byte[0]));
        return e;
    }

    @Test
    void refusesAnExpiredProxyWithItsReasonAndAnAlertForTheClient() throws Exception {
        X509Certificate expired = TestPki.signProxy(pki.user(), pki.user().cert().getPublicKey(),
                ProxyKind.RFC_IMPERSONATION, -1, Instant.now().minus(Duration.ofHours(3)),
                Instant.now().minus(Duration.ofHours(1)));
        GsiAuthenticationException e = refused(new Credential(pki.user().key(), List.of(expired, pki.user().cert())));
        assertEquals(Reason.EXPIRED, e.rejection().orElseThrow().reason());
        assertTrue(e.getMessage().startsWith("client certificate refused: EXPIRED: certificate " + TestPki.USER_DN
                + "/CN="), e.getMessage());
        assertTrue(e.outputToken().length > 0 && e.outputToken()[0] == 21, "a TLS alert record for the client");
    }

    @Test
    void refusesACertificateFromAnUntrustedCa() throws Exception {
        Credential rogue = TestPki.untrustedCa();
        Credential user = TestPki.issue(rogue, TestPki.USER_DN, TestPki.newKeyPair(), Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofHours(1)), false, TestPki.EE_USAGE);
        assertEquals(Reason.UNTRUSTED_CA, refused(user).rejection().orElseThrow().reason());
    }

    @Test
    void refusesARevokedCertificate() throws Exception {
        Credential victim = pki.issueUser("/C=XX/O=Wharf Test/CN=Revoked Acceptor", Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofHours(5)));
        pki.revoke(victim.cert());
        try {
            GsiService fresh = GsiService.start(service.settings());
            GsiAcceptor acceptor = fresh.newAcceptor();
            GsiInitiator initiator = initiator(TestPki.proxy(victim, ProxyKind.RFC_IMPERSONATION,
                    Duration.ofHours(1)), "TLSv1.2", null, fresh.validator(), GsiAcceptor.Mode.GSI);
            GsiAuthenticationException e = assertThrows(GsiAuthenticationException.class,
                    () -> exchange(acceptor, initiator));
            assertEquals(Reason.REVOKED, e.rejection().orElseThrow().reason());
        } finally {
            java.nio.file.Files.delete(pki.certDir().resolve(pki.caHash() + ".r0"));
        }
    }

    @Test
    void refusesABadFlagByte() throws Exception {
        GsiAcceptor acceptor = service.newAcceptor();
        SslClient client = new SslClient(pki.user());
        byte[] token = client.feed(new byte[0]);
        byte[] reply = acceptor.accept(token);
        token = client.feed(reply);
        client.feed(acceptor.accept(token));
        GsiAuthenticationException e = assertThrows(GsiAuthenticationException.class,
                () -> acceptor.accept(client.wrap(new byte[] {'X'})));
        assertEquals("delegation protocol violation: flag byte 0x58 is neither 'D' nor '0'", e.getMessage());
    }

    @Test
    void refusesADelegatedCertificateForAnotherKey() throws Exception {
        GsiAcceptor acceptor = service.newAcceptor();
        SslClient client = new SslClient(pki.user());
        byte[] token = client.feed(new byte[0]);
        token = client.feed(acceptor.accept(token));
        client.feed(acceptor.accept(token));
        byte[] request = client.unwrap(acceptor.accept(client.wrap(new byte[] {'D'})));
        assertEquals(0x30, request[0] & 0xff, "a DER PKCS#10 request");
        X509Certificate wrongKey = TestPki.proxy(pki.user(), ProxyKind.RFC_LIMITED, Duration.ofHours(1)).cert();
        byte[] der = wrongKey.getEncoded();
        // Sent in two records, as a client may: the acceptor waits for the whole DER object.
        assertArrayEquals(new byte[0], acceptor.accept(client.wrap(Arrays.copyOf(der, 100))));
        GsiAuthenticationException e = assertThrows(GsiAuthenticationException.class,
                () -> acceptor.accept(client.wrap(Arrays.copyOfRange(der, 100, der.length))));
        assertEquals(Reason.MALFORMED_PROXY, e.rejection().orElseThrow().reason());
        assertTrue(e.getMessage().contains("does not certify the requested key"), e.getMessage());
    }

    @Test
    void wrapBeforeEstablishmentIsAProgrammingError() {
        GsiAcceptor acceptor = service.newAcceptor();
        assertThrows(IllegalStateException.class, () -> acceptor.wrap(new byte[1]));
        assertThrows(IllegalStateException.class, acceptor::peer);
    }

    /** A bare TLS 1.2 client, for steps the initiator would not take on its own. */
    private static final class SslClient {
        private final TlsTokenEngine tls;

        SslClient(Credential c) throws Exception {
            this.tls = new TlsTokenEngine(GsiTls.clientEngine(GsiTls.context(c.key(), c.chain(),
                    new GsiTrustManager(service.validator())), List.of("TLSv1.2")));
        }

        byte[] feed(byte[] in) throws Exception {
            return tls.feed(in);
        }

        byte[] wrap(byte[] b) throws Exception {
            return tls.wrap(b);
        }

        byte[] unwrap(byte[] b) throws Exception {
            tls.feed(b);
            return tls.takeApplicationData();
        }
    }
}
