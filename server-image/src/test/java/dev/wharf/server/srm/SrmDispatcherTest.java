package dev.wharf.server.srm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.acl.AccessPolicy;
import dev.wharf.server.log.ClientMistakes;
import dev.wharf.server.srm.namespace.SrmPing;
import dev.wharf.server.srm.v22.TStatusCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

class SrmDispatcherTest {

    @TempDir
    Path root;

    private final SrmDispatcher dispatcher = new SrmDispatcher(SrmOperations.of(new SrmPing()),
            new ClientMistakes(LoggerFactory.getLogger(SrmDispatcherTest.class), Level.INFO));

    private String dispatch(byte[] body) throws Exception {
        SrmDispatcher.Answer a = dispatcher.dispatch(body, SrmSessions.at(root, AccessPolicy.ALLOW_ALL));
        return a.httpStatus() + " " + new String(a.body(), StandardCharsets.UTF_8);
    }

    @Test
    void pingAnswersVersionTwoPointTwoInItsResponseElement() throws Exception {
        String answer = dispatch(SrmSessions.envelope("srmPing",
                "<srmPingRequest xsi:type=\"srm2:srmPingRequest\"><authorizationID xsi:nil=\"true\"/></srmPingRequest>"));
        assertTrue(answer.startsWith("200 "), answer);
        assertTrue(answer.contains("<srm:srmPingResponse"), answer);
        assertTrue(answer.contains("<srmPingResponse><versionInfo>v2.2</versionInfo>"), answer);
    }

    @Test
    void aCallWithoutItsPartIsDecodedAsAnEmptyRequest() throws Exception {
        assertTrue(dispatch(SrmSessions.envelope("srmPing", "")).contains("<versionInfo>v2.2</versionInfo>"));
    }

    @Test
    void anOperationOfTheWsdlWithoutHandlerIsNotSupported() throws Exception {
        String answer = dispatch(SrmSessions.envelope("srmReserveSpace", "<srmReserveSpaceRequest/>"));
        assertTrue(answer.startsWith("200 "), answer);
        assertTrue(answer.contains("<statusCode>SRM_NOT_SUPPORTED</statusCode>"), answer);
    }

    @Test
    void anUnknownOperationIsAClientFault() throws Exception {
        String answer = dispatch(SrmSessions.envelope("srmFormatDisk", "<x/>"));
        assertTrue(answer.startsWith("500 "), answer);
        assertTrue(answer.contains("<faultcode>SOAP-ENV:Client</faultcode>"), answer);
    }

    @Test
    void aDoctypeIsRefusedBeforeAnyEntityIsRead() throws Exception {
        String evil = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\"><SOAP-ENV:Body>"
                + "<srm2:srmPing xmlns:srm2=\"http://srm.lbl.gov/StorageResourceManager\"><srmPingRequest>"
                + "<authorizationID>&e;</authorizationID></srmPingRequest></srm2:srmPing></SOAP-ENV:Body></SOAP-ENV:Envelope>";
        String answer = dispatch(evil.getBytes(StandardCharsets.UTF_8));
        assertTrue(answer.startsWith("500 "), answer);
        assertTrue(answer.contains("DOCTYPE"), answer);
        assertTrue(!answer.contains("root:"), answer);
    }

    @Test
    void notXmlAtAllIsAClientFault() throws Exception {
        String answer = dispatch("GET / HTTP/1.0".getBytes(StandardCharsets.UTF_8));
        assertTrue(answer.startsWith("500 "), answer);
        assertTrue(answer.contains("malformed SOAP message"), answer);
    }

    @Test
    void nestingBeyondTheLimitIsRefused() throws Exception {
        String deep = "<a>".repeat(200) + "</a>".repeat(200);
        String answer = dispatch(SrmSessions.envelope("srmPing", "<srmPingRequest>" + deep + "</srmPingRequest>"));
        assertTrue(answer.startsWith("500 "), answer);
        assertTrue(answer.contains("deeper than"), answer);
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedNotGuessed() throws Exception {
        String answer = dispatch(SrmSessions.envelope("srmLs",
                "<srmLsRequest><arrayOfSURLs><urlArray>srm://h/x</urlArray></arrayOfSURLs><offset>many</offset></srmLsRequest>"));
        assertTrue(answer.startsWith("500 "), answer);
        assertTrue(answer.contains("Not a number: many"), answer);
    }

    @Test
    void aRefusedCallerGetsTheStatusInTheOperationsOwnResponse() {
        SrmDispatcher.Answer a = dispatcher.refuse(SrmSessions.envelope("srmLs", "<srmLsRequest/>"),
                TStatusCode.SRM_AUTHORIZATION_FAILURE, "DN not in the grid-mapfile");
        String body = new String(a.body(), StandardCharsets.UTF_8);
        assertEquals(200, a.httpStatus());
        assertTrue(body.contains("<srm:srmLsResponse"), body);
        assertTrue(body.contains("SRM_AUTHORIZATION_FAILURE"), body);
        assertTrue(body.contains("DN not in the grid-mapfile"), body);
    }
}
