package dev.wharf.server.ftp;

import io.netty.channel.Channel;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What {@link TransferRunner} gives a {@link ManagedTransfer}.
 *
 * @param session the control session (its executor is busy with nothing else while the transfer runs)
 * @param progress bytes moved so far (STAT, aborted-transfer logs)
 * @param protect prepares one new data connection exactly as the runner prepares a MODE S one
 *                (data-channel protection, chunked writes); call once per connection
 * @param connected call when the first data connection is there (else a failure is a 425)
 * @param interim writes an intermediate reply (111/112 markers) on the control connection, in order
 */
public record DataStreams(FtpSession session, AtomicLong progress, Consumer<Channel> protect, Runnable connected,
                          Consumer<FtpReply> interim) {}
