package dev.wharf.server.srm.transfer.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.acl.AccessPolicy;
import dev.wharf.server.log.ClientMistakes;
import dev.wharf.server.srm.SrmDispatcher;
import dev.wharf.server.srm.SrmOperations;
import dev.wharf.server.srm.SrmSession;
import dev.wharf.server.srm.SrmSessions;
import dev.wharf.server.srm.namespace.SrmPing;
import dev.wharf.server.srm.transfer.RequestStore;
import dev.wharf.server.srm.transfer.TransferLimits;
import dev.wharf.server.srm.transfer.TransferService;
import dev.wharf.server.srm.transfer.TurlPlanner;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The eight transfer operations at the SOAP level: gSOAP-shaped envelopes (as srm-ifce sends them)
 * through the door's dispatcher, answers read from the XML it writes. One test per call's statuses.
 */
class SrmTransferCallsTest {

    static final String SURL = "srm://localhost:8443/srm/managerv2?SFN=";

    @TempDir Path root;
    final List<Runnable> background = new ArrayList<>();
    SrmDispatcher dispatcher;
    SrmSession session;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectory(root.resolve("data"));
        Files.writeString(root.resolve("data/a"), "hello");
        session = SrmSessions.at(root, AccessPolicy.ALLOW_ALL);
        TurlPlanner planner = new TurlPlanner(d -> d.equals("gridftp") ? Optional.of(new InetSocketAddress("127.0.0.1", 2811)) : Optional.empty(),
                Optional.empty(), InetAddress.getLoopbackAddress(), Optional.empty());
        RequestStore store = new RequestStore(new TransferLimits(100, 100, 100, Duration.ofMinutes(10), Duration.ofHours(1),
                Optional.empty()), Clock.systemUTC());
        TransferService service = new TransferService(store, planner, who -> session.storage(), background::add, true);
        dispatcher = new SrmDispatcher(new SrmTransfers(service).addTo(SrmOperations.of(new SrmPing())),
                new ClientMistakes(LoggerFactory.getLogger(SrmTransferCallsTest.class), Level.INFO));
    }

    @AfterEach
    void tearDown() {
        session.storage().close();
    }

    String call(String operation, String part) {
        SrmDispatcher.Answer a = dispatcher.dispatch(SrmSessions.envelope(operation,
                "<" + operation + "Request xsi:type=\"srm2:" + operation + "Request\">" + part + "</" + operation + "Request>"), session);
        String body = new String(a.body(), StandardCharsets.UTF_8);
        assertEquals(200, a.httpStatus(), body);
        return body;
    }

    static String getFiles(String... paths) {
        StringBuilder b = new StringBuilder("<arrayOfFileRequests>");
        for (String p : paths) {
            b.append("<requestArray><sourceSURL>").append(SURL).append(p).append("</sourceSURL></requestArray>");
        }
        return b.append("</arrayOfFileRequests>").toString();
    }

    static String putFiles(String... paths) {
        StringBuilder b = new StringBuilder("<arrayOfFileRequests>");
        for (String p : paths) {
            b.append("<requestArray><targetSURL>").append(SURL).append(p).append("</targetSURL>")
                    .append("<expectedFileSize>5</expectedFileSize></requestArray>");
        }
        return b.append("</arrayOfFileRequests>").toString();
    }

    static String protocols(String... names) {
        StringBuilder b = new StringBuilder("<transferParameters><arrayOfTransferProtocols>");
        for (String n : names) {
            b.append("<stringArray>").append(n).append("</stringArray>");
        }
        return b.append("</arrayOfTransferProtocols></transferParameters>").toString();
    }

    static String surls(String... paths) {
        StringBuilder b = new StringBuilder("<arrayOfSURLs>");
        for (String p : paths) {
            b.append("<urlArray>").append(SURL).append(p).append("</urlArray>");
        }
        return b.append("</arrayOfSURLs>").toString();
    }

    /** The status codes in document order: the request's first, then each file's. */
    static List<String> codes(String xml) {
        List<String> codes = new ArrayList<>();
        Matcher m = Pattern.compile("<statusCode>([A-Z_]+)</statusCode>").matcher(xml);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    static String token(String xml) {
        Matcher m = Pattern.compile("<requestToken>([0-9a-f]+)</requestToken>").matcher(xml);
        assertTrue(m.find(), xml);
        return m.group(1);
    }

    static String token(String tag, String token) {
        return "<requestToken>" + token + "</requestToken>";
    }

    @Test
    void prepareToGetPinsAndStatusOfGetRequestReportsTheTurl() {
        String answer = call("srmPrepareToGet", getFiles("/data/a") + "<desiredPinLifeTime>120</desiredPinLifeTime>"
                + protocols("rfio", "gsiftp"));
        assertEquals(List.of("SRM_SUCCESS", "SRM_FILE_PINNED"), codes(answer));
        assertTrue(answer.contains("<transferURL>gsiftp://127.0.0.1:2811/data/a</transferURL>"), answer);
        assertTrue(answer.contains("<fileSize>5</fileSize>"), answer);
        String status = call("srmStatusOfGetRequest", token("t", token(answer)));
        assertEquals(List.of("SRM_SUCCESS", "SRM_FILE_PINNED"), codes(status));
        assertTrue(status.contains("<remainingPinTime>"), status);
    }

    @Test
    void prepareToGetRefusals() {
        assertEquals(List.of("SRM_INVALID_PATH", "SRM_INVALID_PATH"), codes(call("srmPrepareToGet", getFiles("/data/none"))));
        assertEquals(List.of("SRM_NOT_SUPPORTED"), codes(call("srmPrepareToGet", getFiles("/data/a") + protocols("rfio"))));
        assertEquals(List.of("SRM_INVALID_REQUEST"), codes(call("srmPrepareToGet", "")));
        assertEquals(List.of("SRM_AUTHORIZATION_FAILURE", "SRM_AUTHORIZATION_FAILURE"),
                codes(call("srmPrepareToGet", getFiles("/../../etc/passwd"))), "a path above the jail");
    }

    @Test
    void aLargeGetIsQueuedAndTheStatusCallFollowsIt() throws Exception {
        String[] paths = new String[TransferService.INLINE_FILES + 1];
        for (int i = 0; i < paths.length; i++) {
            Files.writeString(root.resolve("data/f" + i), "x");
            paths[i] = "/data/f" + i;
        }
        String answer = call("srmPrepareToGet", getFiles(paths));
        assertEquals("SRM_REQUEST_QUEUED", codes(answer).get(0));
        assertTrue(answer.contains("<estimatedWaitTime>"), answer);
        String t = token(answer);
        assertEquals("SRM_REQUEST_QUEUED", codes(call("srmStatusOfGetRequest", token("t", t))).get(0));
        background.forEach(Runnable::run);
        List<String> done = codes(call("srmStatusOfGetRequest", token("t", t)));
        assertEquals("SRM_SUCCESS", done.get(0));
        assertEquals(paths.length + 1, done.size());
    }

    @Test
    void prepareToPutThenPutDoneOnceTheFileArrived() throws Exception {
        String answer = call("srmPrepareToPut", putFiles("/data/new") + "<desiredTotalRequestTime>60</desiredTotalRequestTime>");
        assertEquals(List.of("SRM_SUCCESS", "SRM_SPACE_AVAILABLE"), codes(answer));
        assertTrue(answer.contains("<transferURL>gsiftp://127.0.0.1:2811/data/new</transferURL>"), answer);
        String t = token(answer);
        assertEquals(List.of("SRM_SUCCESS", "SRM_SPACE_AVAILABLE"), codes(call("srmStatusOfPutRequest", token("t", t))));
        assertEquals(List.of("SRM_FAILURE", "SRM_INVALID_PATH"), codes(call("srmPutDone", token("t", t) + surls("/data/new"))));
        Files.writeString(root.resolve("data/new"), "arrived");
        assertEquals(List.of("SRM_SUCCESS", "SRM_SUCCESS"), codes(call("srmPutDone", token("t", t) + surls("/data/new"))));
        assertEquals(List.of("SRM_SUCCESS", "SRM_SUCCESS"), codes(call("srmStatusOfPutRequest", token("t", t))));
    }

    @Test
    void lifetimesAskedAreCappedAndTheDefaultAppliesWhenNoneIsAsked() {
        String capped = call("srmPrepareToPut", putFiles("/data/long") + "<desiredTotalRequestTime>999999</desiredTotalRequestTime>");
        assertTrue(capped.matches("(?s).*<remainingTotalRequestTime>(3600|3599)</remainingTotalRequestTime>.*"), capped);
        String asked = call("srmPrepareToGet", getFiles("/data/a") + "<desiredPinLifeTime>90</desiredPinLifeTime>");
        assertTrue(asked.matches("(?s).*<remainingPinTime>(90|89)</remainingPinTime>.*"), asked);
        String none = call("srmPrepareToGet", getFiles("/data/a"));
        assertTrue(none.matches("(?s).*<remainingTotalRequestTime>(600|599)</remainingTotalRequestTime>.*"), none);
    }

    @Test
    void prepareToPutRefusals() {
        assertEquals(List.of("SRM_DUPLICATION_ERROR", "SRM_DUPLICATION_ERROR"), codes(call("srmPrepareToPut", putFiles("/data/a"))));
        assertEquals(List.of("SRM_NOT_SUPPORTED"), codes(call("srmPrepareToPut", putFiles("/data/b")
                + "<overwriteOption>WHEN_FILES_ARE_DIFFERENT</overwriteOption>")));
        assertEquals(List.of("SRM_INVALID_PATH", "SRM_INVALID_PATH"), codes(call("srmPrepareToPut", putFiles("/nodir/b"))));
        String first = call("srmPrepareToPut", putFiles("/data/b"));
        assertEquals(List.of("SRM_FILE_BUSY", "SRM_FILE_BUSY"), codes(call("srmPrepareToPut", putFiles("/data/b"))));
        assertEquals(List.of("SRM_INVALID_REQUEST"), codes(call("srmStatusOfPutRequest", token("t", "0123abcd"))));
        assertEquals(List.of("SRM_INVALID_REQUEST"), codes(call("srmStatusOfGetRequest", token("t", token(first)))),
                "a put's token is no get's");
    }

    @Test
    void abortRequestOfAPutLeavesNothing() throws Exception {
        String t = token(call("srmPrepareToPut", putFiles("/data/new")));
        Files.writeString(root.resolve("data/new"), "written, never put done");
        assertEquals(List.of("SRM_SUCCESS"), codes(call("srmAbortRequest", token("t", t))));
        assertTrue(Files.notExists(root.resolve("data/new")));
        assertEquals(List.of("SRM_ABORTED", "SRM_ABORTED"), codes(call("srmStatusOfPutRequest", token("t", t))));
        assertEquals(List.of("SRM_FAILURE"), codes(call("srmAbortRequest", token("t", t))));
        assertEquals(List.of("SRM_INVALID_REQUEST"), codes(call("srmAbortRequest", token("t", "ffff"))));
    }

    @Test
    void abortFilesEndsOnlyTheNamedFiles() throws Exception {
        String t = token(call("srmPrepareToPut", putFiles("/data/x", "/data/y")));
        Files.writeString(root.resolve("data/x"), "x");
        assertEquals(List.of("SRM_SUCCESS", "SRM_SUCCESS"), codes(call("srmAbortFiles", token("t", t) + surls("/data/x"))));
        assertTrue(Files.notExists(root.resolve("data/x")));
        assertEquals(List.of("SRM_PARTIAL_SUCCESS", "SRM_ABORTED", "SRM_SPACE_AVAILABLE"),
                codes(call("srmStatusOfPutRequest", token("t", t))));
        assertEquals(List.of("SRM_FAILURE", "SRM_INVALID_PATH"), codes(call("srmAbortFiles", token("t", t) + surls("/data/z"))));
    }

    @Test
    void releaseFilesByTokenAndBySurl() {
        String t = token(call("srmPrepareToGet", getFiles("/data/a")));
        assertEquals(List.of("SRM_SUCCESS", "SRM_SUCCESS"), codes(call("srmReleaseFiles", token("t", t))));
        assertEquals(List.of("SRM_SUCCESS", "SRM_RELEASED"), codes(call("srmStatusOfGetRequest", token("t", t))));
        call("srmPrepareToGet", getFiles("/data/a"));
        assertEquals(List.of("SRM_SUCCESS", "SRM_SUCCESS"), codes(call("srmReleaseFiles", surls("/data/a"))));
        assertEquals(List.of("SRM_FAILURE", "SRM_INVALID_PATH"), codes(call("srmReleaseFiles", surls("/data/a"))));
        assertEquals(List.of("SRM_INVALID_REQUEST"), codes(call("srmReleaseFiles", "")));
    }
}
