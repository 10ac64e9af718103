package dev.wharf.server.gsi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.gsi.TestPki.ProxyKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptor on a byte stream (the SRM door's httpg): bytes arrive as the network cuts them, so the
 * client's first protected bytes may come in the same read as its last handshake token; and a plain
 * TLS client (HTTPS with a certificate) may use the same port.
 */
class GsiStreamAcceptorTest {

    @TempDir
    static Path tmp;
    static TestPki pki;
    static GsiService service;
    static final byte[] REQUEST = "POST /srm/managerv2 HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);

    @BeforeAll
    static void start() throws Exception {
        pki = TestPki.create(tmp.resolve("certificates"));
        service = GsiService.start(pki.settings(tmp, List.of("TLSv1.2", "TLSv1.3")));
    }

    private static byte[] join(byte[] a, byte[] b) {
        return TlsTokenEngine.concat(a, b);
    }

    @Test
    void theStreamAcceptorNegotiatesTls12() throws Exception {
        GsiAcceptor acceptor = service.newStreamAcceptor();
        GsiInitiator offersBoth = new GsiInitiator(GsiTls.clientEngine(GsiTls.context(pki.user().key(), pki.user().chain(),
                new GsiTrustManager(service.validator())), List.of("TLSv1.3", "TLSv1.2")), service.validator(),
                GsiAcceptor.Mode.GSI, null);
        GsiAcceptorTest.exchange(acceptor, offersBoth);
        assertEquals("TLSv1.2", acceptor.protocol(), "TLS 1.2: no session tickets after the context exists");
    }

    @Test
    void protectedBytesInTheSameReadAsTheDelegatedCertificateAreKept() throws Exception {
        GsiAcceptor acceptor = service.newStreamAcceptor();
        GsiInitiator initiator = GsiAcceptorTest.initiator(pki.user(), "TLSv1.2", ProxyKind.RFC_IMPERSONATION,
                service.validator(), GsiAcceptor.Mode.GSI);
        byte[] token = initiator.initToken(new byte[0]);
        while (!initiator.isEstablished()) {
            token = initiator.initToken(acceptor.accept(token));
        }
        // the last token (the signed proxy) and the HTTP request arrive together
        acceptor.accept(join(token, initiator.wrap(REQUEST)));
        assertTrue(acceptor.isEstablished());
        assertTrue(acceptor.delegatedCredential().isPresent());
        assertArrayEquals(REQUEST, acceptor.unwrap(new byte[0]));
    }

    @Test
    void theFlagByteAndTheRequestInOneReadAreSplitCorrectly() throws Exception {
        GsiAcceptor acceptor = service.newStreamAcceptor();
        GsiInitiator initiator = GsiAcceptorTest.initiator(pki.user(), "TLSv1.2", null, service.validator(),
                GsiAcceptor.Mode.GSI);
        byte[] token = initiator.initToken(new byte[0]);
        while (!initiator.isEstablished()) {
            byte[] reply = acceptor.accept(token);
            token = initiator.initToken(reply);
        }
        acceptor.accept(join(token, initiator.wrap(REQUEST)));
        assertTrue(acceptor.isEstablished());
        assertArrayEquals(REQUEST, acceptor.unwrap(new byte[0]));
    }

    @Test
    void aPlainTlsClientIsServedOnTheSamePort() throws Exception {
        GsiAcceptor acceptor = service.newStreamAcceptor();
        TlsTokenEngine client = new TlsTokenEngine(GsiTls.clientEngine(GsiTls.context(pki.user().key(),
                pki.user().chain(), new GsiTrustManager(service.validator())), List.of("TLSv1.2")));
        byte[] token = client.feed(new byte[0]);
        while (!client.handshakeDone()) {
            token = client.feed(acceptor.accept(token));
        }
        acceptor.accept(join(token, client.wrap(REQUEST)));
        assertTrue(acceptor.isEstablished(), "the first application byte 'P' is HTTP, not a GSI flag");
        assertEquals(TestPki.USER_DN, acceptor.principal());
        assertArrayEquals(REQUEST, acceptor.unwrap(new byte[0]));
        client.feed(acceptor.wrap("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("HTTP/1.1 200 OK\r\n", new String(client.takeApplicationData(), StandardCharsets.US_ASCII));
    }
}
