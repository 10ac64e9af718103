package dev.wharf.server.ftp;

/**
 * A command that touches neither storage nor authentication and never waits: the session handler may
 * run it on the control connection's event loop, when nothing else of the session is queued, instead
 * of handing it to the session's executor and its reply back (two thread wake-ups). Per small file a
 * client sends one of these (PASV) and one storage command (RETR), so the hand-offs are a large part
 * of what a small file costs.
 */
public interface InlineCommand extends FtpCommand {}
