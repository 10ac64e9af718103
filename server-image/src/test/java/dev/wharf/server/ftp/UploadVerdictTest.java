package dev.wharf.server.ftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The keep-or-abort rule of an upload that ended cleanly (issue 14 §2), one case each. */
class UploadVerdictTest {

    static final long NONE = FtpSession.NO_ANNOUNCED_SIZE;

    @Test
    void aLiveClientWithoutAlloKeepsItsFile() {
        assertNull(UploadVerdict.abortReason(true, NONE, 0, 10));
    }

    @Test
    void aVanishedControlConnectionAbortsEvenAWholeFile() {
        assertEquals("control connection lost before the upload ended",
                UploadVerdict.abortReason(false, 10, 0, 10));
    }

    @Test
    void alloIsComparedWithTheFileSizeAfterTheUpload() {
        assertNull(UploadVerdict.abortReason(true, 100, 60, 40), "REST 60, ALLO of the whole file");
        assertTrue(UploadVerdict.abortReason(true, 100, 60, 39).contains("99 of the 100"));
        assertNull(UploadVerdict.abortReason(true, 40, 60, 40), "REST 60, ALLO of the bytes sent");
        assertNull(UploadVerdict.abortReason(true, 540, 500, 40), "APPE onto 500 bytes, ALLO of the whole file");
        assertTrue(UploadVerdict.abortReason(true, 540, 500, 39).startsWith("short upload"));
        assertNull(UploadVerdict.abortReason(true, 10, 0, 12), "more than announced is not short");
    }

    @Test
    void onlyStreamModeUploadsWithoutAlloWaitForTheControlClose() {
        assertTrue(UploadVerdict.waitsForControlClose(NONE, false));
        assertFalse(UploadVerdict.waitsForControlClose(10, false));
        assertFalse(UploadVerdict.waitsForControlClose(NONE, true));
    }
}
