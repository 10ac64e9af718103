package dev.wharf.server.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.wharf.server.config.ConfigException;
import dev.wharf.server.config.ConfigFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

class ServerTlsTest {

    @TempDir
    Path dir;

    @Test
    void selfSignedCertificateVerifiesForLocalhostAndLoopbackAddressOverTls13() throws Exception {
        ServerTls tls = ServerTls.selfSigned("127.0.0.1");
        X509Certificate anchor = tls.certificateChain().get(0);
        try (TlsProbe probe = new TlsProbe(tls.sslContext())) {
            SSLSession byName = probe.handshake("localhost", anchor);
            assertEquals("TLSv1.3", byName.getProtocol());
            SSLSession byAddress = probe.handshake("127.0.0.1", anchor);
            assertEquals("TLSv1.3", byAddress.getProtocol());
        }
        assertTrue(tls.isSelfSigned());
    }

    @Test
    void selfSignedCertificateNamesTheControlInterfaceButNotOtherHosts() throws Exception {
        ServerTls tls = ServerTls.selfSigned("127.0.0.5");
        X509Certificate anchor = tls.certificateChain().get(0);
        assertTrue(anchor.getSubjectAlternativeNames().stream().anyMatch(n -> n.get(1).equals("127.0.0.5")));
        try (TlsProbe probe = new TlsProbe(tls.sslContext())) {
            assertThrows(SSLHandshakeException.class, () -> probe.handshake("example.org", anchor));
        }
    }

    @Test
    void tls12ClientsGetAnAeadSuite() throws Exception {
        ServerTls tls = ServerTls.selfSigned(null);
        try (TlsProbe probe = new TlsProbe(tls.sslContext())) {
            SSLSession session = probe.handshake("localhost", tls.certificateChain().get(0), "TLSv1.2");
            assertEquals("TLSv1.2", session.getProtocol());
            assertTrue(session.getCipherSuite().startsWith("TLS_ECDHE_"), session.getCipherSuite());
            assertTrue(session.getCipherSuite().contains("_GCM_") || session.getCipherSuite().contains("CHACHA20"),
                    session.getCipherSuite());
        }
    }

    @Test
    void onlyTls12And13WithAeadSuitesAreEnabled() {
        javax.net.ssl.SSLEngine engine = ServerTls.selfSigned(null).sslContext()
                .newEngine(io.netty.buffer.ByteBufAllocator.DEFAULT);
        assertEquals(List.of("TLSv1.2", "TLSv1.3"), List.of(engine.getEnabledProtocols()).stream().sorted().toList());
        for (String suite : engine.getEnabledCipherSuites()) {
            assertTrue(suite.contains("_GCM_") || suite.contains("CHACHA20_POLY1305"), suite);
            assertTrue(suite.startsWith("TLS_AES_") || suite.startsWith("TLS_CHACHA20_") || suite.startsWith("TLS_ECDHE_"),
                    suite);
        }
    }

    @Test
    void aTls11ClientHelloIsAnsweredWithAProtocolVersionAlert() {
        byte[] alert = Tls11Hello.send(ServerTls.selfSigned(null).sslContext());
        assertEquals(0x15, alert[0], "record type alert");
        assertEquals(2, alert[5], "fatal");
        assertEquals(70, alert[6], "protocol_version");
    }

    @Test
    void loadsPkcs8RsaKeyWithCaChainAndServesTheWholeChain() throws Exception {
        KeyPair caKeys = TestCertificates.rsa();
        X509Certificate ca = TestCertificates.certificate("CN=Test CA", caKeys.getPublic(), "CN=Test CA",
                caKeys.getPrivate(), true);
        KeyPair leafKeys = TestCertificates.rsa();
        X509Certificate leaf = TestCertificates.certificate("CN=localhost", leafKeys.getPublic(), "CN=Test CA",
                caKeys.getPrivate(), false);
        Path cert = TestCertificates.write(dir, "chain.pem", TestCertificates.pem(leaf, ca));
        Path key = TestCertificates.write(dir, "key.pem", TestCertificates.pkcs8(leafKeys.getPrivate()));
        assertTrue(java.nio.file.Files.readString(key).startsWith("-----BEGIN PRIVATE KEY-----"));

        ServerTls tls = ServerTls.fromConfig(ConfigFile.of(Map.of(
                "tls.certificate", cert.toString(), "tls.key", key.toString())));
        assertFalse(tls.isSelfSigned());
        assertEquals(2, tls.certificateChain().size());
        try (TlsProbe probe = new TlsProbe(tls.sslContext())) {
            SSLSession session = probe.handshake("localhost", ca);
            assertEquals(2, session.getPeerCertificates().length);
        }
    }

    @Test
    void loadsPkcs1RsaKey() throws Exception {
        KeyPair keys = TestCertificates.rsa();
        loadsKey(keys, TestCertificates.pkcs1(keys.getPrivate()), "-----BEGIN RSA PRIVATE KEY-----");
    }

    @Test
    void loadsSec1EcKey() throws Exception {
        KeyPair keys = TestCertificates.ec();
        loadsKey(keys, TestCertificates.sec1(keys.getPrivate()), "-----BEGIN EC PRIVATE KEY-----");
    }

    @Test
    void loadsPkcs8EcKey() throws Exception {
        KeyPair keys = TestCertificates.ec();
        loadsKey(keys, TestCertificates.pkcs8(keys.getPrivate()), "-----BEGIN PRIVATE KEY-----");
    }

