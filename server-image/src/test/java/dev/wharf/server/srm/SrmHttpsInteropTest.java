package dev.wharf.server.srm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.gsi.ExternalProgram;
import dev.wharf.server.gsi.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same port as plain HTTPS with a client certificate (curl, OpenSSL): no GSI flag byte, the SOAP
 * call right after the TLS handshake. gfal2 cannot be told to do this (CGSI-gSOAP always runs the GSS
 * exchange, docs/srm.md); Java SRM clients and scripts can.
 */
@Tag("interop")
class SrmHttpsInteropTest {

    @TempDir
    static Path tmp;
    static SrmTestServer server;
    static Path ca;

    @BeforeAll
    static void start() throws Exception {
        server = SrmTestServer.start(tmp);
        ca = server.pki().certDir().resolve(server.pki().caHash() + ".0");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ExternalProgram curl(TestPki.Credential who, String name, byte[] body) throws Exception {
        Path cert = tmp.resolve(name + "cert.pem");
        Path key = tmp.resolve(name + "key.pem");
        TestPki.writePem(who, cert, key);
        Path envelope = tmp.resolve(name + ".xml");
        Files.write(envelope, body);
        return ExternalProgram.run(Map.of(), tmp, "curl", "-sS", "--cacert", ca.toString(), "--cert", cert.toString(),
                "--key", key.toString(), "-H", "Content-Type: text/xml; charset=utf-8", "-H", "SOAPAction: \"\"",
                "--data-binary", "@" + envelope, "https://localhost:" + server.port("srm") + SrmSettings.ENDPOINT);
    }

    @Test
    void curlWithTheUsersCertificateListsADirectory() throws Exception {
        Files.createDirectories(server.root().resolve("https"));
        Files.writeString(server.root().resolve("https/f"), "1234");
        ExternalProgram r = curl(server.pki().user(), "user", SrmSessions.envelope("srmLs",
                "<srmLsRequest><arrayOfSURLs><urlArray>" + server.surl("/https") + "</urlArray></arrayOfSURLs></srmLsRequest>"));
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("<statusCode>SRM_SUCCESS</statusCode>"), r.stdout());
        assertTrue(r.stdout().contains("<path>/https/f</path>"), r.stdout());
    }

    @Test
    void curlWithoutACertificateGetsNoAnswer() throws Exception {
        Path envelope = tmp.resolve("anon.xml");
        Files.write(envelope, SrmSessions.envelope("srmPing", "<srmPingRequest/>"));
        ExternalProgram r = ExternalProgram.run(Map.of(), tmp, "curl", "-sS", "--cacert", ca.toString(),
                "--data-binary", "@" + envelope, "https://localhost:" + server.port("srm") + SrmSettings.ENDPOINT);
        assertNotEquals(0, r.exitCode(), r.stdout());
        assertTrue(!r.stdout().contains("srmPingResponse"), r.stdout());
        ExternalProgram after = curl(server.pki().user(), "again", SrmSessions.envelope("srmPing", "<srmPingRequest/>"));
        assertTrue(after.stdout().contains("<versionInfo>v2.2</versionInfo>"), after.stdout() + after.stderr());
    }
}
