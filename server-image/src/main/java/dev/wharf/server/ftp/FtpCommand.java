package dev.wharf.server.ftp;

/**
 * One FTP verb. Runs on the session's sequential executor (never on the event loop), reads and
 * changes the {@link FtpSession}, and returns what to answer; errors are {@link FtpException}s.
 */
@FunctionalInterface
public interface FtpCommand {

    Outcome execute(FtpSession session, String argument) throws FtpException;
}
