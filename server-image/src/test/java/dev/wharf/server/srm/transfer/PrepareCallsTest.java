package dev.wharf.server.srm.transfer;

import dev.wharf.config.AccessLevel;
import dev.wharf.server.fs.Storage;
import dev.wharf.server.srm.v22.TStatusCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static dev.wharf.server.srm.transfer.TransferFixture.ALICE;
import static dev.wharf.server.srm.transfer.TransferFixture.BOB;
import static dev.wharf.server.srm.transfer.TransferFixture.ask;
import static dev.wharf.server.srm.transfer.TransferFixture.overwriting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** srmPrepareToGet, srmPrepareToPut and their status calls, over a real jail (TransferFixture). */
class PrepareCallsTest {

    @TempDir Path root;
    TransferFixture fx;
    Storage alice;

    @BeforeEach
    void setUp() throws Exception {
        fx = new TransferFixture(root);
        alice = fx.storage(ALICE);
        Files.createDirectory(root.resolve("data"));
        Files.writeString(root.resolve("data/a"), "hello");
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void aGetOfAReadableFileIsPinnedWithAGsiftpTurlAndItsSize() {
        RequestView v = fx.service.prepareToGet(alice, ask("/data/a"));
        assertEquals(TStatusCode.SRM_SUCCESS, v.status(), v.explanation());
        FileView f = v.files().get(0);
        assertEquals(TStatusCode.SRM_FILE_PINNED, f.status());
        assertEquals("gsiftp://127.0.0.1:2811/data/a", f.turl().toString());
        assertEquals(5, f.size());
        assertEquals(600, v.remainingSeconds());
        assertEquals(v, fx.service.status(ALICE, v.token(), null, false));
    }

    @Test
    void getFailuresArePerFileWithTheirOwnCodes() {
        RequestView v = fx.service.prepareToGet(alice, ask("/data/a", "/data/missing", "/data"));
        assertEquals(TStatusCode.SRM_PARTIAL_SUCCESS, v.status());
        assertEquals(List.of(TStatusCode.SRM_FILE_PINNED, TStatusCode.SRM_INVALID_PATH, TStatusCode.SRM_INVALID_PATH),
                v.files().stream().map(FileView::status).toList());
        assertNull(v.files().get(1).turl());
        assertTrue(v.files().get(2).explanation().contains("directory"), v.files().get(2).explanation());
    }

    @Test
    void aSingleFailedFileGivesTheRequestItsCodeSoGfalReportsTheRightErrno() {
        assertEquals(TStatusCode.SRM_INVALID_PATH, fx.service.prepareToGet(alice, ask("/nope")).status());
        fx.granted = AccessLevel.NONE;
        assertEquals(TStatusCode.SRM_AUTHORIZATION_FAILURE, fx.service.prepareToGet(alice, ask("/data/a")).status());
    }

    @Test
    void aSurlThatNamesNothingHereFailsThatFileOnly() {
        TransferService.Ask a = new TransferService.Ask(List.of(TransferService.Target.of("srm://x/data/a", "/data/a"),
                TransferService.Target.invalid("srm://elsewhere/f", TStatusCode.SRM_INVALID_PATH, "not a SURL of this server")), List.of(), null, null);
        RequestView v = fx.service.prepareToGet(alice, a);
        assertEquals(TStatusCode.SRM_PARTIAL_SUCCESS, v.status());
        assertEquals("not a SURL of this server", v.files().get(1).explanation());
    }

    @Test
    void noServedProtocolIsNotSupportedAndCreatesNoRequest() {
        TransferService.Ask a = new TransferService.Ask(ask("/data/a").targets(), List.of("rfio", "https"), null, null);
        RequestView v = fx.service.prepareToGet(alice, a);
        assertEquals(TStatusCode.SRM_NOT_SUPPORTED, v.status());
        assertNull(v.token());
        assertEquals(0, fx.store.size());
    }

    @Test
    void aPutOfANewNameGetsSpaceAndATurlAndWritesNothingYet() {
        RequestView v = fx.service.prepareToPut(alice, ask("/data/new"));
        assertEquals(TStatusCode.SRM_SUCCESS, v.status(), v.explanation());
        assertEquals(TStatusCode.SRM_SPACE_AVAILABLE, v.files().get(0).status());
        assertEquals("gsiftp://127.0.0.1:2811/data/new", v.files().get(0).turl().toString());
        assertTrue(Files.notExists(root.resolve("data/new")));
        assertEquals(TStatusCode.SRM_SPACE_AVAILABLE, fx.service.status(ALICE, v.token(), null, true).files().get(0).status());
    }

    @Test
    void aPutOntoAnExistingFileIsADuplicationErrorUnlessOverwriteIsAskedAndAllowed() throws Exception {
        assertEquals(TStatusCode.SRM_DUPLICATION_ERROR, fx.service.prepareToPut(alice, ask("/data/a")).status());
        RequestView always = fx.service.prepareToPut(alice, overwriting("/data/a"));
        assertEquals(TStatusCode.SRM_SUCCESS, always.status());
        fx.service.endings().abortRequest(alice, always.token());
        assertEquals("hello", Files.readString(root.resolve("data/a")), "an aborted overwrite that wrote nothing keeps the old file");
        RequestView never = fx.service(false).prepareToPut(alice, overwriting("/data/a"));
        assertEquals(TStatusCode.SRM_DUPLICATION_ERROR, never.status());
        assertTrue(never.explanation().contains("transfer.overwrite"), never.explanation());
        TransferService.Ask different = new TransferService.Ask(ask("/data/a").targets(), List.of(), null, "WHEN_FILES_ARE_DIFFERENT");
        assertEquals(TStatusCode.SRM_NOT_SUPPORTED, fx.service.prepareToPut(alice, different).status());
        TransferService.Ask bogus = new TransferService.Ask(ask("/data/b").targets(), List.of(), null, "SOMETIMES");
        assertEquals(TStatusCode.SRM_INVALID_REQUEST, fx.service.prepareToPut(alice, bogus).status());
    }

    @Test
    void putRefusalsFollowTheAclAndTheNamespace() {
        assertEquals(TStatusCode.SRM_INVALID_PATH, fx.service.prepareToPut(alice, ask("/nodir/f")).status());
        assertEquals(TStatusCode.SRM_INVALID_PATH, fx.service.prepareToPut(alice, ask("/data/a/f")).status());
        assertEquals(TStatusCode.SRM_INVALID_PATH, fx.service.prepareToPut(alice, ask("/data")).status());
        assertEquals(TStatusCode.SRM_INVALID_PATH, fx.service.prepareToPut(alice, ask("/")).status());
        fx.granted = AccessLevel.LIST;
        RequestView denied = fx.service.prepareToPut(alice, ask("/data/new"));
        assertEquals(TStatusCode.SRM_AUTHORIZATION_FAILURE, denied.status());
        assertTrue(Files.notExists(root.resolve("data/new")));
    }

    @Test
    void twoOpenPutsOfOneSurlCannotBothWrite() {
        RequestView first = fx.service.prepareToPut(alice, ask("/data/new"));
        assertEquals(TStatusCode.SRM_SUCCESS, first.status());
        assertEquals(TStatusCode.SRM_FILE_BUSY, fx.service.prepareToPut(alice, ask("/data/new")).status());
        fx.service.endings().abortRequest(alice, first.token());
        assertEquals(TStatusCode.SRM_SUCCESS, fx.service.prepareToPut(alice, ask("/data/new")).status());
    }

    @Test
    void anotherClientsTokenIsAnUnknownOneAndKindsDoNotMix() throws Exception {
        RequestView v = fx.service.prepareToGet(alice, ask("/data/a"));
        assertEquals(TStatusCode.SRM_INVALID_REQUEST, fx.service.status(BOB, v.token(), null, false).status());
        assertEquals(TStatusCode.SRM_INVALID_REQUEST, fx.service.status(ALICE, v.token(), null, true).status());
        assertEquals(TStatusCode.SRM_INVALID_REQUEST, fx.service.endings().abortRequest(fx.storage(BOB), v.token()).status());
        assertEquals(TStatusCode.SRM_FILE_PINNED, fx.service.status(ALICE, v.token(), null, false).files().get(0).status());
    }

    @Test
    void statusOfChosenSurlsNamesUnknownOnes() {
        RequestView v = fx.service.prepareToGet(alice, ask("/data/a"));
        String surl = v.files().get(0).surl();
        RequestView some = fx.service.status(ALICE, v.token(), List.of(surl, "srm://x/other"), false);
        assertEquals(List.of(TStatusCode.SRM_FILE_PINNED, TStatusCode.SRM_INVALID_PATH), some.files().stream().map(FileView::status).toList());
    }

    @Test
    void aLargeRequestIsQueuedThenInProgressThenDone() throws Exception {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i <= TransferService.INLINE_FILES; i++) {
            Files.writeString(root.resolve("data/f" + i), "x");
            paths.add("/data/f" + i);
        }
        RequestView v = fx.service.prepareToGet(alice, ask(paths.toArray(String[]::new)));
        assertEquals(TStatusCode.SRM_REQUEST_QUEUED, v.status());
        assertNotNull(v.token());
        assertTrue(v.files().stream().allMatch(f -> f.status() == TStatusCode.SRM_REQUEST_QUEUED && f.turl() == null));
        assertEquals(1, fx.background.size());
        fx.runBackground();
        RequestView done = fx.service.status(ALICE, v.token(), null, false);
        assertEquals(TStatusCode.SRM_SUCCESS, done.status());
        assertTrue(done.files().stream().allMatch(f -> f.status() == TStatusCode.SRM_FILE_PINNED && f.turl() != null));
    }

    @Test
    void anEmptyRequestIsInvalid() {
        RequestView v = fx.service.prepareToPut(alice, new TransferService.Ask(List.of(), List.of(), null, null));
        assertEquals(TStatusCode.SRM_INVALID_REQUEST, v.status());
    }
}
