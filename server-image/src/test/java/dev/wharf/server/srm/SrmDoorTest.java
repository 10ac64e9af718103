package dev.wharf.server.srm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.gsi.TestPki;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The srm door over real sockets with a Java httpg client: the GSI handshake and delegation on the
 * stream, and every refusal (unmapped DN, malformed envelope, oversized body, broken HTTP, bytes that
 * are not TLS) answered or closed while the door keeps serving the next client.
 */
class SrmDoorTest {

    @TempDir
    static Path tmp;
    static SrmTestServer server;
    static final byte[] PING = SrmSessions.envelope("srmPing", "<srmPingRequest/>");

    @BeforeAll
    static void start() throws Exception {
        server = SrmTestServer.start(tmp, Map.of("srm.max-request-bytes", "8192"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpgTestClient connect(boolean delegate) throws Exception {
        return HttpgTestClient.connect(server.port("srm"), server.pki(), server.pki().user(), delegate);
    }

    /** A fresh connection still gets srmPing answered: the door is serving. */
    private static void assertServing() throws Exception {
        try (HttpgTestClient c = connect(false)) {
            HttpgTestClient.Answer a = c.post(SrmSettings.ENDPOINT, PING);
            assertEquals(200, a.status(), a.body());
            assertTrue(a.body().contains("<versionInfo>v2.2</versionInfo>"), a.body());
        }
    }

    @Test
    void pingOverHttpgAndSeveralCallsOnOneConnection() throws Exception {
        try (HttpgTestClient c = connect(false)) {
            for (int i = 0; i < 3; i++) {
                HttpgTestClient.Answer a = c.post(SrmSettings.ENDPOINT, PING);
                assertEquals(200, a.status());
                assertTrue(a.body().contains("<srm:srmPingResponse"), a.body());
            }
        }
    }

    @Test
    void aDelegatingClientIsServedOnTheSameStream() throws Exception {
        try (HttpgTestClient c = connect(true)) {
            HttpgTestClient.Answer a = c.post(SrmSettings.ENDPOINT, PING);
            assertEquals(200, a.status(), a.body());
            assertTrue(a.body().contains("v2.2"), a.body());
        }
    }

    @Test
    void anUnmappedDnIsAnsweredWithAuthorizationFailureAndClosed() throws Exception {
        TestPki.Credential stranger = server.pki().issueUser("/C=XX/O=Wharf Test/OU=People/CN=Stranger",
                Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(1)));
        try (HttpgTestClient c = HttpgTestClient.connect(server.port("srm"), server.pki(), stranger, false)) {
            HttpgTestClient.Answer a = c.post(SrmSettings.ENDPOINT, SrmSessions.envelope("srmLs",
                    "<srmLsRequest><arrayOfSURLs><urlArray>srm://localhost/x</urlArray></arrayOfSURLs></srmLsRequest>"));
            assertEquals(200, a.status());
            assertTrue(a.body().contains("<statusCode>SRM_AUTHORIZATION_FAILURE</statusCode>"), a.body());
            assertTrue(a.body().contains("grid-mapfile"), a.body());
            assertTrue(c.closedByServer(), "a refused caller's connection stays open");
        }
        assertServing();
    }

    @Test
    void aMalformedEnvelopeIsAClientFaultAndTheConnectionGoesOn() throws Exception {
        try (HttpgTestClient c = connect(false)) {
            HttpgTestClient.Answer a = c.post(SrmSettings.ENDPOINT, "<SOAP-ENV:Envelope><unclosed>".getBytes(StandardCharsets.UTF_8));
            assertEquals(500, a.status());
            assertTrue(a.body().contains("<faultcode>SOAP-ENV:Client</faultcode>"), a.body());
            assertEquals(200, c.post(SrmSettings.ENDPOINT, PING).status());
        }
        assertServing();
    }

    @Test
    void anOversizedBodyIs413AndClosed() throws Exception {
        try (HttpgTestClient c = connect(false)) {
            byte[] big = SrmSessions.envelope("srmPing", "<srmPingRequest><authorizationID>"
                    + "x".repeat(20_000) + "</authorizationID></srmPingRequest>");
            HttpgTestClient.Answer a = c.post(SrmSettings.ENDPOINT, big);
            assertEquals(413, a.status());
            assertTrue(c.closedByServer(), "the connection of an oversized request stays open");
        }
        assertServing();
    }

    @Test
    void wrongPathAndMethodAreHttpErrors() throws Exception {
        try (HttpgTestClient c = connect(false)) {
            assertEquals(404, c.post("/srm/managerv1", PING).status());
            assertEquals(405, c.sendRaw("GET /srm/managerv2 HTTP/1.1\r\nHost: x\r\n\r\n").status());
        }
        assertServing();
    }

    @Test
    void bytesThatAreNotTlsCloseTheConnection() throws Exception {
        try (Socket plain = new Socket("127.0.0.1", server.port("srm"))) {
            plain.setSoTimeout(10_000);
            plain.getOutputStream().write("POST /srm/managerv2 HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] answer = plain.getInputStream().readAllBytes();
            // at most a TLS alert record (content type 21), never HTTP in clear; then the connection ends
            assertTrue(answer.length == 0 || answer[0] == 21, new String(answer, StandardCharsets.ISO_8859_1));
        }
        assertServing();
    }

    @Test
    void aClientThatPipelinesManyCallsIsCutOff() throws Exception {
        try (HttpgTestClient c = connect(false)) {
            int answered = c.pipelineUntilClosed(SrmSettings.ENDPOINT, PING, 200);
            assertTrue(answered < SrmHttpHandler.MAX_PIPELINED, answered + " of 200 pipelined calls were answered");
            assertTrue(c.closedByServer());
        }
        assertServing();
    }
}
