package dev.wharf.server.ftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.fs.UploadMode;
import org.junit.jupiter.api.Test;

/** The keep-or-abort rule of an upload that ended cleanly (issue 14 §2), one case each. */
class UploadVerdictTest {

    static final long NONE = FtpSession.NO_ANNOUNCED_SIZE;

    @Test
    void aLiveClientWithoutAlloKeepsItsFile() {
        assertNull(UploadVerdict.abortReason(true, NONE, UploadMode.REPLACE, 0, 10));
    }

    @Test
    void aVanishedControlConnectionAbortsEvenAWholeFile() {
        assertEquals("control connection lost before the upload ended",
                UploadVerdict.abortReason(false, 10, UploadMode.REPLACE, 0, 10));
    }

    @Test
    void alloIsTheFileSizeAfterARestartAndTheAppendedBytesForAppe() {
        assertNull(UploadVerdict.abortReason(true, 100, UploadMode.RESUME, 60, 40));
        assertTrue(UploadVerdict.abortReason(true, 100, UploadMode.RESUME, 60, 39).contains("99 of the 100"));
        assertNull(UploadVerdict.abortReason(true, 40, UploadMode.APPEND, 500, 40));
        assertTrue(UploadVerdict.abortReason(true, 40, UploadMode.APPEND, 500, 39).startsWith("short upload"));
        assertNull(UploadVerdict.abortReason(true, 10, UploadMode.REPLACE, 0, 12), "more than announced is not short");
    }

    @Test
    void onlyStreamModeUploadsWithoutAlloWaitForTheControlClose() {
        assertTrue(UploadVerdict.waitsForControlClose(NONE, false));
        assertFalse(UploadVerdict.waitsForControlClose(10, false));
        assertFalse(UploadVerdict.waitsForControlClose(NONE, true));
    }
}
