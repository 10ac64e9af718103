package dev.wharf.server.srm.transfer;

import dev.wharf.server.fs.Storage;
import dev.wharf.server.fs.StorageException;
import dev.wharf.server.fs.Upload;
import dev.wharf.server.srm.v22.TStatusCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static dev.wharf.server.srm.transfer.TransferFixture.ALICE;
import static dev.wharf.server.srm.transfer.TransferFixture.ask;
import static dev.wharf.server.srm.transfer.TransferFixture.begin;
import static dev.wharf.server.srm.transfer.TransferFixture.overwriting;
import static dev.wharf.server.srm.transfer.TransferFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** srmPutDone, srmReleaseFiles, srmAbortRequest, srmAbortFiles and expiry, over a real jail. */
class FileEndingsTest {

    @TempDir Path root;
    TransferFixture fx;
    Storage alice;
    FileEndings endings;

    @BeforeEach
    void setUp() throws Exception {
        fx = new TransferFixture(root);
        alice = fx.storage(ALICE);
        endings = fx.service.endings();
        Files.createDirectory(root.resolve("data"));
        Files.writeString(root.resolve("data/a"), "hello");
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    String put(String path) {
        RequestView v = fx.service.prepareToPut(alice, ask(path));
        assertEquals(TStatusCode.SRM_SUCCESS, v.status(), v.explanation());
        return v.token();
    }

    @Test
    void putDoneBeforeTheFileArrivedFailsAndMayBeRepeatedOnceItHas() throws Exception {
        String token = put("/data/new");
        SurlResults early = endings.putDone(alice, token, null);
        assertEquals(TStatusCode.SRM_FAILURE, early.status());
        assertEquals(TStatusCode.SRM_INVALID_PATH, early.files().get(0).status());
        write(alice, "/data/new", "payload");
        SurlResults done = endings.putDone(alice, token, null);
        assertEquals(TStatusCode.SRM_SUCCESS, done.status(), done.explanation());
        RequestView after = fx.service.status(ALICE, token, null, true);
        assertEquals(TStatusCode.SRM_SUCCESS, after.status());
        assertEquals(TStatusCode.SRM_SUCCESS, after.files().get(0).status());
        assertEquals(0, fx.store.openCount(), "a put-done request no longer counts");
        assertEquals(TStatusCode.SRM_SUCCESS, fx.service.prepareToPut(alice, overwriting("/data/new")).status(),
                "the SURL is free for the next put");
    }

    @Test
    void anUploadStillRunningIsNotArrived() throws Exception {
        String token = put("/data/new");
        Upload running = begin(alice, "/data/new", "half");
        assertEquals(TStatusCode.SRM_INVALID_PATH, endings.putDone(alice, token, null).files().get(0).status());
        running.commit(4);
        assertEquals(TStatusCode.SRM_SUCCESS, endings.putDone(alice, token, null).status());
    }

    @Test
    void anOverwritePutMustReplaceTheOldFileToBeDone() throws Exception {
        RequestView v = fx.service.prepareToPut(alice, overwriting("/data/a"));
        assertEquals(TStatusCode.SRM_INVALID_PATH, endings.putDone(alice, v.token(), null).files().get(0).status());
        write(alice, "/data/a", "hello");
        assertEquals(TStatusCode.SRM_SUCCESS, endings.putDone(alice, v.token(), null).status());
    }

    @Test
    void anAbortedPutLeavesNothingOfWhatItWrote() throws Exception {
        String token = put("/data/new");
        write(alice, "/data/new", "payload");
        assertEquals(TStatusCode.SRM_SUCCESS, endings.abortRequest(alice, token).status());
        assertTrue(Files.notExists(root.resolve("data/new")));
        RequestView v = fx.service.status(ALICE, token, null, true);
        assertEquals(TStatusCode.SRM_ABORTED, v.status());
        assertEquals(TStatusCode.SRM_ABORTED, v.files().get(0).status());
        assertEquals(TStatusCode.SRM_ABORTED, endings.putDone(alice, token, null).files().get(0).status());
        assertEquals(TStatusCode.SRM_FAILURE, endings.abortRequest(alice, token).status(), "nothing left to abort");
    }

    @Test
    void anUploadStillRunningAtTheAbortCannotLand() throws Exception {
        String token = put("/data/new");
        Upload running = begin(alice, "/data/new", "late bytes");
        endings.abortRequest(alice, token);
        StorageException refused = assertThrows(StorageException.class, () -> running.commit(10),
                "the gsiftp upload completes after the client aborted");
        assertEquals(StorageException.Reason.DENIED, refused.reason());
        assertTrue(refused.getMessage().contains("was aborted"), refused.getMessage());
        try (var left = Files.list(root.resolve("data"))) {
            assertEquals(List.of("a"), left.map(p -> p.getFileName().toString()).toList(), "no file, no temporary");
        }
    }

    @Test
    void aFileThatSlipsInAfterTheAbortIsRemovedByTheSweepUntilTheWatchEnds() throws Exception {
        String token = put("/data/new");
        endings.abortRequest(alice, token);
        // an upload that passed its fence check just before the abort renames its file in afterwards
        Files.writeString(root.resolve("data/new"), "slipped in");
        endings.sweep();
        assertTrue(Files.notExists(root.resolve("data/new")), "an aborted put leaves nothing");
        assertEquals(1, endings.watched());
        fx.clock.advance(FileEndings.LATE_UPLOAD_WATCH);
        endings.sweep();
        assertEquals(0, endings.watched(), "the watch ends");
    }

    @Test
    void aNewPutOfTheSurlEndsTheWatchOfAnAbortedOne() throws Exception {
        endings.abortRequest(alice, put("/data/new"));
        String second = put("/data/new");
        assertEquals(0, endings.watched());
        write(alice, "/data/new", "kept");
        endings.sweep();
        assertEquals(TStatusCode.SRM_SUCCESS, endings.putDone(alice, second, null).status());
        assertEquals("kept", Files.readString(root.resolve("data/new")));
    }

    @Test
    void abortFilesSparesPutDoneFiles() throws Exception {
        RequestView v = fx.service.prepareToPut(alice, ask("/data/x", "/data/y"));
        write(alice, "/data/x", "x");
        write(alice, "/data/y", "y");
        String x = v.files().get(0).surl();
        String y = v.files().get(1).surl();
        assertEquals(TStatusCode.SRM_SUCCESS, endings.putDone(alice, v.token(), List.of(x)).status());
        SurlResults aborted = endings.abortFiles(alice, v.token(), List.of(x, y, "srm://h/other"));
        assertEquals(TStatusCode.SRM_PARTIAL_SUCCESS, aborted.status());
        assertEquals(List.of(TStatusCode.SRM_FAILURE, TStatusCode.SRM_SUCCESS, TStatusCode.SRM_INVALID_PATH),
                aborted.files().stream().map(SurlResult::status).toList());
        assertTrue(Files.exists(root.resolve("data/x")));
        assertTrue(Files.notExists(root.resolve("data/y")));
        assertEquals(TStatusCode.SRM_INVALID_REQUEST, endings.abortFiles(alice, v.token(), List.of()).status());
    }

    @Test
    void releaseEndsPinsByTokenOrByName() {
        RequestView one = fx.service.prepareToGet(alice, ask("/data/a"));
        assertEquals(TStatusCode.SRM_SUCCESS, endings.releaseFiles(ALICE, one.token(), null).status());
        RequestView released = fx.service.status(ALICE, one.token(), null, false);
        assertEquals(TStatusCode.SRM_RELEASED, released.files().get(0).status());
        assertEquals(null, released.files().get(0).turl());
        RequestView two = fx.service.prepareToGet(alice, ask("/data/a"));
        String surl = two.files().get(0).surl();
        assertEquals(TStatusCode.SRM_SUCCESS, endings.releaseFiles(ALICE, null, List.of(surl)).status());
        assertEquals(TStatusCode.SRM_RELEASED, fx.service.status(ALICE, two.token(), null, false).files().get(0).status());
        assertEquals(TStatusCode.SRM_FAILURE, endings.releaseFiles(ALICE, null, List.of(surl)).status(), "no pin left");
        assertEquals(TStatusCode.SRM_INVALID_REQUEST, endings.releaseFiles(ALICE, null, null).status());
        assertEquals(TStatusCode.SRM_INVALID_REQUEST, endings.releaseFiles(ALICE, put("/data/p"), null).status());
        assertEquals(0, fx.store.openOf(ALICE.principal()).stream().filter(r -> !r.put()).count());
    }

    @Test
    void expiryReleasesGetsAndRemovesWhatPutsNeverPutDone() throws Exception {
        RequestView get = fx.service.prepareToGet(alice, ask("/data/a"));
        String put = put("/data/new");
        write(alice, "/data/new", "never put done");
        fx.clock.advance(Duration.ofMinutes(10));
        endings.sweep();
        assertTrue(Files.notExists(root.resolve("data/new")));
        assertTrue(Files.exists(root.resolve("data/a")), "a get never touches its file");
        assertEquals(TStatusCode.SRM_REQUEST_TIMED_OUT, fx.service.status(ALICE, get.token(), null, false).status());
        RequestView p = fx.service.status(ALICE, put, null, true);
        assertEquals(TStatusCode.SRM_REQUEST_TIMED_OUT, p.files().get(0).status());
        assertEquals(0, fx.store.openCount());
    }

    @Test
    void aClientThatNeverFinishesItsRequestsDoesNotLeak() throws Exception {
        TransferFixture small = new TransferFixture(root, new TransferLimits(5, 5, 10, Duration.ofMinutes(1),
                Duration.ofMinutes(1), Optional.empty()));
        try {
            Storage s = small.storage(ALICE);
            for (int round = 0; round < 20; round++) {
                for (int i = 0; i < 5; i++) {
                    RequestView v = small.service.prepareToPut(s, ask("/data/r" + round + "-" + i));
                    assertEquals(TStatusCode.SRM_SUCCESS, v.status(), "round " + round + ": " + v.explanation());
                    write(s, "/data/r" + round + "-" + i, "abandoned");
                }
                assertEquals(TStatusCode.SRM_INTERNAL_ERROR, small.service.prepareToGet(s, ask("/data/a")).status(),
                        "the bound holds while they are open");
                small.clock.advance(Duration.ofMinutes(1));
                small.service.endings().sweep();
            }
            small.clock.advance(FileEndings.LATE_UPLOAD_WATCH.plus(RequestStore.FINISHED_RETENTION));
            small.service.endings().sweep();
            assertEquals(0, small.store.size(), "every request is forgotten");
            assertEquals(0, small.service.endings().watched());
            try (var left = Files.list(root.resolve("data"))) {
                assertEquals(List.of("a"), left.map(p -> p.getFileName().toString()).toList(), "no abandoned upload is left");
            }
        } finally {
            small.close();
        }
    }
}