    private void loadsKey(KeyPair keys, String keyPem, String header) throws Exception {
        assertTrue(keyPem.startsWith(header), keyPem);
        Path cert = TestCertificates.write(dir, "cert.pem", TestCertificates.pem(TestCertificates.selfSigned(keys)));
        Path key = TestCertificates.write(dir, "key.pem", keyPem);
        handshakesWith(ServerTls.fromPem(cert, key));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ec", "rsa"})
    void loadsFilesWrittenByOpenssl(String type) throws Exception {
        Path cert = Path.of(getClass().getResource("/tls/openssl-" + type + "-cert.pem").toURI());
        // git does not keep the 0600 the key was written with
        Path key = TestCertificates.write(dir, "key.pem", Files.readString(
                Path.of(getClass().getResource("/tls/openssl-" + type + "-key.pem").toURI())));
        handshakesWith(ServerTls.fromPem(cert, key));
    }

    private static void handshakesWith(ServerTls tls) throws Exception {
        try (TlsProbe probe = new TlsProbe(tls.sslContext())) {
            assertEquals("TLSv1.3", probe.handshake("localhost", tls.certificateChain().get(0)).getProtocol());
        }
    }

    @Test
    void garbageCertificateFileIsAConfigErrorNamingKeyAndFile() throws Exception {
        KeyPair keys = TestCertificates.ec();
        Path cert = TestCertificates.write(dir, "cert.pem", "this is not PEM\n");
        Path key = TestCertificates.write(dir, "key.pem", TestCertificates.pkcs8(keys.getPrivate()));
        ConfigException e = assertThrows(ConfigException.class, () -> ServerTls.fromPem(cert, key));
        assertTrue(e.getMessage().contains("tls.certificate = " + cert), e.getMessage());
        assertTrue(e.getMessage().contains("no PEM CERTIFICATE block"), e.getMessage());
    }

    @Test
    void corruptBase64InsideACertificateBlockIsAConfigError() throws Exception {
        Path cert = TestCertificates.write(dir, "cert.pem",
                "-----BEGIN CERTIFICATE-----\nMIIB!!notbase64\n-----END CERTIFICATE-----\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ServerTls.fromPem(cert, cert));
        assertTrue(e.getMessage().startsWith("tls.certificate = " + cert), e.getMessage());
    }

    @Test
    void missingFilesAndKeysWithoutKeyBlocksAreConfigErrors() throws Exception {
        KeyPair keys = TestCertificates.ec();
        Path cert = TestCertificates.write(dir, "cert.pem", TestCertificates.pem(TestCertificates.selfSigned(keys)));
        ConfigException missing = assertThrows(ConfigException.class,
                () -> ServerTls.fromPem(cert, dir.resolve("nope.pem")));
        assertTrue(missing.getMessage().contains("tls.key") && missing.getMessage().contains("file not found"),
                missing.getMessage());
        ConfigException noKey = assertThrows(ConfigException.class, () -> ServerTls.fromPem(cert, cert));
        assertTrue(noKey.getMessage().contains("no PEM private key block"), noKey.getMessage());
    }

    @Test
    void encryptedKeyIsRefusedWithAHint() throws Exception {
        KeyPair keys = TestCertificates.rsa();
        Path cert = TestCertificates.write(dir, "cert.pem", TestCertificates.pem(TestCertificates.selfSigned(keys)));
        Path key = TestCertificates.write(dir, "key.pem", TestCertificates.encryptedPkcs8(keys.getPrivate()));
        ConfigException e = assertThrows(ConfigException.class, () -> ServerTls.fromPem(cert, key));
        assertTrue(e.getMessage().contains("encrypted"), e.getMessage());
    }

    @Test
    void keyOfAnotherCertificateIsRefused() throws Exception {
        Path cert = TestCertificates.write(dir, "cert.pem",
                TestCertificates.pem(TestCertificates.selfSigned(TestCertificates.ec())));
        Path key = TestCertificates.write(dir, "key.pem", TestCertificates.pkcs8(TestCertificates.ec().getPrivate()));
        ConfigException e = assertThrows(ConfigException.class, () -> ServerTls.fromPem(cert, key));
        assertTrue(e.getMessage().contains("is not the private key of the first certificate"), e.getMessage());
    }

    @Test
    void certificateWithoutKeyIsAConfigError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ServerTls.fromConfig(ConfigFile.of(Map.of("tls.certificate", "/etc/x.pem"))));
        assertTrue(e.getMessage().contains("must be set together"), e.getMessage());
    }

    @Test
    void noCertificateConfiguredMeansSelfSignedWithExactlyOneWarning() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(ServerTls.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            ServerTls tls = ServerTls.fromConfig(ConfigFile.of(Map.of("control.interface", "127.0.0.9")));
            assertTrue(tls.isSelfSigned());
            assertTrue(tls.certificateChain().get(0).getSubjectAlternativeNames().stream()
                    .anyMatch(n -> n.get(1).equals("127.0.0.9")));
            List<ILoggingEvent> warnings = appender.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
            assertEquals(1, warnings.size());
            assertTrue(warnings.get(0).getFormattedMessage().contains("self-signed"));
        } finally {
            logger.detachAppender(appender);
        }
    }
}
