package dev.wharf.server.ftp;

/**
 * Whether an upload whose data connection ended cleanly is kept (issue 14 §2). In stream mode the end of
 * the data connection is the end of the file, so a client killed mid-upload looks like one that finished;
 * what the server still knows decides:
 * <ul>
 *   <li>the control connection is gone or going (the peer's FIN or RST has arrived): the client will never
 *       read the 226, so it did not finish — abort;</li>
 *   <li>the client announced a size with ALLO and less arrived: abort (stream mode; MODE E's EOF and EOD
 *       counts already say whether every block came, and its receiver refuses blocks beyond ALLO).</li>
 * </ul>
 * A reset data connection never reaches this decision: it is an I/O error, and errors abort.
 */
final class UploadVerdict {

    /**
     * How long a stream-mode upload without ALLO waits after its data connection ended before the
     * control connection is looked at. A process killed on Linux releases its sockets last-opened first,
     * so the data connection's FIN usually arrives a few microseconds before the control connection's;
     * looked at too early, a killed client's control connection still seems established.
     */
    static final java.time.Duration CONTROL_CLOSE_GRACE = java.time.Duration.ofMillis(5);

    private UploadVerdict() {}

    /**
     * Whether an upload that ended cleanly waits {@link #CONTROL_CLOSE_GRACE} before its verdict: only a
     * stream-mode upload without an announced size, whose end can be a killed client's. MODE E ends with
     * EOF and EOD counts, ALLO gives the size: both say whether the file is whole, with no wait.
     */
    static boolean waitsForControlClose(long announced, boolean blockMode) {
        return announced < 0 && !blockMode;
    }

    /**
     * @param controlConnected whether the control connection is still established
     * @param announced ALLO's size of a stream-mode upload, or {@link FtpSession#NO_ANNOUNCED_SIZE}. Compared
     *     with the file's size after the upload: clients announce either the whole file or only what they
     *     send after a REST or for APPE, and the file's size is at least either, so neither reading aborts a
     *     whole upload
     * @param start where the first received byte went (the REST offset, or the old length for APPE)
     * @param received bytes written by this upload
     * @return null to commit, or why the upload is aborted
     */
    static String abortReason(boolean controlConnected, long announced, long start, long received) {
        if (!controlConnected) {
            return "control connection lost before the upload ended";
        }
        if (announced >= 0) {
            long size = start + received;
            if (size < announced) {
                return "short upload: " + size + " of the " + announced + " bytes announced by ALLO";
            }
        }
        return null;
    }
}
