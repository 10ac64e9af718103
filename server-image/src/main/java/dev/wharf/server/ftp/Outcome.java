package dev.wharf.server.ftp;

/**
 * What a command asks the session handler to do: write a reply, or a reply plus a pipeline effect.
 * Commands never touch the channel themselves, which keeps them testable without sockets.
 */
public sealed interface Outcome permits FtpReply, Outcome.StartTransfer, Outcome.StartTls, Outcome.StopTls,
        Outcome.Close, Outcome.AfterTransfer, Outcome.Protect, Outcome.Delayed {

    /** The reply written first (the preliminary 150 for a transfer). */
    FtpReply reply();

    /**
     * Run the transfer in the session's {@link TransferMode}: it writes the 1xx reply (or a refusal), and
     * the final reply follows when the transfer ends.
     */
    record StartTransfer(PreparedTransfer transfer) implements Outcome {
        /** The 150 of a transfer on a new data connection (the mode may answer 125 or refuse instead). */
        @Override
        public FtpReply reply() {
            return FtpReply.of(150, transfer.preliminary().opening());
        }
    }

    /** AUTH TLS: add the startTls SslHandler, then write the 234 reply (in that order). */
    record StartTls(FtpReply reply) implements Outcome {}

    /** CCC: write the reply under TLS, then drop TLS from the control channel. */
    record StopTls(FtpReply reply) implements Outcome {}

    /** ABOR: write the reply only after the running transfer's final reply (426 before 226). */
    record AfterTransfer(FtpReply reply) implements Outcome {}

    /** QUIT: write the reply (after a running transfer's final reply) and close. */
    record Close(FtpReply reply) implements Outcome {}

    /**
     * A failed password: write the reply after {@code delayMillis} (scheduled, no thread waits), then close
     * if asked; the session's later commands wait for it, so replies keep their order.
     */
    record Delayed(FtpReply reply, long delayMillis, boolean close) implements Outcome {}

    /** ADAT that established a security context: write the reply in clear, then protect the control channel. */
    record Protect(FtpReply reply, ControlProtection protection) implements Outcome {}
}
